import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { DIRECT_TO_CLOUD_NOTE } from '../../main/common/vendors/x360/account'
import { passwordProblem, PASSWORD_POLICY_TEXT } from '../../main/common/password-policy'
import { browserSkip } from '../harness/open-desk'
import { field, fillNexetic, fillX360, isFocused, openNewCustomer, pageText, PASSWORD, storedCustomers } from '../helpers/customer-form-steps'
import { open } from '../helpers/ui-desk'

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
