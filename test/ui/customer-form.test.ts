import assert from 'node:assert/strict'
import { describe, test, type TestContext } from 'node:test'
import type { Page } from 'playwright-core'
import { STORAGE_TYPE_LOCKED_NOTE } from '../../main/common/vendors/nexetic/subscription'
import { DIRECT_TO_CLOUD_NOTE } from '../../main/common/vendors/x360/account'
import { passwordProblem, PASSWORD_POLICY_TEXT } from '../../main/common/password-policy'
import { dispatch } from '../../main/ipc/handler-table'
import { createKeychainVault, type KeychainBackend } from '../../main/services/credential-vault'
import { createMemoryClipboard, type TextClipboard } from '../../main/services/secret-clipboard'
import { browserSkip, openDesk, type OpenDeskOptions } from '../harness/open-desk'
import {
  expectFieldError,
  expectNoFieldError,
  field,
  fillNexetic,
  fillX360,
  isFocused,
  openNewCustomer,
  pageText,
  storedCustomers,
  emptyDeskNewCustomer,
} from '../helpers/customer-form-steps'
import { tempDesk } from '../helpers/temp-desk'

const PASSWORD = 'Vault-Pass-2024!x'

/** The real vault over a keychain that refuses every call, as a locked or stopped Secret Service does. */
function lockKeychain(vault: object): void {
  const refuse = async (): Promise<never> => {
    throw new Error('Cannot create an item in a locked collection')
  }
  const locked: KeychainBackend = { setPassword: refuse, getPassword: refuse, deletePassword: refuse, findCredentials: refuse }
  Object.assign(vault, createKeychainVault('locked', locked))
}

async function open(t: TestContext, options: Partial<OpenDeskOptions> = {}) {
  const { dataDir, keychainService } = await tempDesk(t)
  const opened = await openDesk({ dataDir, keychainService, ...options })
  t.after(() => opened.close())
  return { ...opened, dataDir }
}

/** A clipboard that also remembers every write, so a copy is seen even if the clear comes quickly. */
function recordingClipboard(): TextClipboard & { writes: string[] } {
  const inner = createMemoryClipboard()
  const writes: string[] = []
  return {
    writes,
    readText: () => inner.readText(),
    writeText: async (text) => {
      writes.push(text)
      await inner.writeText(text)
    },
    writeSecret: async (formats) => {
      writes.push(String(formats.find((format) => format.type === 'text/plain')?.data))
      await inner.writeSecret(formats)
    },
    clear: () => inner.clear(),
  }
}

async function createX360Customer(page: Page): Promise<void> {
  const dialog = await openNewCustomer(page)
  await field(dialog, 'Customer Company Name').fill('Contoso Ltd')
  await fillX360(dialog, { username: 'contoso_admin', email: 'it@contoso.com', locations: 'Head_Office', password: PASSWORD })
  await field(dialog, 'Customer Confirm Password').press('Enter')
  await dialog.waitFor({ state: 'detached' })
}

