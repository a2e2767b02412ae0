import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { describe, test } from 'node:test'
import type { Locator, Page } from 'playwright-core'
import { type Customer } from '../../main/common/customer-model'
import { STORAGE_TYPE_LOCKED_NOTE } from '../../main/common/vendors/nexetic/subscription'
import { parseStorageGb, parseUserLicenses } from '../../main/common/portal-rules'
import type { Desk } from '../../main/desk'
import { browserSkip, openDesk } from '../harness/open-desk'
import { waitForFocus } from '../helpers/customer-form-steps'
import { SAMPLE_CUSTOMERS, seedCustomers } from '../helpers/customer-seeds'
import { changeAndUndoLicenses } from '../helpers/license-steps'
import { detail, row } from '../helpers/list-locators'
import { openWithSamples } from '../helpers/sample-desk'
import { tempDesk } from '../helpers/temp-desk'
import { expectedTotals, totalsRow } from '../helpers/totals-rows'

const editor = (page: Page, company: string): Locator => page.getByRole('dialog', { name: `Edit licenses and storage of ${company}` })
const historyOf = (page: Page, company: string): Locator => detail(page, company).getByRole('region', { name: 'History' })

/** Opens the editor the keyboard way: the row gets the focus (as Tab or the arrows give it), then L. */
async function openEditorFromRow(page: Page, company: string): Promise<Locator> {
  await row(page, company).focus()
  await page.keyboard.press('l')
  const dialog = editor(page, company)
  await dialog.waitFor()
  return dialog
}

/** The text of the element that aria-describedby names first: the error when there is one. */
async function describedBy(page: Page, field: Locator): Promise<string[]> {
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean)
  return Promise.all(ids.map(async (id) => (await page.locator(`[id="${id}"]`).textContent()) ?? ''))
}

function ruleError(result: { value: number } | { error: string }): string {
  assert.ok('error' in result, 'the rule refuses this value')
  return result.error
}

async function stored(desk: Desk): Promise<Customer[]> {
  return (JSON.parse(await readFile(desk.store.file, 'utf8')) as { customers: Customer[] }).customers
}

