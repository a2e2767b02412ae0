import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { STORAGE_TYPE_LOCKED_NOTE } from '../../main/common/vendors/nexetic/subscription'
import { browserSkip } from '../harness/open-desk'
import { expectFieldError, field, fillNexetic, fillX360, openNewCustomer, PASSWORD, storedCustomers } from '../helpers/customer-form-steps'
import { open } from '../helpers/ui-desk'

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
