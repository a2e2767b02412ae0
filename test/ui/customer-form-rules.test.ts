import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { browserSkip } from '../harness/open-desk'
import { expectFieldError, expectNoFieldError, field, fillNexetic, fillX360, isFocused, openNewCustomer, PASSWORD, storedCustomers } from '../helpers/customer-form-steps'
import { open } from '../helpers/ui-desk'

describe('customer form', { skip: browserSkip }, () => {
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
})