describe('license and storage editor', { skip: browserSkip }, () => {
  test('opens from the focused row with L, from the row button, and from the detail with the keyboard; Esc gives the focus back', async (t) => {
    const { page, pageErrors } = await openWithSamples(t)
    await page.getByRole('row', { name: /^Alpine Ski House/ }).click()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await waitForFocus(page, row(page, 'Contoso Ltd'))
    assert.equal(await row(page, 'Contoso Ltd').getAttribute('aria-keyshortcuts'), 'L')
    await page.keyboard.press('l')
    const dialog = editor(page, 'Contoso Ltd')
    await waitForFocus(page, dialog.getByLabel('User Licenses'))
    assert.equal(await dialog.getByLabel('User Licenses').inputValue(), '45')
    assert.equal(await dialog.getByLabel('Extra Storage').inputValue(), '2048')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    await waitForFocus(page, row(page, 'Contoso Ltd'))

    // A customer without Nexetic has no licenses: L says so instead of opening an empty editor.
    await page.keyboard.press('ArrowUp')
    await waitForFocus(page, row(page, 'Coho Winery'))
    await page.keyboard.press('l')
    await page.getByRole('status').getByText('Coho Winery has no Nexetic subscription, so it has no licenses or storage to change. Use Edit to add one.').waitFor()
    assert.equal(await page.getByRole('dialog').count(), 0)
    assert.equal(await row(page, 'Coho Winery').getByRole('button', { name: 'Change licenses and storage' }).count(), 0)

    await row(page, 'Tailspin Toys').getByRole('button', { name: 'Change licenses and storage' }).click()
    await editor(page, 'Tailspin Toys').waitFor()
    await page.keyboard.press('Escape')
    await editor(page, 'Tailspin Toys').waitFor({ state: 'detached' })

    await row(page, 'Northwind Traders').focus()
    await page.keyboard.press('Enter')
    const button = detail(page, 'Northwind Traders').getByRole('button', { name: 'Edit licenses and storage' })
    await button.focus()
    await page.keyboard.press('Enter')
    await waitForFocus(page, editor(page, 'Northwind Traders').getByLabel('User Licenses'))
    await page.keyboard.press('Escape')
    await editor(page, 'Northwind Traders').waitFor({ state: 'detached' })
    await waitForFocus(page, button)

    await row(page, 'Fabrikam Inc').click()
    await detail(page, 'Fabrikam Inc').getByText('No Nexetic subscription. Use Edit to add one.').waitFor()
    assert.equal(await detail(page, 'Fabrikam Inc').getByRole('button', { name: 'Edit licenses and storage' }).count(), 0)
    assert.deepEqual(pageErrors, [])
  })

  test('0, 1.5 and 0.001 TB are refused at their field, with the focus on the first error, and nothing is saved', async (t) => {
    const { page, desk } = await openWithSamples(t)
    const before = await readFile(desk.store.file, 'utf8')
    const dialog = await openEditorFromRow(page, 'Contoso Ltd')
    const licenses = dialog.getByLabel('User Licenses')
    const storage = dialog.getByLabel('Extra Storage')

    await licenses.fill('0')
    await storage.fill('0.001 TB')
    await storage.press('Enter')
    await dialog.getByText(ruleError(parseUserLicenses('0'))).waitFor()
    await waitForFocus(page, licenses)
    assert.equal(await licenses.getAttribute('aria-invalid'), 'true')
    assert.equal((await describedBy(page, licenses))[0], ruleError(parseUserLicenses('0')))
    assert.equal(await storage.getAttribute('aria-invalid'), 'true')
    assert.equal((await describedBy(page, storage))[0], ruleError(parseStorageGb('0.001 TB')))
    await dialog.getByText('Correct the values to see the difference.').waitFor()

    await licenses.fill('1.5')
    await licenses.press('Enter')
    await dialog.getByText(ruleError(parseUserLicenses('1.5'))).waitFor()
    await waitForFocus(page, licenses)

    // Licenses now valid: the focus goes to the first field still wrong.
    await licenses.fill('50')
    await licenses.press('Enter')
    await dialog.getByText(ruleError(parseStorageGb('0.001 TB'))).waitFor()
    await waitForFocus(page, storage)
    assert.equal(await licenses.getAttribute('aria-invalid'), null)
    assert.equal(await readFile(desk.store.file, 'utf8'), before, 'nothing was written')
  })

  test('2 TB is converted; the difference shows before saving; saving updates the row, the totals and the history with from → to and the reason', async (t) => {
    const { page, desk, seeded } = await openWithSamples(t)
    const dialog = await openEditorFromRow(page, 'Northwind Traders')
    await dialog.getByText('Current User Licenses').waitFor()
    const storageType = dialog.getByLabel('Storage Type')
    assert.equal(await storageType.inputValue(), 'Finnish S3 Storage')
    assert.equal(await storageType.getAttribute('readonly'), '')
    assert.deepEqual(await describedBy(page, storageType), [STORAGE_TYPE_LOCKED_NOTE])

    await dialog.getByLabel('User Licenses').fill('15')
    await dialog.getByLabel('Extra Storage').fill('2 TB')
    await dialog.getByLabel('Reason (optional)').fill('Ticket 4711: new office')
    const difference = dialog.getByRole('region', { name: 'Difference' })
    await difference.getByText('User Licenses: 12 → 15 (+3)').waitFor()
    await difference.getByText('Extra Storage: 500 GB → 2,048 GB (2 TB) (+1,548 GB)').waitFor()
    assert.equal(await row(page, 'Northwind Traders').getByRole('cell').nth(2).textContent(), '12', 'nothing saved before Save')

    await dialog.getByLabel('Reason (optional)').press('Enter')
    await dialog.waitFor({ state: 'detached' })
    await page.getByRole('status').getByText(/^Northwind Traders: User Licenses: 12 → 15/).waitFor()
    const cells = row(page, 'Northwind Traders').getByRole('cell')
    await cells.nth(2).filter({ hasText: '15' }).waitFor()
    assert.equal(await cells.nth(3).textContent(), '2,048 GB (2 TB)')

    const saved = (await stored(desk)).find((customer) => customer.companyName === 'Northwind Traders')
    assert.equal(saved?.nexetic?.userLicenses, 15)
    assert.equal(saved?.nexetic?.extraStorageGb, 2048, '2 TB is kept as 2,048 GB')
    const afterChange = seeded.map((customer) => (customer.id === saved?.id ? saved : customer))
    assert.deepEqual(await totalsRow(page, 'All customers'), expectedTotals(afterChange), 'the totals follow the change')

    await row(page, 'Northwind Traders').click()
    const history = historyOf(page, 'Northwind Traders')
    const licensesEntry = history.getByRole('listitem').filter({ hasText: 'User Licenses 12 → 15' })
    await licensesEntry.getByText('Reason: Ticket 4711: new office').waitFor()
    const storageEntry = history.getByRole('listitem').filter({ hasText: 'Extra Storage 500 GB → 2,048 GB (2 TB)' })
    await storageEntry.getByText('Reason: Ticket 4711: new office').waitFor()
    const entries = await history.getByRole('listitem').allTextContents()
    assert.equal(entries.length, 3)
    assert.ok(entries[0]?.startsWith('Extra Storage 500 GB'), 'newest first')
    assert.ok(entries[1]?.startsWith('User Licenses 12 → 15'))
    assert.ok(entries[2]?.startsWith('Customer created'))
  })

  test('Undo restores the last change and is recorded as a new entry', async (t) => {
    const { page, desk } = await openWithSamples(t)
    await row(page, 'Contoso Ltd').click()
    await detail(page, 'Contoso Ltd').getByRole('button', { name: 'Edit licenses and storage' }).click()
    const dialog = editor(page, 'Contoso Ltd')
    await dialog.getByLabel('User Licenses').fill('50')
    await dialog.getByLabel('Reason (optional)').fill('Five new starters')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await dialog.waitFor({ state: 'detached' })

    const history = historyOf(page, 'Contoso Ltd')
    const undo = history.getByRole('button', { name: 'Undo: User Licenses 45 → 50' })
    await undo.click()
    await history.getByRole('listitem').filter({ hasText: 'User Licenses 50 → 45' }).getByText(/^Reason: Undo of .+ change$/).waitFor()
    await row(page, 'Contoso Ltd').getByRole('cell').nth(2).filter({ hasText: '45' }).waitFor()
    await page.getByRole('status').getByText(/^Undone: User Licenses 50 → 45\./).waitFor()
    await waitForFocus(page, history.getByRole('heading', { name: 'History' }))

    await history.getByRole('listitem').filter({ hasText: 'User Licenses 45 → 50' }).getByText('Reason: Five new starters').waitFor()
    assert.equal(await undo.count(), 0, 'the change undone is no longer the latest')
    const contoso = (await stored(desk)).find((customer) => customer.companyName === 'Contoso Ltd')
    assert.equal(contoso?.nexetic?.userLicenses, 45)
    const licenseEntries = contoso?.history.filter((entry) => entry.field === 'nexetic.userLicenses') ?? []
    assert.deepEqual(
      licenseEntries.map((entry) => [entry.from, entry.to]),
      [
        ['45', '50'],
        ['50', '45'],
      ],
    )
    assert.equal(licenseEntries[1]?.undoOf, licenseEntries[0]?.id, 'the undo points at the entry it reverses')
  })

  test('the history survives a restart of the desk', async (t) => {
    const { dataDir, keychainService } = await tempDesk(t)
    const first = await openDesk({ dataDir, keychainService })
    await seedCustomers(first.desk, SAMPLE_CUSTOMERS)
    const { page } = first
    await page.reload()
    const dialog = await openEditorFromRow(page, 'Litware Oy')
    await dialog.getByLabel('Extra Storage').fill('2 TB')
    await dialog.getByLabel('Reason (optional)').fill('Storage nearly full')
    await dialog.getByLabel('Reason (optional)').press('Enter')
    await dialog.waitFor({ state: 'detached' })
    await row(page, 'Litware Oy').getByRole('cell').nth(3).filter({ hasText: '2,048 GB (2 TB)' }).waitFor()
    await first.close()

    const again = await openDesk({ dataDir, keychainService })
    t.after(() => again.close())
    await again.page.getByText('8 of 8 customers').waitFor()
    await row(again.page, 'Litware Oy').click()
    const history = historyOf(again.page, 'Litware Oy')
    const entry = history.getByRole('listitem').filter({ hasText: 'Extra Storage 1,536 GB (1.5 TB) → 2,048 GB (2 TB)' })
    await entry.getByText('Reason: Storage nearly full').waitFor()
    await entry.getByRole('button', { name: /^Undo: Extra Storage/ }).waitFor()
    assert.deepEqual(again.pageErrors, [])
  })

  test('a customer created in the form has its licenses changed from the detail (the steps the Electron test takes)', async (t) => {
    const { dataDir, keychainService } = await tempDesk(t)
    const opened = await openDesk({ dataDir, keychainService })
    t.after(() => opened.close())
    const { page } = opened
    await changeAndUndoLicenses(page)
    assert.deepEqual(opened.pageErrors, [])
  })
})
