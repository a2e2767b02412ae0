import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { passwordProblem, PASSWORD_POLICY_TEXT } from '../../main/common/password-policy'
import { createKeychainVault, type KeychainBackend } from '../../main/services/credential-vault'
import { browserSkip } from '../harness/open-desk'
import { expectFieldError, field, fillX360, isFocused, openNewCustomer, pageText, PASSWORD, storedCustomers } from '../helpers/customer-form-steps'
import { recordingClipboard } from '../helpers/recording-clipboard'
import { open } from '../helpers/ui-desk'

/** The real vault over a keychain that refuses every call, as a locked or stopped Secret Service does. */
function lockKeychain(vault: object): void {
  const refuse = async (): Promise<never> => {
    throw new Error('Cannot create an item in a locked collection')
  }
  const locked: KeychainBackend = { setPassword: refuse, getPassword: refuse, deletePassword: refuse, findCredentials: refuse }
  Object.assign(vault, createKeychainVault('locked', locked))
}


async function createX360Customer(page: Page): Promise<void> {
  const dialog = await openNewCustomer(page)
  await field(dialog, 'Customer Company Name').fill('Contoso Ltd')
  await fillX360(dialog, { username: 'contoso_admin', email: 'it@contoso.com', locations: 'Head_Office', password: PASSWORD })
  await field(dialog, 'Customer Confirm Password').press('Enter')
  await dialog.waitFor({ state: 'detached' })
}

describe('credentials panel', { skip: browserSkip }, () => {

  test('reveal shows the keychain password until hidden; copy is done by main and the clipboard is cleared after the delay', async (t) => {
    const clipboard = recordingClipboard()
    const { page, dataDir, pageErrors } = await open(t, { clipboard, clipboardClearMs: 300 })
    await createX360Customer(page)
    assert.ok(!(await pageText(page)).includes(PASSWORD), 'not in the page before it is revealed')

    await page.getByRole('button', { name: 'Reveal password' }).click()
    const shown = page.getByLabel('Vault password', { exact: true })
    assert.equal(await shown.inputValue(), PASSWORD)
    await page.getByRole('button', { name: 'Hide', exact: true }).click()
    await shown.waitFor({ state: 'detached' })
    assert.ok(!(await pageText(page)).includes(PASSWORD), 'gone from the page once hidden')

    await page.getByRole('button', { name: 'Copy password' }).click()
    await page.getByRole('status').getByText(/^Password copied; the clipboard is cleared in \d+ s$/).waitFor()
    assert.deepEqual(clipboard.writes, [{ text: PASSWORD, secret: true }])
    assert.ok(!(await pageText(page)).includes(PASSWORD), 'a copy never brings the password into the page')
    while ((await clipboard.readText()) !== '') await new Promise((resolve) => setTimeout(resolve, 25))
    assert.ok(!(await storedCustomers(dataDir)).text.includes(PASSWORD))
    assert.deepEqual(pageErrors, [])
  })

  test('a revealed password hides again by itself after 20 seconds', async (t) => {
    const { page } = await open(t)
    await createX360Customer(page)
    await page.clock.install()
    await page.getByRole('button', { name: 'Reveal password' }).click()
    const shown = page.getByLabel('Vault password', { exact: true })
    await shown.waitFor()
    await page.clock.runFor(19_000)
    assert.ok(await shown.isVisible(), 'still shown before the time is up')
    await page.clock.runFor(1_000)
    await shown.waitFor({ state: 'detached' })
  })

  test('Change Password checks the new password at its fields and writes it to the keychain only', async (t) => {
    const { page, desk, dataDir } = await open(t)
    await createX360Customer(page)
    const id = (await storedCustomers(dataDir)).customers[0]?.id ?? ''

    await page.getByRole('button', { name: 'Change Password' }).click()
    const dialog = page.getByRole('dialog', { name: 'Change Password for Contoso Ltd' })
    await dialog.getByText(PASSWORD_POLICY_TEXT).waitFor()
    assert.ok(await isFocused(field(dialog, 'New password')))
    await field(dialog, 'New password').fill('weak')
    await field(dialog, 'Confirm new password').fill('weak')
    await field(dialog, 'Confirm new password').press('Enter')
    await expectFieldError(dialog, 'New password', 'The password needs at least 12 characters (it has 4).')
    await field(dialog, 'New password').fill('Another-Pass-99')
    await field(dialog, 'Confirm new password').fill('Another-Pass-98')
    await dialog.getByRole('button', { name: 'Change Password' }).click()
    await expectFieldError(dialog, 'Confirm new password', 'The two passwords do not match.')
    assert.ok(await isFocused(field(dialog, 'Confirm new password')))

    await dialog.getByRole('button', { name: 'Generate password' }).click()
    const generated = await field(dialog, 'New password').inputValue()
    assert.equal(passwordProblem(generated), null)
    await dialog.getByRole('button', { name: 'Change Password' }).click()
    await dialog.waitFor({ state: 'detached' })
    await page.getByRole('status').getByText('The Vault password of Contoso Ltd was changed.').waitFor()
    assert.equal(await desk.vault.readCustomerPassword(id), generated)
    const { text } = await storedCustomers(dataDir)
    assert.ok(!text.includes(generated) && !text.includes(PASSWORD), 'neither password is in the JSON file')
  })

  test('a missing keychain entry is explained and Change Password is offered', async (t) => {
    const { page, desk, dataDir } = await open(t)
    await createX360Customer(page)
    const id = (await storedCustomers(dataDir)).customers[0]?.id ?? ''
    await desk.vault.deleteCustomerPassword(id)

    await page.getByRole('button', { name: 'Reveal password' }).click()
    await page.getByRole('alert').getByText(/No password for this customer was found in the keychain/).waitFor()
    await page.getByRole('button', { name: 'Set a new password' }).click()
    await page.getByRole('dialog', { name: 'Change Password for Contoso Ltd' }).waitFor()
  })
  test('a locked keychain is explained, and nothing is written in its place', async (t) => {
    const { page, desk, dataDir } = await open(t)
    await createX360Customer(page)
    lockKeychain(desk.vault)

    await page.getByRole('button', { name: 'Reveal password' }).click()
    await page.getByRole('alert').getByText(/^The password could not be read: The system keychain is not available/).waitFor()

    const dialog = await openNewCustomer(page)
    await field(dialog, 'Customer Company Name').fill('Northwind Traders')
    await fillX360(dialog, { username: 'northwind', email: 'it@northwind.com', locations: 'Seattle', password: PASSWORD })
    await field(dialog, 'Customer Confirm Password').press('Enter')
    const message = dialog.getByRole('alert').filter({ hasText: 'The system keychain is not available' })
    await message.waitFor()
    assert.ok(await isFocused(message), 'focus moves to the message so it is read out')
    assert.equal(await field(dialog, 'Customer Username').inputValue(), 'northwind', 'what was typed stays')
    const { customers } = await storedCustomers(dataDir)
    assert.deepEqual(customers.map((customer) => customer.companyName), ['Contoso Ltd'])
  })
})
