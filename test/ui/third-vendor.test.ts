// First: the handler table in this process must know the third vendor before any module reads the registry, as the page's bundle does.
import '../helpers/third-vendor/register'
import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test, type TestContext } from 'node:test'
import { parse } from 'csv-parse/sync'
import type { Locator } from 'playwright-core'
import { browserSkip, openDesk } from '../harness/open-desk'
import { expectFieldError, expectNoFieldError, field, openNewCustomer, storedCustomers } from '../helpers/customer-form-steps'
import { scriptedDialogs } from '../helpers/export-fixtures'
import { notice, pickFromDataMenu } from '../helpers/export-ui'
import { detail, row } from '../helpers/list-locators'
import { tempDesk } from '../helpers/temp-desk'
import { SEATS_RULE } from '../helpers/third-vendor/definition'
import { thirdVendorPage } from '../helpers/third-vendor/page'
import { totalsRow } from '../helpers/totals-rows'

/** The desk in Chromium with the page built with the third vendor (Cove), its file dialogs answering in the test's own folder. */
async function openCoveDesk(t: TestContext) {
  const { dataDir, keychainService } = await tempDesk(t)
  const folder = await mkdtemp(join(tmpdir(), 'desk-third-vendor-'))
  t.after(() => rm(folder, { recursive: true, force: true }))
  const dialogs = scriptedDialogs(folder)
  const opened = await openDesk({ dataDir, keychainService, fileDialogs: dialogs, rendererDir: await thirdVendorPage() })
  t.after(() => opened.close())
  return { ...opened, dataDir, folder, dialogs }
}

const coveToggle = (dialog: Locator): Locator => dialog.getByRole('checkbox', { name: 'Cove Data Protection subscription' })

/** Each term of a region's description list with the text of its definition. */
async function terms(region: Locator): Promise<Map<string, string>> {
  const names = await region.getByRole('term').allTextContents()
  const values = await region.getByRole('definition').allTextContents()
  return new Map(names.map((name, index) => [name, values[index] ?? '']))
}

