import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test, type TestContext } from 'node:test'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { PDFParse } from 'pdf-parse'
import type { Page } from 'playwright-core'
import { browserSkip } from '../harness/open-desk'
import { customerGrid, customerRow, noticeBar, selectedCompanies, selectionBar, selectionCount } from '../helpers/list-selection-steps'
import { openWithSamples } from '../helpers/sample-desk'
import { scriptedDialogs } from '../helpers/export-fixtures'

// The sample desk's list, by company name.
const ALPINE = 'Alpine Ski House'
const COHO = 'Coho Winery'
const CONTOSO = 'Contoso Ltd'
const FABRIKAM = 'Fabrikam Inc'
const LITWARE = 'Litware Oy'

async function openSelectable(t: TestContext) {
  const folder = await mkdtemp(join(tmpdir(), 'desk-multi-select-'))
  t.after(() => rm(folder, { recursive: true, force: true }))
  const dialogs = scriptedDialogs(folder)
  const opened = await openWithSamples(t, { fileDialogs: dialogs })
  return { ...opened, folder, dialogs }
}

const clickRow = (page: Page, company: string, modifiers: ('Control' | 'Shift')[] = []) => customerRow(page, company).click({ modifiers })

/** Waits until the rows marked selected are these, in the list's order. */
async function expectSelected(page: Page, companies: string[]): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const rows = [...document.querySelectorAll('[role="grid"] [role="row"][aria-selected="true"]')]
      return JSON.stringify(rows.map((row) => row.firstElementChild?.textContent ?? '')) === expected
    },
    JSON.stringify(companies),
  )
  assert.deepEqual(await selectedCompanies(page), companies)
}

const companiesInCsv = (text: string): string[] => (parse(text, { bom: true, columns: true }) as Record<string, string>[]).map((row) => row['Customer Company Name'] ?? '')

