import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { dispatch } from '../../main/ipc/handler-table'
import { browserSkip } from '../harness/open-desk'
import { emptyDeskNewCustomer, expectFieldError, field, fillX360, isFocused, openNewCustomer, PASSWORD, storedCustomers } from '../helpers/customer-form-steps'
import { open } from '../helpers/ui-desk'

describe('customer form', { skip: browserSkip }, () => {
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
})

describe('editing a customer', { skip: browserSkip }, () => {
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
})