describe('a third vendor defined only in the test folder, in the page', { skip: browserSkip }, () => {
  test('the form shows its section with its rule at its field; the detail, list, search, filter, history and totals pick it up', async (t) => {
    const { page, dataDir, pageErrors } = await openCoveDesk(t)
    const create = await openNewCustomer(page)
    await field(create, 'Customer Company Name').fill('Contoso')
    await create.getByText('As in the Cove Management Console.').waitFor()
    assert.equal(await field(create, 'Seats').count(), 0, 'its fields show once the section is switched on')
    await coveToggle(create).check()
    await field(create, 'Cove Partner').fill('Contoso MSP')
    await field(create, 'Seats').fill('many')
    await field(create, 'Seats').blur()
    await expectFieldError(create, 'Seats', SEATS_RULE)
    await expectNoFieldError(create, 'Cove Partner')
    await create.getByRole('button', { name: 'Create customer' }).click()
    await expectFieldError(create, 'Seats', SEATS_RULE)
    await field(create, 'Seats').fill('25')
    await create.getByRole('button', { name: 'Create customer' }).click()
    await create.waitFor({ state: 'detached' })
    await page.getByRole('status').getByText('Contoso was added.').waitFor()
    const [saved] = (await storedCustomers(dataDir)).customers
    assert.deepEqual((saved as unknown as Record<string, unknown> | undefined)?.cove, { partnerName: 'Contoso MSP', seats: 25 })

    await row(page, 'Contoso').getByRole('cell', { name: 'Contoso', exact: true }).click()
    const shown = detail(page, 'Contoso')
    const section = shown.getByRole('heading', { name: 'Cove', exact: true })
    await section.waitFor()
    const fields = await terms(shown)
    assert.ok(fields.get('Cove Partner')?.startsWith('Contoso MSP'), 'the generic detail section shows its list column')
    assert.ok(fields.get('Seats')?.startsWith('25'))
    await shown.getByRole('button', { name: 'Copy Seats' }).waitFor()

    // Its edit is a history entry labelled by the vendor's own history field.
    await shown.getByRole('button', { name: 'Edit' }).click()
    const edit = page.getByRole('dialog', { name: 'Edit Contoso' })
    assert.equal(await field(edit, 'Seats').inputValue(), '25', 'the form opens with the saved value')
    await field(edit, 'Seats').fill('30')
    await field(edit, 'Seats').press('Enter')
    await edit.waitFor({ state: 'detached' })
    await page.getByRole('status').getByText('Changes to Contoso were saved.').waitFor()
    const history = shown.getByRole('region', { name: 'History' })
    await history.getByRole('listitem').filter({ hasText: 'Seats 25 → 30' }).waitFor()

    // A second customer without it, for the search and the filter to tell apart.
    const other = await openNewCustomer(page)
    await field(other, 'Customer Company Name').fill('Fabrikam')
    await other.getByRole('button', { name: 'Create customer' }).click()
    await other.waitFor({ state: 'detached' })
    await page.getByText('2 of 2 customers').waitFor()
    const badge = row(page, 'Contoso').getByText('Cove', { exact: true })
    await badge.waitFor()
    assert.notEqual(await badge.evaluate((element) => getComputedStyle(element).backgroundColor), 'rgba(0, 0, 0, 0)', 'a vendor without colours of its own gets the neutral badge')

    // Without list columns of its own, the list shows the first of its definition's columns.
    await page.getByRole('columnheader', { name: 'Cove Cove Partner' }).waitFor()
    const headers = await page.getByRole('grid', { name: 'Customers' }).getByRole('columnheader').allTextContents()
    const coveColumn = headers.findIndex((header) => header === 'CoveCove Partner')
    assert.ok(coveColumn > 0, JSON.stringify(headers))
    assert.equal(await row(page, 'Contoso').getByRole('cell').nth(coveColumn).textContent(), 'Contoso MSP')
    assert.equal(await row(page, 'Fabrikam').getByRole('cell').nth(coveColumn).textContent(), '—None', 'a customer without it: the list\'s dash')

    await page.getByLabel('Search customers').fill('contoso msp')
    await page.getByText('1 of 2 customers').waitFor()
    await row(page, 'Contoso').waitFor()
    await page.getByLabel('Search customers').fill('')
    await page.getByLabel('Filter by service').selectOption({ label: 'With Cove' })
    await page.getByText('1 of 2 customers').waitFor()
    await row(page, 'Contoso').waitFor()
    assert.equal(await row(page, 'Fabrikam').count(), 0)
    await page.getByLabel('Filter by service').selectOption({ label: 'With no service yet' })
    await row(page, 'Fabrikam').waitFor()
    assert.equal(await row(page, 'Contoso').count(), 0)
    await page.getByLabel('Filter by service').selectOption({ label: 'All customers' })

    // The totals table: the built-in vendors' figures, then its own (customers and seats), labelled from its totals.
    const totals = page.getByRole('region', { name: 'Totals' })
    await totals.getByRole('columnheader', { name: 'Cove', exact: true }).waitFor()
    await page.getByText('2 of 2 customers').waitFor()
    assert.deepEqual((await totalsRow(page, 'All customers (2)')).slice(-2), ['1', '30'])
    assert.deepEqual(await totals.getByRole('columnheader', { name: 'Seats', exact: true }).count(), 1)
    assert.deepEqual(pageErrors, [])
  })

  test('CSV export writes its columns, and an import of that file reads them back, with its rule at its column', async (t) => {
    const from = await openCoveDesk(t)
    const create = await openNewCustomer(from.page)
    await field(create, 'Customer Company Name').fill('Contoso')
    await coveToggle(create).check()
    await field(create, 'Cove Partner').fill('Contoso MSP')
    await field(create, 'Seats').fill('25')
    await create.getByRole('button', { name: 'Create customer' }).click()
    await create.waitFor({ state: 'detached' })
    await pickFromDataMenu(from.page, 'Export list as CSV…')
    const csvPath = join(from.folder, from.dialogs.saves[0]?.suggestedName ?? '')
    await notice(from.page, `Exported 1 customer to ${csvPath}`).waitFor()
    const [header = [], values = []] = parse(await readFile(csvPath, 'utf8'), { bom: true }) as string[][]
    assert.ok(header.indexOf('Cove Partner') < header.indexOf('Notes'), 'its columns come with the other vendors’, before Notes')
    assert.equal(values[header.indexOf('Cove Partner')], 'Contoso MSP')
    assert.equal(values[header.indexOf('Seats')], '25')
    assert.deepEqual(from.pageErrors, [])

    const into = await openCoveDesk(t)
    await into.page.getByRole('heading', { name: 'No customers yet' }).waitFor()
    const bad = join(into.folder, 'bad.csv')
    await writeFile(bad, 'Customer Company Name,Cove Partner,Seats\nNorthwind,Northwind MSP,none\n')
    into.dialogs.openWith(bad)
    await pickFromDataMenu(into.page, 'Import customers from CSV…')
    const dialog = into.page.getByRole('dialog', { name: 'Import customers from CSV' })
    const problem = dialog.getByRole('table', { name: 'Problems to fix (1)' }).getByRole('row').nth(1)
    await problem.waitFor()
    assert.deepEqual(await problem.getByRole('cell').allTextContents(), ['2', 'Seats', SEATS_RULE])

    const good = join(into.folder, 'back.csv')
    await writeFile(good, await readFile(csvPath))
    into.dialogs.openWith(good)
    await dialog.getByRole('button', { name: 'Choose another file…' }).click()
    const rows = dialog.getByRole('table', { name: 'Customers to create (1)' })
    await rows.waitFor()
    const headers = await rows.getByRole('columnheader').allTextContents()
    const cells = await rows.getByRole('row').nth(1).getByRole('cell').allTextContents()
    assert.equal(cells[headers.indexOf('Cove')], 'Yes', 'the preview has a yes/no column for it')
    await dialog.getByRole('button', { name: 'Import 1 customer' }).click()
    await dialog.waitFor({ state: 'detached' })
    await notice(into.page, 'Imported 1 customer from back.csv.').waitFor()
    const [imported] = (await storedCustomers(into.dataDir)).customers
    assert.deepEqual((imported as unknown as Record<string, unknown> | undefined)?.cove, { partnerName: 'Contoso MSP', seats: 25 })
    await row(into.page, 'Contoso').getByText('Cove', { exact: true }).waitFor()
    assert.deepEqual(into.pageErrors, [])
  })
})
