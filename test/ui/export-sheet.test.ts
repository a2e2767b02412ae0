import assert from 'node:assert/strict'
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { PDFParse } from 'pdf-parse'
import {
  SHEET_PASSWORD_CONFIRM_LABEL,
  SHEET_PASSWORD_CONFIRM_MISSING,
  SHEET_PASSWORD_WARNING,
} from '../../renderer/src/features/exports/export-text'
import { browserSkip } from '../harness/open-desk'
import { isFocused } from '../helpers/customer-form-steps'
import { PASSWORDS } from '../helpers/export-fixtures'
import { notice, openExportUi, pickFromDataMenu, showSamples } from '../helpers/export-ui'
import { generateCustomers } from '../helpers/generate-customers'

async function readPdfPages(path: string): Promise<{ pages: string[]; sizes: { width: number; height: number }[] }> {
  const parser = new PDFParse({ data: await readFile(path) })
  try {
    const text = await parser.getText()
    const info = await parser.getInfo({ parsePageInfo: true })
    return {
      pages: text.pages.map((page) => page.text.replace(/\s+/g, ' ')),
      sizes: (info.pages ?? []).map((page) => ({ width: Math.round(page.width), height: Math.round(page.height) })),
    }
  } finally {
    await parser.destroy()
  }
}

describe('Data menu: customer sheets', { skip: browserSkip }, () => {
  test('every customer on A4: the progress reaches the end, the PDF has a page each and no password', async (t) => {
    const { page, api, folder, dialogs, pageErrors } = await openExportUi(t)
    const customers = await showSamples(page, api)
    await pickFromDataMenu(page, 'Customer sheets (PDF)…')
    const dialog = page.getByRole('dialog', { name: 'Customer sheets for all 3 customers' })
    assert.ok(await dialog.getByRole('radio', { name: /A4/ }).isChecked(), 'A4 by default')
    await dialog.getByRole('button', { name: 'Save PDF…' }).click()

    const path = join(folder, dialogs.saves[0]?.suggestedName ?? '')
    await dialog.getByText(`Saved 3 customer sheets to ${path}.`).waitFor()
    const bar = dialog.getByRole('progressbar')
    assert.equal(await bar.getAttribute('aria-valuenow'), '3')
    assert.equal(await bar.getAttribute('aria-valuemax'), '3')
    assert.equal(await bar.getAttribute('aria-valuetext'), '3 of 3 sheets')
    await dialog.getByText('3 of 3').waitFor()
    await notice(page, `Saved 3 customer sheets to ${path}`).waitFor()
    assert.ok(await isFocused(dialog.getByRole('button', { name: 'Close' })), 'the focus moves to Close when the job ends')

    const { pages, sizes } = await readPdfPages(path)
    assert.equal(pages.length, 3)
    assert.deepEqual(sizes[0], { width: 595, height: 842 }, 'A4')
    const byName = [...customers].sort((a, b) => a.companyName.localeCompare(b.companyName, undefined, { sensitivity: 'base' }))
    byName.forEach((customer, index) => assert.ok(pages[index]?.replace(/\s/g, '').includes(customer.companyName.replace(/\s/g, '')), `page ${index + 1} is ${customer.companyName}`))
    for (const password of PASSWORDS) assert.ok(!pages.join(' ').includes(password), 'no password unless asked for')

    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    assert.deepEqual(pageErrors, [])
  })

  test('Cancel stops a long job: the dialog closes, the user is told, and no file or temp file is left', async (t) => {
    // 4,000 pages take main seconds to draw, far longer than the click on Cancel takes to arrive.
    const { page, folder, pageErrors } = await openExportUi(t, generateCustomers(4000))
    await page.getByText('4,000 of 4,000 customers').waitFor()
    await pickFromDataMenu(page, 'Customer sheets (PDF)…')
    const dialog = page.getByRole('dialog', { name: 'Customer sheets for all 4,000 customers' })
    await dialog.getByRole('button', { name: 'Save PDF…' }).click()
    await dialog.getByRole('progressbar').waitFor()
    const cancel = dialog.getByRole('button', { name: 'Cancel' })
    assert.ok(await isFocused(cancel), 'Cancel has the focus while the job runs')
    await cancel.click()
    await dialog.waitFor({ state: 'detached' })
    await notice(page, 'The customer sheets were cancelled; no file was saved.').waitFor()
    assert.deepEqual(await readdir(folder), [], 'neither the PDF nor its temp file')
    assert.deepEqual(pageErrors, [])
  })

  test('"Include passwords" shows the warning and needs its own confirmation before main is asked; then the sheet has the password', async (t) => {
    const { page, api, folder, dialogs, pageErrors } = await openExportUi(t)
    await showSamples(page, api)
    await page.getByRole('row', { name: /^Contoso Ltd/ }).click()
    await page.getByRole('region', { name: 'Details of Contoso Ltd' }).getByRole('button', { name: 'Customer sheet (PDF)' }).click()
    const dialog = page.getByRole('dialog', { name: 'Customer sheet for Contoso Ltd' })
    await dialog.getByRole('radio', { name: /Letter/ }).check()
    assert.equal(await dialog.getByText(SHEET_PASSWORD_WARNING).count(), 0, 'no warning before the box is ticked')
    await dialog.getByRole('checkbox', { name: /Include passwords/ }).check()
    await dialog.getByText(SHEET_PASSWORD_WARNING).waitFor()

    await dialog.getByRole('button', { name: 'Save PDF…' }).click()
    const confirm = dialog.getByRole('checkbox', { name: SHEET_PASSWORD_CONFIRM_LABEL })
    await dialog.getByText(SHEET_PASSWORD_CONFIRM_MISSING).waitFor()
    assert.equal(await confirm.getAttribute('aria-invalid'), 'true')
    assert.ok(await isFocused(confirm), 'the focus goes to the confirmation')
    assert.equal(dialogs.saves.length, 0, 'no save dialog until the warning is confirmed')

    await confirm.check()
    await dialog.getByRole('button', { name: 'Save PDF…' }).click()
    const path = join(folder, dialogs.saves[0]?.suggestedName ?? '')
    await dialog.getByText(`Saved 1 customer sheet to ${path}.`).waitFor()
    const { pages, sizes } = await readPdfPages(path)
    assert.deepEqual(sizes, [{ width: 612, height: 792 }], 'one Letter page')
    assert.ok(pages[0]?.includes(PASSWORDS[0] ?? '—'), 'the password is printed once confirmed')
    await dialog.getByRole('button', { name: 'Close' }).click()
    await dialog.waitFor({ state: 'detached' })
    assert.deepEqual(pageErrors, [])
  })
})
