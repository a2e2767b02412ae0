import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { passwordProblem, READ_ALOUD_SYMBOLS } from '../../main/common/password-policy'
import { dispatch } from '../../main/ipc/handler-table'
import { browserSkip } from '../harness/open-desk'
import { SEED_PASSWORD } from '../helpers/customer-seeds'
import { emptyDeskNewCustomer, expectFieldError, field, fillNexetic, fillX360, isFocused, openNewCustomer, storedCustomers } from '../helpers/customer-form-steps'
import { open } from '../helpers/ui-desk'

describe('field messages that say what to do', { skip: browserSkip }, () => {
  test('invisible characters, separators, negative numbers and thousands separators are explained at their fields', async (t) => {
    const { page, dataDir, pageErrors } = await open(t)
    const dialog = await openNewCustomer(page)
    await field(dialog, 'Customer Company Name').fill('Contoso\u200B Ltd')
    await fillNexetic(dialog, { userLicenses: '-1', extraStorage: '-5', notifyUsers: 'a@b.com, c@d.com', storageType: 'Azure (Ireland)' })
    await field(dialog, 'Customer Company Name').press('Enter')

    const invisible = 'contains an invisible character, U+200B ZERO WIDTH SPACE, after "Contoso": delete it, or type the text again instead of pasting it.'
    await expectFieldError(dialog, 'Customer Company Name', `The Customer Company Name ${invisible}`)
    await expectFieldError(dialog, 'Organization name', `The Organization name ${invisible}`)
    await expectFieldError(dialog, 'User Licenses', 'User Licenses must be at least 1.')
    await expectFieldError(dialog, 'Extra Storage', 'Extra Storage cannot be negative: enter 0 for none.')
    await expectFieldError(dialog, 'Notify Users', 'Separate the addresses with semicolons (;), not commas, like this: a@b.com; c@d.com.')
    assert.ok(await isFocused(field(dialog, 'Customer Company Name')), 'focus is on the first field in error')

    // A field in error is checked again as the user types.
    await field(dialog, 'Extra Storage').fill('1,024')
    await expectFieldError(dialog, 'Extra Storage', 'Type 1024, with digits only: no thousands separators.')
    await field(dialog, 'User Licenses').fill('1,000')
    await expectFieldError(dialog, 'User Licenses', 'Type 1000, with digits only: no thousands separators.')
    await field(dialog, 'Notify Users').fill('a@b.com c@d.com')
    await expectFieldError(dialog, 'Notify Users', 'Separate the addresses with semicolons (;), not spaces, like this: a@b.com; c@d.com.')
    assert.deepEqual((await storedCustomers(dataDir)).customers, [], 'nothing was saved')
    assert.deepEqual(pageErrors, [])
  })

  test('a cleared Organization name is an error at the field, never silently the company name', async (t) => {
    const { page, dataDir } = await open(t)
    const dialog = await openNewCustomer(page)
    await field(dialog, 'Customer Company Name').fill('Fabrikam Inc')
    await fillNexetic(dialog, { userLicenses: '25', notifyUsers: 'ops@fabrikam.com', storageType: 'Azure (Ireland)' })
    const organization = field(dialog, 'Organization name')
    assert.equal(await organization.inputValue(), 'Fabrikam Inc', 'shown filled in from the company name')
    await organization.fill('')
    await field(dialog, 'Customer Company Name').fill('Fabrikam Group')
    assert.equal(await organization.inputValue(), '', 'once cleared it no longer follows the company name')

    await dialog.getByRole('button', { name: 'Create customer' }).click()
    await expectFieldError(dialog, 'Organization name', 'Enter the Organization name (the company name, "Fabrikam Group", if the Nexetic organization has the same name).')
    assert.ok(await isFocused(organization))
    assert.deepEqual((await storedCustomers(dataDir)).customers, [])

    await organization.fill('Fabrikam Holdings')
    await dialog.getByRole('button', { name: 'Create customer' }).click()
    await dialog.waitFor({ state: 'detached' })
    assert.equal((await storedCustomers(dataDir)).customers[0]?.nexetic?.organizationName, 'Fabrikam Holdings')
  })

  test('"Contoso Ltd." is a twin of "Contoso Ltd", and a name of zero-width characters only is empty', async (t) => {
    const { page, desk, dataDir } = await open(t)
    await emptyDeskNewCustomer(page).waitFor()
    // Saved behind the page's back, so the twin is found by main's check on save.
    const seeded = await dispatch(desk.handlers, 'desk:customers.create', { form: { companyName: 'Contoso Ltd', notes: '', x360: null, nexetic: null } })
    assert.ok(seeded.ok)

    const dialog = await openNewCustomer(page)
    const company = field(dialog, 'Customer Company Name')
    await company.fill('\u200B\u200B')
    await company.press('Enter')
    await expectFieldError(dialog, 'Customer Company Name', 'Enter the Customer Company Name: what is there is only invisible characters (U+200B ZERO WIDTH SPACE).')

    await company.fill('Contoso Ltd.')
    await company.press('Enter')
    // The duplicate warning's wording is the vocabulary's; what matters here is that it names the twin and nothing was saved.
    await dialog.getByText(/"Contoso Ltd" already exists/).waitFor()
    assert.equal(await company.getAttribute('aria-invalid'), 'true')
    assert.equal((await storedCustomers(dataDir)).customers.length, 1, 'the twin was not saved without a confirmation')
  })

  test('a password with a control character is refused at the field; the read-aloud generator fills one that meets the policy', async (t) => {
    const { page, dataDir } = await open(t)
    const dialog = await openNewCustomer(page)
    await field(dialog, 'Customer Company Name').fill('Tailspin Toys')
    await fillX360(dialog, { username: 'tailspin', email: 'it@tailspin.com', locations: 'Main', password: `${SEED_PASSWORD}\u0000x` })
    await field(dialog, 'Customer Confirm Password').press('Enter')
    await expectFieldError(dialog, 'Customer Password', 'The password contains a control character (U+0000 NULL), which the keychain cannot store as it is: remove it.')
    assert.deepEqual((await storedCustomers(dataDir)).customers, [])

    await dialog.getByRole('button', { name: 'Generate read-aloud password' }).click()
    const password = field(dialog, 'Customer Password')
    const generated = await password.inputValue()
    assert.equal(passwordProblem(generated), null)
    const symbols = generated.replace(/[A-Za-z0-9]/g, '')
    assert.ok(symbols.length > 0 && [...symbols].every((char) => READ_ALOUD_SYMBOLS.includes(char)), `only easy symbols in ${generated}`)
    assert.equal(await field(dialog, 'Customer Confirm Password').inputValue(), generated)
    assert.equal(await password.getAttribute('type'), 'text', 'a generated password is shown')
    await dialog.getByRole('button', { name: 'Create customer' }).click()
    await dialog.waitFor({ state: 'detached' })
    assert.equal((await storedCustomers(dataDir)).customers.length, 1)
  })
})