describe('customer form', { skip: browserSkip }, () => {
  test('a new user creates an x360Recover customer from the empty state; the password goes only to the keychain', async (t) => {
    const { page, desk, dataDir, pageErrors } = await open(t)
    const dialog = await openNewCustomer(page)
    assert.ok(await isFocused(field(dialog, 'Customer Company Name')), 'the company name has the focus when the dialog opens')
    await field(dialog, 'Customer Company Name').fill('Contoso Ltd')
    await fillX360(dialog, { username: 'contoso_admin', email: 'it@contoso.com', locations: ' Head_Office ,Warehouse', password: PASSWORD })
    await dialog.getByText(DIRECT_TO_CLOUD_NOTE).waitFor()
    await dialog.getByText(PASSWORD_POLICY_TEXT).waitFor()
    await field(dialog, 'Customer Confirm Password').press('Enter')
    await dialog.waitFor({ state: 'detached' })
    await page.getByRole('cell', { name: 'Contoso Ltd' }).first().waitFor()
    await page.getByRole('status').getByText('Contoso Ltd was added.').waitFor()

    const { text, customers } = await storedCustomers(dataDir)
    assert.equal(customers.length, 1)
    const [saved] = customers
    assert.deepEqual({ ...saved?.x360, passwordSetAt: null }, {
      username: 'contoso_admin',
      email: 'it@contoso.com',
      locations: ['Head_Office', 'Warehouse'],
      passwordSetAt: null,
    })
    assert.equal(saved?.nexetic, null)
    assert.ok(!text.includes(PASSWORD), 'the JSON file never holds the password')
    assert.equal(await desk.vault.readCustomerPassword(saved?.id ?? ''), PASSWORD)
    assert.ok(!(await pageText(page)).includes(PASSWORD), 'the page no longer holds the password once the form is closed')
    assert.deepEqual(pageErrors, [])
  })

  test('a Nexetic customer: the organization follows the company name, 2 TB is saved as 2048 GB, two notify addresses are accepted', async (t) => {
    const { page, dataDir, pageErrors } = await open(t)
    const dialog = await openNewCustomer(page)
    await field(dialog, 'Customer Company Name').fill('Fabrikam Inc')
    await fillNexetic(dialog, {
      domain: 'Fabrikam.onmicrosoft.COM',
      userLicenses: '25',
      extraStorage: '2 TB',
      notifyUsers: 'a@b.com; c@d.com',
      storageType: 'Finnish S3 Storage',
    })
    assert.equal(await field(dialog, 'Organization name').inputValue(), 'Fabrikam Inc')
    await dialog.getByText(/Saved as 2,048 GB/).waitFor()
    await dialog.getByRole('button', { name: 'Create customer' }).click()
    await dialog.waitFor({ state: 'detached' })

    const { customers } = await storedCustomers(dataDir)
    assert.deepEqual(customers[0]?.nexetic, {
      organizationName: 'Fabrikam Inc',
      domain: 'fabrikam.onmicrosoft.com',
      userLicenses: 25,
      extraStorageGb: 2048,
      notifyUsers: ['a@b.com', 'c@d.com'],
      storageType: 'Finnish S3 Storage',
    })
    assert.equal(customers[0]?.x360, null)
    assert.deepEqual(pageErrors, [])
  })

  test('each rule shows its own message at its own field, focus lands on the first, and nothing typed is lost', async (t) => {
    const { page, dataDir } = await open(t)
    const dialog = await openNewCustomer(page)
    await field(dialog, 'Customer Company Name').fill('Contoso Ltd')
    await fillX360(dialog, { username: 'contoso-admin', email: 'it@contoso.com', locations: 'Head Office, Warehouse', password: 'short' })
    await fillNexetic(dialog, { domain: 'contoso..com', userLicenses: '0', notifyUsers: 'a@b.com;', storageType: 'Azure (Ireland)' })
    await field(dialog, 'Customer Company Name').press('Enter')

    await expectFieldError(dialog, 'Customer Username', 'Use only letters, digits and underscore (_): no spaces, hyphens or other characters.')
    await expectFieldError(dialog, 'Locations', 'Location "Head Office" may contain only letters, digits and underscore (no spaces).')
    await expectFieldError(dialog, 'Customer Password', 'The password needs at least 12 characters (it has 5).')
    await expectFieldError(dialog, 'Domain', '"contoso..com" is not a valid domain name (for example contoso.com or contoso.onmicrosoft.com).')
    await expectFieldError(dialog, 'User Licenses', 'User Licenses must be at least 1.')
    await expectFieldError(dialog, 'Notify Users', 'Remove the semicolon at the end.')
    await expectNoFieldError(dialog, 'Customer Company Name')
    await expectNoFieldError(dialog, 'Customer Email Address')
    assert.ok(await isFocused(field(dialog, 'Customer Username')), 'focus is on the first field in error')
    assert.equal(await field(dialog, 'Customer Username').inputValue(), 'contoso-admin')
    assert.equal(await field(dialog, 'Locations').inputValue(), 'Head Office, Warehouse')

    // Checked on leaving a field, without submitting.
    await field(dialog, 'User Licenses').fill('1.5')
    await field(dialog, 'User Licenses').blur()
    await expectFieldError(dialog, 'User Licenses', 'User Licenses must be a whole number, such as 25.')
    await field(dialog, 'Customer Password').fill('longenoughpassword')
    await field(dialog, 'Customer Password').blur()
    await expectFieldError(dialog, 'Customer Password', 'The password needs an upper-case letter, a digit, a symbol.')
    await field(dialog, 'Customer Password').fill(PASSWORD)
    await expectNoFieldError(dialog, 'Customer Password')
    await field(dialog, 'Customer Confirm Password').fill(`${PASSWORD}?`)
    await field(dialog, 'Customer Confirm Password').blur()
    await expectFieldError(dialog, 'Customer Confirm Password', 'The two passwords do not match.')
    // A message goes away as soon as what is typed is right.
    await field(dialog, 'Notify Users').fill('a@b.com')
    await expectNoFieldError(dialog, 'Notify Users')

    assert.deepEqual((await storedCustomers(dataDir)).customers, [], 'nothing was saved')
  })

  test('a duplicate username in another case is rejected by main at the username field; a duplicate company asks first', async (t) => {
    const { page, desk, dataDir } = await open(t)
    await emptyDeskNewCustomer(page).waitFor()
    // Saved behind the page's back, so only main knows about it when the form is sent.
    const seeded = await dispatch(desk.handlers, 'desk:customers.create', {
      form: {
        companyName: 'Contoso Ltd',
        notes: '',
        x360: { username: 'contoso_admin', email: 'it@contoso.com', locations: 'Head_Office', password: PASSWORD, confirmPassword: PASSWORD },
        nexetic: null,
      },
    })
    assert.ok(seeded.ok)

    const dialog = await openNewCustomer(page)
    await field(dialog, 'Customer Company Name').fill('contoso  LTD')
    await fillX360(dialog, { username: 'CONTOSO_ADMIN', email: 'ops@contoso.com', locations: 'Branch', password: PASSWORD })
    await dialog.getByRole('button', { name: 'Create customer' }).click()
    await expectFieldError(dialog, 'Customer Username', 'The Customer Username "CONTOSO_ADMIN" is already used by Contoso Ltd.')
    assert.ok(await isFocused(field(dialog, 'Customer Username')))

    await field(dialog, 'Customer Username').fill('contoso_branch')
    await field(dialog, 'Customer Username').press('Enter')
    await expectFieldError(dialog, 'Customer Company Name', '"Contoso Ltd" already exists. Confirm below only if this is a different customer.')
    assert.ok(await isFocused(field(dialog, 'Customer Company Name')))
    assert.equal((await storedCustomers(dataDir)).customers.length, 1, 'not saved before the user confirms')
    await dialog.getByRole('button', { name: 'Yes, this is a different customer — create it anyway' }).click()
    await dialog.waitFor({ state: 'detached' })
    const { customers } = await storedCustomers(dataDir)
    assert.deepEqual(customers.map((customer) => customer.x360?.username), ['contoso_admin', 'contoso_branch'])

    // Now that the page knows both, the username is checked as soon as the user leaves the field.
    const again = await openNewCustomer(page)
    await fillX360(again, { username: 'Contoso_Branch', email: '', locations: '' })
    await field(again, 'Customer Email Address').focus()
    await expectFieldError(again, 'Customer Username', 'The Customer Username "Contoso_Branch" is already used by contoso  LTD.')
  })

  test('Esc closes an untouched form at once and asks before discarding typed changes; Tab stays inside the dialog', async (t) => {
    const { page, dataDir } = await open(t)
    let dialog = await openNewCustomer(page)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })

    dialog = await openNewCustomer(page)
    const company = field(dialog, 'Customer Company Name')
    await company.fill('Northwind')
    await dialog.getByRole('button', { name: 'Create customer' }).focus()
    await page.keyboard.press('Tab')
    assert.ok(await isFocused(company), 'Tab from the last button wraps to the first field')
    await page.keyboard.press('Shift+Tab')
    assert.ok(await isFocused(dialog.getByRole('button', { name: 'Create customer' })), 'Shift+Tab from the first field wraps to the last button')

    await page.keyboard.press('Escape')
    const keep = dialog.getByRole('button', { name: 'Keep editing' })
    await dialog.getByText('Discard the changes you typed?').waitFor()
    assert.ok(await isFocused(keep))
    await keep.click()
    assert.equal(await company.inputValue(), 'Northwind', 'keeping on editing keeps what was typed')
    await page.keyboard.press('Escape')
    await dialog.getByRole('button', { name: 'Discard changes' }).click()
    await dialog.waitFor({ state: 'detached' })
    assert.deepEqual((await storedCustomers(dataDir)).customers, [])
  })

  test('Enter starts a new line in the notes and submits from a toggle; leaving a field by clicking a button still clicks it', async (t) => {
    const { page, dataDir } = await open(t)
    const dialog = await openNewCustomer(page)
    await field(dialog, 'Customer Company Name').fill('Tailspin Toys')
    const notes = field(dialog, 'Notes')
    await notes.click()
    await page.keyboard.type('Line one')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Line two')
    assert.equal(await notes.inputValue(), 'Line one\nLine two')

    await fillX360(dialog, { username: 'tailspin', email: 'it@tailspin.com', locations: 'Main' })
    await field(dialog, 'Customer Username').fill('tail-spin')
    // Leaving the username by clicking below it: its message (which pushes the button down) waits until the click has landed.
    await dialog.getByRole('button', { name: 'Generate password' }).click()
    assert.equal(passwordProblem(await field(dialog, 'Customer Password').inputValue()), null)
    await expectFieldError(dialog, 'Customer Username', 'Use only letters, digits and underscore (_): no spaces, hyphens or other characters.')

    await field(dialog, 'Customer Username').fill('tailspin')
    await dialog.getByRole('checkbox', { name: 'x360Recover Direct-to-Cloud account' }).press('Enter')
    await dialog.waitFor({ state: 'detached' })
    const { customers } = await storedCustomers(dataDir)
    assert.equal(customers[0]?.notes, 'Line one\nLine two')
    assert.equal(customers[0]?.x360?.username, 'tailspin')
  })

  test('Generate password fills both fields with a password that meets the policy, shown until hidden', async (t) => {
    const { page } = await open(t)
    const dialog = await openNewCustomer(page)
    await dialog.getByRole('checkbox', { name: 'x360Recover Direct-to-Cloud account' }).check()
    await dialog.getByRole('button', { name: 'Generate password' }).click()
    const password = field(dialog, 'Customer Password')
    const generated = await password.inputValue()
    assert.equal(passwordProblem(generated), null)
    assert.equal(await field(dialog, 'Customer Confirm Password').inputValue(), generated)
    assert.equal(await password.getAttribute('type'), 'text', 'a generated password is shown')
    await dialog.getByRole('button', { name: 'Hide password' }).click()
    assert.equal(await password.getAttribute('type'), 'password')
  })
})

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
    assert.deepEqual(clipboard.writes, [PASSWORD])
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

