import assert from 'node:assert/strict'
import { access, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { DAMAGED_BACKUP } from '../../main/services/exports/backup-crypto'
import { browserSkip } from '../harness/open-desk'
import { expectFieldError, field, isFocused, storedCustomers } from '../helpers/customer-form-steps'
import { createCustomers, PASSWORDS, sampleForms, unwrap } from '../helpers/export-fixtures'
import { notice, openExportUi, pickFromDataMenu, showSamples } from '../helpers/export-ui'

const PASSPHRASE = 'correct horse battery staple'
const exists = (path: string) => access(path).then(() => true, () => false)

describe('Data menu: backup and restore', { skip: browserSkip }, () => {
  test('a backup restored on a fresh desk and keychain brings back the customers and their passwords; a wrong passphrase is shown at its field', async (t) => {
    const source = await openExportUi(t)
    const customers = await showSamples(source.page, source.api)
    await pickFromDataMenu(source.page, 'Back up the desk…')
    const backup = source.page.getByRole('dialog', { name: 'Back up the desk' })
    assert.ok(await isFocused(field(backup, 'Passphrase')), 'the passphrase has the focus')
    await field(backup, 'Passphrase').fill('too short')
    await field(backup, 'Confirm passphrase').fill('too short')
    await field(backup, 'Confirm passphrase').press('Enter')
    await expectFieldError(backup, 'Passphrase', 'The passphrase needs at least 12 characters (it has 9). A few unrelated words make a good one.')
    await field(backup, 'Passphrase').fill('password1234')
    await field(backup, 'Confirm passphrase').fill('password1234')
    await field(backup, 'Confirm passphrase').press('Enter')
    await expectFieldError(
      backup,
      'Passphrase',
      'This passphrase is too easy to guess. This is similar to a commonly used password. Add more words that are less common.',
    )
    await field(backup, 'Passphrase').fill(PASSPHRASE)
    await field(backup, 'Confirm passphrase').fill(`${PASSPHRASE}!`)
    await backup.getByRole('button', { name: 'Save backup…' }).click()
    await expectFieldError(backup, 'Confirm passphrase', 'The two passphrases do not match.')
    assert.equal(await field(backup, 'Passphrase').getAttribute('type'), 'password')
    await backup.getByRole('button', { name: 'Show passphrase' }).click()
    assert.equal(await field(backup, 'Confirm passphrase').getAttribute('type'), 'text', 'Show shows both')
    await field(backup, 'Confirm passphrase').fill(PASSPHRASE)
    await backup.getByRole('button', { name: 'Save backup…' }).click()
    const backupPath = join(source.folder, source.dialogs.saves[0]?.suggestedName ?? '')
    await backup.waitFor({ state: 'detached' })
    await notice(source.page, `Backed up 3 customers and 2 passwords to ${backupPath}.`).waitFor()
    assert.ok(await exists(backupPath))
    const backupBytes = await readFile(backupPath)
    for (const password of PASSWORDS) assert.ok(!backupBytes.includes(password), 'the passwords are encrypted')

    const target = await openExportUi(t)
    target.dialogs.openWith(backupPath)
    await target.page.getByRole('heading', { name: 'No customers yet' }).waitFor()
    const dataButton = target.page.getByRole('button', { name: 'Data' })
    await dataButton.focus()
    await target.page.keyboard.press('ArrowUp')
    await target.page.keyboard.press('Enter')
    const restore = target.page.getByRole('dialog', { name: 'Restore from a backup' })
    await restore.getByText(backupPath).waitFor()
    await field(restore, 'Backup passphrase').fill('not the passphrase at all')
    await field(restore, 'Backup passphrase').press('Enter')
    await expectFieldError(restore, 'Backup passphrase', 'This is not the passphrase the backup was made with.')
    assert.ok(await isFocused(field(restore, 'Backup passphrase')), 'the focus is on the passphrase')

    await field(restore, 'Backup passphrase').fill(PASSPHRASE)
    await restore.getByRole('button', { name: 'Check backup' }).click()
    await restore.getByText('Restoring would add 3 and replace 0 customers.').waitFor()
    assert.deepEqual((await storedCustomers(target.dataDir)).customers, [], 'nothing changes before the confirmation')
    await restore.getByRole('button', { name: 'Restore 3 customers' }).click()
    await restore.waitFor({ state: 'detached' })
    await notice(target.page, 'Restored the backup: added 3 customers and replaced 0; 2 passwords put in the keychain.').waitFor()
    for (const customer of customers) await target.page.getByRole('cell', { name: customer.companyName }).first().waitFor()

    const restored = (await storedCustomers(target.dataDir)).customers
    assert.deepEqual(
      restored.map((customer) => customer.id).sort(),
      customers.map((customer) => customer.id).sort(),
    )
    for (const customer of customers) {
      const expected = customer.x360 ? PASSWORDS[sampleForms().findIndex((form) => form.companyName === customer.companyName)] : null
      assert.equal(await target.desk.vault.readCustomerPassword(customer.id), expected ?? null, `the password of ${customer.companyName}`)
    }
    assert.deepEqual(source.pageErrors, [])
    assert.deepEqual(target.pageErrors, [])
  })

  test('a backup changed after it was made is refused with a clear message, and Cancel forgets it', async (t) => {
    const { page, api, folder, dialogs, dataDir, pageErrors } = await openExportUi(t)
    await createCustomers(api, sampleForms())
    const saved = unwrap(await api.exports.backupCreate({ passphrase: PASSPHRASE, confirmPassphrase: PASSPHRASE }))
    if (saved.kind !== 'saved') throw new Error('not saved')
    const bytes = await readFile(saved.filePath)
    bytes[bytes.length - 40] = (bytes[bytes.length - 40] ?? 0) ^ 0x01
    const tampered = join(folder, 'tampered.deskbackup')
    await writeFile(tampered, bytes)
    const before = await readFile(join(dataDir, 'customers.json'), 'utf8')

    dialogs.openWith(tampered)
    await page.reload()
    await page.getByRole('cell', { name: 'Contoso Ltd' }).waitFor()
    await pickFromDataMenu(page, 'Restore from a backup…')
    const restore = page.getByRole('dialog', { name: 'Restore from a backup' })
    await field(restore, 'Backup passphrase').fill(PASSPHRASE)
    await field(restore, 'Backup passphrase').press('Enter')
    await restore.getByRole('alert').filter({ hasText: DAMAGED_BACKUP }).waitFor()
    await restore.getByRole('button', { name: 'Cancel' }).click()
    await restore.waitFor({ state: 'detached' })
    assert.equal(await readFile(join(dataDir, 'customers.json'), 'utf8'), before, 'the desk is unchanged')
    assert.deepEqual(pageErrors, [])
  })
})