describe('selecting several customers', { skip: browserSkip }, () => {
  test('Ctrl+click toggles, Shift+click extends from the anchor, and the detail stays on the customer opened', async (t) => {
    const { page, pageErrors } = await openSelectable(t)
    assert.equal(await customerGrid(page).getAttribute('aria-multiselectable'), 'true')
    await clickRow(page, ALPINE)
    await page.getByRole('region', { name: `Details of ${ALPINE}` }).waitFor()
    await selectionCount(page, '1 customer selected')
    await clickRow(page, CONTOSO, ['Control'])
    await clickRow(page, LITWARE, ['Control'])
    await selectionCount(page, '3 customers selected')
    await expectSelected(page, [ALPINE, CONTOSO, LITWARE])
    assert.equal(await customerRow(page, ALPINE).getAttribute('aria-current'), 'true', 'the detail stays on the customer opened')
    await page.getByRole('region', { name: `Details of ${ALPINE}` }).waitFor()

    await clickRow(page, CONTOSO, ['Control'])
    await expectSelected(page, [ALPINE, LITWARE])
    // The anchor is the last row toggled (Contoso): Shift+click replaces the selection with the range from it.
    await clickRow(page, FABRIKAM, ['Shift'])
    await expectSelected(page, [CONTOSO, FABRIKAM])
    await clickRow(page, ALPINE, ['Control', 'Shift'])
    await expectSelected(page, [ALPINE, COHO, CONTOSO, FABRIKAM])
    await selectionCount(page, '4 customers selected')

    await clickRow(page, COHO)
    await expectSelected(page, [COHO])
    await page.getByRole('region', { name: `Details of ${COHO}` }).waitFor()
    assert.deepEqual(pageErrors, [])
  })

  test('with the keyboard: Shift+arrows extend, Ctrl+arrows move without changing it, Space toggles, Ctrl+A takes the filtered view', async (t) => {
    const { page, pageErrors } = await openSelectable(t)
    await clickRow(page, ALPINE)
    await page.keyboard.press('Shift+ArrowDown')
    await page.keyboard.press('Shift+ArrowDown')
    await expectSelected(page, [ALPINE, COHO, CONTOSO])
    await page.keyboard.press('Shift+ArrowUp')
    await expectSelected(page, [ALPINE, COHO])
    await page.keyboard.press('Control+ArrowDown')
    await page.keyboard.press('Control+ArrowDown')
    await page.keyboard.press('Space')
    await expectSelected(page, [ALPINE, COHO, FABRIKAM])
    await page.keyboard.press('Space')
    await expectSelected(page, [ALPINE, COHO])
    await page.keyboard.press('Control+a')
    await selectionCount(page, '8 customers selected')
    const selectAll = page.getByRole('checkbox', { name: 'Select all 8 customers shown' })
    assert.ok(await selectAll.isChecked())

    await page.getByLabel('Filter by service').selectOption({ label: 'With x360Recover' })
    await page.getByText('5 of 8 customers').waitFor()
    await selectionCount(page, '5 customers selected')
    await selectionBar(page).getByRole('button', { name: 'Clear selection' }).click()
    await page.getByRole('checkbox', { name: 'Select all 5 customers shown' }).check()
    await expectSelected(page, [ALPINE, CONTOSO, FABRIKAM, LITWARE, 'Woodgrove Bank'])
    await page.getByRole('checkbox', { name: 'Select all 5 customers shown' }).uncheck()
    await expectSelected(page, [])
    assert.deepEqual(pageErrors, [])
  })

  test('the selection exports to CSV and XLSX with exactly its rows, in the list’s order', async (t) => {
    const { page, folder, dialogs, pageErrors } = await openSelectable(t)
    await clickRow(page, LITWARE)
    await clickRow(page, ALPINE, ['Control'])
    await clickRow(page, FABRIKAM, ['Control'])
    await selectionCount(page, '3 customers selected')
    await selectionBar(page).getByRole('button', { name: 'Export CSV…' }).click()
    const csvPath = join(folder, dialogs.saves[0]?.suggestedName ?? '')
    await noticeBar(page, `Exported 3 customers to ${csvPath}`).waitFor()
    assert.deepEqual(companiesInCsv(await readFile(csvPath, 'utf8')), [ALPINE, FABRIKAM, LITWARE])

    await clickRow(page, CONTOSO)
    await selectionBar(page).getByRole('button', { name: 'Export spreadsheet…' }).click()
    const xlsxPath = join(folder, dialogs.saves[1]?.suggestedName ?? '')
    await noticeBar(page, `Exported 1 customer to ${xlsxPath}`).waitFor()
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(xlsxPath)
    const sheet = book.worksheets[0]
    assert.equal(sheet?.actualRowCount, 2, 'the header and one customer')
    assert.equal(sheet?.getRow(2).getCell(1).text, CONTOSO)
    assert.deepEqual(pageErrors, [])
  })

  test('sheets for the selection: the title reads right for one and for several, and the PDF has their pages', async (t) => {
    const { page, folder, dialogs, pageErrors } = await openSelectable(t)
    await clickRow(page, CONTOSO)
    await selectionBar(page).getByRole('button', { name: 'Sheets (PDF)…' }).click()
    const one = page.getByRole('dialog', { name: 'Customer sheet for 1 customer' })
    await one.getByRole('button', { name: 'Cancel' }).click()
    await one.waitFor({ state: 'detached' })

    await clickRow(page, FABRIKAM, ['Shift'])
    await clickRow(page, ALPINE, ['Control'])
    await selectionBar(page).getByRole('button', { name: 'Sheets (PDF)…' }).click()
    const three = page.getByRole('dialog', { name: 'Customer sheets for 3 customers' })
    await three.getByText(/\(3 of 3\)/).waitFor()
    await three.getByRole('button', { name: 'Save PDF…' }).click()
    const path = join(folder, dialogs.saves[0]?.suggestedName ?? '')
    await three.getByText(`Saved 3 customer sheets to ${path}.`).waitFor()
    const parser = new PDFParse({ data: await readFile(path) })
    t.after(() => parser.destroy())
    const pages = (await parser.getText()).pages.map((sheet) => sheet.text)
    assert.deepEqual(
      pages.map((text) => [ALPINE, CONTOSO, FABRIKAM].find((company) => text.includes(company))),
      [ALPINE, CONTOSO, FABRIKAM],
      'one page each, in the list’s order',
    )
    assert.deepEqual(pageErrors, [])
  })
})
