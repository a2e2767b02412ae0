import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test, type TestContext } from 'node:test'
import { parse } from 'csv-parse/sync'
import type { Locator, Page } from 'playwright-core'
import { tracesOf } from '../../main/common/billing/as-of'
import { billingMonth } from '../../main/common/billing/month'
import { nexeticBilling } from '../../main/common/vendors/nexetic/billing'
import { STORE_FILE_NAME } from '../../main/services/customer-store'
import { generateCustomers } from '../helpers/generate-customers'
import { browserSkip, openDesk } from '../harness/open-desk'
import { writeBillingHistory } from '../helpers/billing-history'
import { tempDesk } from '../helpers/temp-desk'
import { scriptedDialogs } from '../helpers/export-fixtures'

async function openBillingDesk(t: TestContext) {
  const { dataDir, keychainService } = await tempDesk(t)
  await writeBillingHistory(dataDir, keychainService)
  const folder = await mkdtemp(join(tmpdir(), 'desk-billing-ui-'))
  t.after(() => rm(folder, { recursive: true, force: true }))
  const opened = await openDesk({ dataDir, keychainService, fileDialogs: scriptedDialogs(folder), locale: 'en-US' })
  t.after(() => opened.close())
  return { ...opened, folder }
}

const cells = (row: Locator): Promise<string[]> => row.locator('th, td').allInnerTexts()

async function openBilling(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Billing', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Billing' })
  await dialog.waitFor()
  return dialog
}

