import assert from 'node:assert/strict'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import keytar from 'keytar'
import type { Locator, Page } from 'playwright-core'
import { accountFor, createKeychainVault, type KeychainBackend } from '../../main/services/credential-vault'
import { BACKUP_FOLDER } from '../../main/services/store-backups'
import { STORE_FILE_NAME } from '../../main/services/customer-store'
import { KEYCHAIN_ALL_GOOD } from '../../renderer/src/features/maintenance/maintenance-text'
import { browserSkip } from '../harness/open-desk'
import { SEED_PASSWORD, seedCustomers } from '../helpers/customer-seeds'
import { storedCustomers } from '../helpers/customer-form-steps'
import { writeOnEarlierDays } from '../helpers/earlier-days'
import { listedCompanies } from '../helpers/list-locators'
import { BACKUP_OF_JAN_7, CONTOSO, dayInPage, FABRIKAM, NORTHWIND, TWO_DAYS } from '../helpers/two-days-of-backups'
import { open } from '../helpers/ui-desk'

async function openMaintenance(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Maintenance' }).click()
  const dialog = page.getByRole('dialog', { name: 'Maintenance' })
  await dialog.waitFor()
  return dialog
}

describe('Maintenance: daily backups', { skip: browserSkip }, () => {
  test('a backup from an earlier day is restored after a confirmation, and the list shows its customers', async (t) => {
    const { page, dataDir } = await open(t, async (dataDir, keychainService) => {
      await writeOnEarlierDays(dataDir, keychainService, TWO_DAYS)
    })
    await page.getByRole('cell', { name: 'Northwind Traders' }).waitFor()
    const before = await readFile(join(dataDir, STORE_FILE_NAME))

    const dialog = await openMaintenance(page)
    await focusMovesInto(page, dialog)
    const row = dialog.getByRole('row').filter({ hasText: BACKUP_OF_JAN_7 })
    await row.getByText('2 customers').waitFor()
    const jan7 = await dayInPage(page, 2025, 1, 7)
    assert.ok((await row.textContent())?.includes(jan7), `the row names the day (${jan7})`)

    // Esc answers the question only: nothing is restored and the Maintenance dialog stays.
    await row.getByRole('button', { name: 'Restore…' }).click()
    const question = page.getByRole('alertdialog', { name: 'Restore a backup' })
    await question.waitFor()
    await page.keyboard.press('Escape')
    await question.waitFor({ state: 'detached' })
    assert.ok(await dialog.isVisible(), 'the Maintenance dialog is still open')
    assert.deepEqual(await readFile(join(dataDir, STORE_FILE_NAME)), before, 'nothing was changed')

    await row.getByRole('button', { name: 'Restore…' }).click()
    const message = (await question.textContent()) ?? ''
    assert.ok(message.includes(jan7), 'the question names the day')
    assert.match(message, /2 customers/)
    assert.match(message, /current customer file is kept as a copy in the backups folder first/)
    await question.getByRole('button', { name: 'Restore' }).click()

    await dialog.getByRole('status').filter({ hasText: `Restored the backup of ${jan7}: 2 customers.` }).waitFor()
    await page.getByRole('cell', { name: 'Northwind Traders' }).waitFor({ state: 'detached' })
    await page.getByRole('cell', { name: 'Contoso Ltd' }).waitFor()
    await page.getByRole('cell', { name: 'Fabrikam Inc' }).waitFor()
    assert.deepEqual((await storedCustomers(dataDir)).customers.map((customer) => customer.companyName).sort(), ['Contoso Ltd', 'Fabrikam Inc'])

    // The file it replaced was kept first, and the list now shows that copy as well.
    const kept = (await readdir(join(dataDir, BACKUP_FOLDER))).find((name) => name.endsWith('-before-restore.json'))
    assert.ok(kept, 'the replaced file was kept in the backups folder')
    assert.deepEqual(await readFile(join(dataDir, BACKUP_FOLDER, kept)), before)
    await dialog.getByRole('row').filter({ hasText: kept }).getByText('kept before a restore').waitFor()

    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    assert.deepEqual((await listedCompanies(page)).sort(), ['Contoso Ltd', 'Fabrikam Inc'])
  })

  test('a desk with no backups yet says how they come about', async (t) => {
    const { page } = await open(t)
    const dialog = await openMaintenance(page)
    await dialog.getByText(/No backups yet\. The first is taken before the first change of a day/).waitFor()
    assert.equal(await dialog.getByRole('button', { name: 'Restore…' }).count(), 0)
  })
})