describe('editing a customer', { skip: browserSkip }, () => {
  test('the form opens with the saved values; a license change is saved and the Storage Type stays locked', async (t) => {
    const { page, dataDir } = await open(t)
    const create = await openNewCustomer(page)
    await field(create, 'Customer Company Name').fill('Fabrikam Inc')
    await fillNexetic(create, { userLicenses: '25', extraStorage: '500', notifyUsers: 'a@b.com;c@d.com', storageType: 'Azure (Ireland)' })
    await create.getByRole('button', { name: 'Create customer' }).click()
    await create.waitFor({ state: 'detached' })

    await page.getByRole('button', { name: /^Edit/ }).first().click()
    const dialog = page.getByRole('dialog', { name: 'Edit Fabrikam Inc' })
    await field(dialog, 'User Licenses').waitFor()
    assert.equal(await field(dialog, 'Notify Users').inputValue(), 'a@b.com; c@d.com')
    assert.equal(await field(dialog, 'Extra Storage').inputValue(), '500')
    const storageType = field(dialog, 'Storage Type')
    assert.equal(await storageType.inputValue(), 'Azure (Ireland)')
    assert.equal(await storageType.getAttribute('readonly'), '')
    await dialog.getByText(STORAGE_TYPE_LOCKED_NOTE).waitFor()

    await field(dialog, 'User Licenses').fill('40')
    await field(dialog, 'User Licenses').press('Enter')
    await dialog.waitFor({ state: 'detached' })
    await page.getByRole('status').getByText('Changes to Fabrikam Inc were saved.').waitFor()
    const { customers } = await storedCustomers(dataDir)
    assert.equal(customers[0]?.nexetic?.userLicenses, 40)
    assert.ok(customers[0]?.history.some((entry) => entry.field === 'nexetic.userLicenses' && entry.from === '25' && entry.to === '40'))
  })

  test('a twin company confirmed at creation is not asked about again when edited, but renaming into a twin is', async (t) => {
    const { page, dataDir } = await open(t)
    const first = await openNewCustomer(page)
    await field(first, 'Customer Company Name').fill('Contoso Ltd')
    await field(first, 'Customer Company Name').press('Enter')
    await first.waitFor({ state: 'detached' })
    const twin = await openNewCustomer(page)
    await field(twin, 'Customer Company Name').fill('Contoso  ltd')
    await field(twin, 'Customer Company Name').press('Enter')
    await twin.getByRole('button', { name: 'Yes, this is a different customer — create it anyway' }).click()
    await twin.waitFor({ state: 'detached' })

    // The twin just created is the one selected.
    await page.getByRole('button', { name: /^Edit/ }).first().click()
    let dialog = page.getByRole('dialog', { name: 'Edit Contoso  ltd' })
    await field(dialog, 'Notes').fill('Second site, separate billing.')
    await dialog.getByRole('button', { name: 'Save changes' }).click()
    await dialog.waitFor({ state: 'detached' })
    assert.equal((await storedCustomers(dataDir)).customers[1]?.notes, 'Second site, separate billing.')

    const other = await openNewCustomer(page)
    await field(other, 'Customer Company Name').fill('Fabrikam')
    await field(other, 'Customer Company Name').press('Enter')
    await other.waitFor({ state: 'detached' })
    await page.getByRole('button', { name: /^Edit/ }).first().click()
    dialog = page.getByRole('dialog', { name: 'Edit Fabrikam' })
    await field(dialog, 'Customer Company Name').fill('CONTOSO LTD')
    await field(dialog, 'Customer Company Name').press('Enter')
    await dialog.getByRole('button', { name: 'Yes, this is a different customer — save it anyway' }).waitFor()
  })

  test('adding an x360Recover account on edit asks for its password; an existing account is changed without one', async (t) => {
    const { page, desk, dataDir } = await open(t)
    const create = await openNewCustomer(page)
    await field(create, 'Customer Company Name').fill('Adatum Corp')
    await create.getByRole('button', { name: 'Create customer' }).click()
    await create.waitFor({ state: 'detached' })

    await page.getByRole('button', { name: /^Edit/ }).first().click()
    let dialog = page.getByRole('dialog', { name: 'Edit Adatum Corp' })
    await fillX360(dialog, { username: 'adatum', email: 'it@adatum.com', locations: 'HQ' })
    await dialog.getByRole('button', { name: 'Save changes' }).click()
    await expectFieldError(dialog, 'Customer Password', 'Enter a password.')
    await field(dialog, 'Customer Password').fill(PASSWORD)
    await field(dialog, 'Customer Confirm Password').fill(PASSWORD)
    await dialog.getByRole('button', { name: 'Save changes' }).click()
    await dialog.waitFor({ state: 'detached' })
    const id = (await storedCustomers(dataDir)).customers[0]?.id ?? ''
    assert.equal(await desk.vault.readCustomerPassword(id), PASSWORD)

    await page.getByRole('button', { name: /^Edit/ }).first().click()
    dialog = page.getByRole('dialog', { name: 'Edit Adatum Corp' })
    await field(dialog, 'Locations').fill('HQ, Lab')
    assert.equal(await field(dialog, 'Customer Password').count(), 0, 'the password is changed with Change Password instead')
    await field(dialog, 'Locations').press('Enter')
    await dialog.waitFor({ state: 'detached' })
    const { customers, text } = await storedCustomers(dataDir)
    assert.deepEqual(customers[0]?.x360?.locations, ['HQ', 'Lab'])
    assert.equal(await desk.vault.readCustomerPassword(id), PASSWORD)
    assert.ok(!text.includes(PASSWORD))
  })
})