describe('billing view', { skip: browserSkip }, () => {
  test('a chosen month shows one row per Nexetic customer with start, end, highest, changes, marks and totals', async (t) => {
    const { page, pageErrors } = await openBillingDesk(t)
    const dialog = await openBilling(page)
    await dialog.getByLabel('Month', { exact: true }).fill('2026-11')
    const table = dialog.getByRole('table', { name: 'Nexetic billing for November 2026' })
    await table.waitFor()
    const row = (name: string) => table.getByRole('row', { name: new RegExp(`^${name}`) })
    // Customer, Storage Type, User Licenses start/end/highest, Extra Storage start/end/highest, Changes.
    const contoso = await cells(row('Contoso Ltd'))
    assert.deepEqual(contoso.slice(0, 8), ['Contoso Ltd', 'Azure (Ireland)', '20', '25', '30', '500 GB', '500 GB', '500 GB'])
    assert.match(contoso[8] ?? '', /User Licenses: 20 → 30 \(New office\)[\s\S]*User Licenses: 30 → 25/)
    assert.deepEqual((await cells(row('Gone Ltd'))).slice(0, 8), ['Gone Ltd Deleted in month', 'Azure (Ireland)', '5', '—', '5', '100 GB', '—', '100 GB'])
    assert.deepEqual((await cells(row('Northwind Traders'))).slice(0, 8), ['Northwind Traders New in month', 'Finnish S3 Storage', '—', '12', '12', '—', '0 GB', '0 GB'])
    assert.equal(await table.getByRole('row', { name: /Fabrikam|December/ }).count(), 0, 'no Nexetic in November: no row')
    assert.deepEqual((await cells(row('Total'))).slice(0, 8), ['Total (3 customers)', '', '25', '37', '47', '600 GB', '500 GB', '600 GB'])

    // Another month comes from the same history: October had two customers and no changes.
    await dialog.getByLabel('Month', { exact: true }).fill('2026-10')
    await dialog.getByRole('table', { name: 'Nexetic billing for October 2026' }).waitFor()
    assert.deepEqual((await cells(dialog.getByRole('row', { name: /^Total/ }))).slice(0, 5), ['Total (2 customers)', '', '0', '25', '25'])
    assert.deepEqual(pageErrors, [])
  })

  test('the month exports as CSV with the same rows, the totals and formula-safe text', async (t) => {
    const { page, folder, pageErrors } = await openBillingDesk(t)
    const dialog = await openBilling(page)
    await dialog.getByLabel('Month', { exact: true }).fill('2026-11')
    await dialog.getByRole('table', { name: 'Nexetic billing for November 2026' }).waitFor()
    await dialog.getByRole('button', { name: 'Export month as CSV…' }).click()
    const file = join(folder, 'Nexetic billing 2026-11.csv')
    await page.getByText(`Exported the billing of November 2026 (3 customers) to ${file}`).waitFor()
    const rows = parse(await readFile(file, 'utf8'), { bom: true }) as string[][]
    assert.deepEqual(rows[0]?.slice(0, 10), [
      'Customer Company Name', 'Storage Type', 'Created in month', 'Deleted in month',
      'User Licenses at start', 'User Licenses at end', 'Highest User Licenses',
      'Extra Storage at start (GB)', 'Extra Storage at end (GB)', 'Highest Extra Storage (GB)',
    ])
    assert.deepEqual(rows.slice(1).map((row) => row.slice(0, 10)), [
      ['Contoso Ltd', 'Azure (Ireland)', '', '', '20', '25', '30', '500', '500', '500'],
      ['Gone Ltd', 'Azure (Ireland)', '', 'yes', '5', '', '5', '100', '', '100'],
      ['Northwind Traders', 'Finnish S3 Storage', 'yes', '', '', '12', '12', '', '0', '0'],
      ['Total (3 customers)', '', '1', '1', '25', '37', '47', '600', '500', '600'],
    ])
    assert.equal(rows[1]?.[10], '2026-11-05 12:00 UTC User Licenses: 20 → 30 (New office)\n2026-11-20 12:00 UTC User Licenses: 30 → 25 (=HYPERLINK("http://x"))')
    assert.deepEqual(pageErrors, [])
  })

  test('the totals as of the end of a chosen day, with the customers behind them, a deleted one included while it was live', async (t) => {
    const { page, pageErrors } = await openBillingDesk(t)
    const dialog = await openBilling(page)
    const day = dialog.getByLabel('As of the end of')
    const totalsOn = async (date: string, caption: string) => {
      await day.fill(date)
      const table = dialog.getByRole('table', { name: `Nexetic totals at the end of ${caption}` })
      await table.waitFor()
      return cells(table.getByRole('row').nth(1))
    }
    // Customers, User Licenses, Extra Storage, Azure (Ireland), Finnish S3 Storage.
    assert.deepEqual(await totalsOn('2026-11-04', 'November 4, 2026'), ['2', '25', '600 GB', '2', '0'])
    assert.deepEqual(await totalsOn('2026-11-05', 'November 5, 2026'), ['2', '35', '600 GB', '2', '0'])
    assert.deepEqual(await totalsOn('2026-11-30', 'November 30, 2026'), ['2', '37', '500 GB', '1', '1'])
    await dialog.getByText('The 2 Nexetic customers on that day').click()
    // The list is drawn when it opens: wait for the row before reading it.
    const northwind = dialog.getByRole('region', { name: 'Totals as of a day' }).getByRole('row', { name: /^Northwind Traders/ })
    await northwind.waitFor()
    assert.deepEqual(await cells(northwind), ['Northwind Traders', 'Finnish S3 Storage', '12', '0 GB'])
    assert.deepEqual(await totalsOn('2026-09-30', 'September 30, 2026'), ['0', '0', '0 GB', '0', '0'])
    assert.deepEqual(pageErrors, [])
  })

  test('a month of thousands of customers draws 200 rows at a time, with totals of all of them', async (t) => {
    const { dataDir, keychainService } = await tempDesk(t)
    const data = generateCustomers(1500)
    await writeFile(join(dataDir, STORE_FILE_NAME), JSON.stringify(data))
    const { page, pageErrors } = await openDesk({ dataDir, keychainService, locale: 'en-US' }).then((opened) => {
      t.after(() => opened.close())
      return opened
    })
    const expected = billingMonth(tracesOf(data, nexeticBilling).traces, nexeticBilling, Date.parse('2024-06-01T00:00:00.000Z'), Date.parse('2024-07-01T00:00:00.000Z'))
    assert.ok(expected.rows.length > 400, 'the month has more rows than two pages')
    const dialog = await openBilling(page)
    await dialog.getByLabel('Month', { exact: true }).fill('2024-06')
    const table = dialog.getByRole('table', { name: 'Nexetic billing for June 2024' })
    await table.waitFor()
    await dialog.getByText(`200 of ${expected.rows.length.toLocaleString('en-US')} customers shown; the totals cover all of them.`).waitFor()
    assert.equal(await table.locator('tbody tr').count(), 200)
    const totals = expected.totals.measures
    assert.deepEqual((await cells(table.getByRole('row', { name: /^Total/ }))).slice(0, 5), [
      `Total (${expected.rows.length.toLocaleString('en-US')} customers)`, '',
      ...[totals.userLicenses?.start, totals.userLicenses?.end, totals.userLicenses?.highest].map((value) => (value ?? 0).toLocaleString('en-US')),
    ])
    await dialog.getByRole('button', { name: 'Show 200 more' }).click()
    await dialog.getByText(`400 of ${expected.rows.length.toLocaleString('en-US')} customers shown`).waitFor()
    assert.equal(await table.locator('tbody tr').count(), 400)
    assert.deepEqual(pageErrors, [])
  })
})
