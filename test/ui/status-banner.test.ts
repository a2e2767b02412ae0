import assert from 'node:assert/strict'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { STORE_FILE_NAME } from '../../main/services/customer-store'
import { browserSkip } from '../harness/open-desk'
import { field, openNewCustomer, storedCustomers } from '../helpers/customer-form-steps'
import { writeOnEarlierDays } from '../helpers/earlier-days'
import { BACKUP_OF_JAN_7, dayInPage, TWO_DAYS } from '../helpers/two-days-of-backups'
import { open } from '../helpers/ui-desk'

describe('the status banner', { skip: browserSkip }, () => {
  test('a damaged customer file: what happened, where it was kept, and the backup restored from the banner', async (t) => {
    const damaged = '{"schemaVersion":1,"customers":[{"id":"x"'
    const { page, dataDir } = await open(t, async (dataDir, keychainService) => {
      await writeOnEarlierDays(dataDir, keychainService, TWO_DAYS)
      await writeFile(join(dataDir, STORE_FILE_NAME), damaged)
    })
    const banner = page.getByRole('alert').filter({ hasText: 'Your customer file could not be read.' })
    // The way back shows once the banner has read the backups.
    await banner.getByRole('button', { name: 'Open Maintenance' }).waitFor()
    const text = (await banner.textContent()) ?? ''
    assert.match(text, /not valid JSON: it was cut short or damaged/, 'what was wrong')
    assert.match(text, /the desk started with an empty list\. Nothing in that file was deleted\./, 'what the desk did')
    assert.match(text, /Customers you add now go into a new customer file; the damaged one is never written to\./, 'what it will do')
    const keptAs = (await banner.locator('code').textContent()) ?? ''
    assert.equal(await readFile(keptAs, 'utf8'), damaged, 'the damaged file is kept byte for byte where the banner says')
    const jan7 = await dayInPage(page, 2025, 1, 7)
    assert.match(text, /A backup from 2025-01-07 with 2 customers can be restored\./, "main's reason names the backup")
    assert.ok(text.includes(`To get your customers back, restore the backup of ${jan7} in Maintenance`), 'says how to get the customers back')

    await banner.getByRole('button', { name: 'Open Maintenance' }).click()
    const dialog = page.getByRole('dialog', { name: 'Maintenance' })
    await dialog.getByRole('row').filter({ hasText: BACKUP_OF_JAN_7 }).getByRole('button', { name: 'Restore…' }).click()
    await page.getByRole('alertdialog', { name: 'Restore a backup' }).getByRole('button', { name: 'Restore' }).click()
    await dialog.getByRole('status').filter({ hasText: `Restored the backup of ${jan7}: 2 customers.` }).waitFor()
    await banner.waitFor({ state: 'detached' })
    assert.ok(await dialog.isVisible(), 'the dialog stays open when the banner goes')
    await dialog.getByRole('button', { name: 'Close' }).click()
    await page.getByRole('cell', { name: 'Fabrikam Inc' }).waitFor()
    assert.deepEqual((await storedCustomers(dataDir)).customers.map((customer) => customer.companyName).sort(), ['Contoso Ltd', 'Fabrikam Inc'])
    assert.equal(await readFile(keptAs, 'utf8'), damaged, 'the kept file is still untouched')
  })

  test('a damaged file with no backup points to the other ways back, and never offers Maintenance', async (t) => {
    const { page } = await open(t, async (dataDir) => {
      await writeFile(join(dataDir, STORE_FILE_NAME), '')
    })
    const banner = page.getByRole('alert').filter({ hasText: 'could not be read' })
    await banner.getByText(/No daily backup can be restored: to get your customers back, restore an encrypted backup from the Data menu/).waitFor()
    assert.match((await banner.textContent()) ?? '', /The customer file is empty \(it holds no data at all\)\./)
    assert.equal(await banner.getByRole('button', { name: 'Open Maintenance' }).count(), 0)
  })

  test('a file from a newer version opens read-only and says that changes cannot be saved, why, and which file', async (t) => {
    const newer = JSON.stringify({ schemaVersion: 999, customers: [], deletions: [] })
    const { page, dataDir } = await open(t, async (dataDir) => {
      await writeFile(join(dataDir, STORE_FILE_NAME), newer)
    })
    const banner = page.getByRole('alert').filter({ hasText: 'Read-only: changes cannot be saved.' })
    await banner.waitFor()
    assert.match((await banner.textContent()) ?? '', /written by a newer version of MSP Customer Desk.*update MSP Customer Desk to open it/)
    assert.equal(await banner.locator('code').textContent(), join(dataDir, STORE_FILE_NAME))
    assert.equal(await readFile(join(dataDir, STORE_FILE_NAME), 'utf8'), newer)
  })

  test('a first start says where the customer file will be created, until the first customer is added', async (t) => {
    const { page, dataDir } = await open(t)
    const banner = page.getByRole('region', { name: 'Customer file' })
    await banner.getByText('No customer file yet.').waitFor()
    assert.equal(await banner.locator('code').textContent(), join(dataDir, STORE_FILE_NAME))

    const form = await openNewCustomer(page)
    await field(form, 'Customer Company Name').fill('Northwind Traders')
    await field(form, 'Customer Company Name').press('Enter')
    await page.getByRole('cell', { name: 'Northwind Traders' }).waitFor()
    await banner.waitFor({ state: 'detached' })

    // The file exists now: an empty list again is not "no customer file yet".
    await page.getByRole('row', { name: /^Northwind Traders/ }).click()
    await page.getByRole('region', { name: 'Details of Northwind Traders' }).getByRole('button', { name: 'Delete' }).click()
    await page.getByRole('alertdialog', { name: 'Delete customer' }).getByRole('button', { name: 'Delete' }).click()
    await page.getByRole('heading', { name: 'No customers yet' }).waitFor()
    assert.equal(await banner.count(), 0)
  })
})