describe('Maintenance: keychain check', { skip: browserSkip }, () => {
  test('lists a customer whose password was removed behind the desk and entries left over, and removes the leftovers after a confirmation', async (t) => {
    const { page, desk, keychainService } = await open(t)
    const [contoso, fabrikam, woodgrove] = await seedCustomers(desk, [
      CONTOSO,
      FABRIKAM,
      { company: 'Woodgrove Bank', x360: { username: 'woodgrove_vault', email: 'security@woodgrove.example', locations: 'London' } },
      NORTHWIND,
    ])
    assert.ok(contoso && fabrikam && woodgrove)
    await page.reload()
    await page.getByRole('cell', { name: 'Contoso Ltd' }).waitFor()

    // Behind the desk's back: Fabrikam's entry removed by hand; Woodgrove deleted, then its entry put back
    // (as a crash between keychain and store would leave it); one entry for an id the desk never had.
    await keytar.deletePassword(keychainService, accountFor(fabrikam.id))
    await page.getByRole('row', { name: /^Woodgrove Bank/ }).click()
    await page.getByRole('region', { name: 'Details of Woodgrove Bank' }).getByRole('button', { name: 'Delete' }).click()
    await page.getByRole('alertdialog', { name: 'Delete customer' }).getByRole('button', { name: 'Delete' }).click()
    await page.getByRole('cell', { name: 'Woodgrove Bank' }).waitFor({ state: 'detached' })
    await keytar.setPassword(keychainService, accountFor(woodgrove.id), 'Left-Behind-2026!')
    await keytar.setPassword(keychainService, accountFor('never-saved-id'), 'Never-Saved-2026!')

    const dialog = await openMaintenance(page)
    await dialog.getByRole('button', { name: 'Check the keychain' }).click()
    const missing = dialog.getByRole('group', { name: 'Customers without a password (1)' })
    await missing.waitFor()
    assert.equal(await missing.getByRole('listitem').count(), 1)
    await missing.getByRole('listitem').filter({ hasText: 'Fabrikam Inc' }).getByText('x360Recover username fabrikam_dr').waitFor()
    const leftover = dialog.getByRole('group', { name: 'Entries left over (2)' })
    await leftover.getByRole('listitem').filter({ hasText: 'Woodgrove Bank' }).waitFor()
    await leftover.getByRole('listitem').filter({ hasText: 'never-saved-id' }).waitFor()

    await leftover.getByRole('button', { name: 'Remove leftover entries…' }).click()
    const question = page.getByRole('alertdialog', { name: 'Remove leftover entries' })
    assert.match((await question.textContent()) ?? '', /Remove 2 passwords from the keychain\?/)
    await question.getByRole('button', { name: 'Remove' }).click()
    await dialog.getByRole('status').filter({ hasText: 'Removed 2 leftover entries from the keychain.' }).waitFor()
    await leftover.waitFor({ state: 'detached' })
    await missing.waitFor()

    assert.equal(await keytar.getPassword(keychainService, accountFor(woodgrove.id)), null)
    assert.equal(await keytar.getPassword(keychainService, accountFor('never-saved-id')), null)
    assert.equal(await keytar.getPassword(keychainService, accountFor(contoso.id)), SEED_PASSWORD, "a live customer's password stays")

    // Open takes staff to the customer, where Change Password repairs it.
    await missing.getByRole('button', { name: 'Open Fabrikam Inc' }).click()
    await dialog.waitFor({ state: 'detached' })
    const detail = page.getByRole('region', { name: 'Details of Fabrikam Inc' })
    await detail.getByRole('button', { name: 'Change Password' }).click()
    await page.getByRole('dialog', { name: 'Change Password for Fabrikam Inc' }).waitFor()
  })

  test('a keychain that is all in order says so', async (t) => {
    const { page, desk } = await open(t)
    await seedCustomers(desk, [CONTOSO, NORTHWIND])
    const dialog = await openMaintenance(page)
    await dialog.getByRole('button', { name: 'Check the keychain' }).click()
    await dialog.getByRole('status').filter({ hasText: KEYCHAIN_ALL_GOOD }).waitFor()
  })

  test('a locked keychain is explained, and nothing is written in its place', async (t) => {
    const { page, desk, dataDir } = await open(t)
    await seedCustomers(desk, [CONTOSO])
    const before = await readFile(join(dataDir, STORE_FILE_NAME))
    const refuse = async (): Promise<never> => {
      throw new Error('Cannot create an item in a locked collection')
    }
    const locked: KeychainBackend = { setPassword: refuse, getPassword: refuse, deletePassword: refuse, findCredentials: refuse }
    Object.assign(desk.vault, createKeychainVault('locked', locked))

    const dialog = await openMaintenance(page)
    await dialog.getByRole('button', { name: 'Check the keychain' }).click()
    const alert = dialog.getByRole('alert').filter({ hasText: 'The keychain could not be checked: The system keychain is not available' })
    await alert.waitFor()
    assert.match((await alert.textContent()) ?? '', /Unlock it and try again; nothing was saved in its place\./)
    assert.deepEqual(await readFile(join(dataDir, STORE_FILE_NAME)), before)
  })
})

/** Focus moves into the dialog once it has opened (an effect after the first paint, so it is waited for). */
async function focusMovesInto(page: Page, dialog: Locator): Promise<void> {
  await page.waitForFunction((element) => element?.contains(document.activeElement) ?? false, await dialog.elementHandle())
}
