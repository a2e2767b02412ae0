import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import keytar from 'keytar'
import { accountFor } from '../../main/services/credential-vault'
import { electronSkipReason, launchDeskApp } from '../harness/electron-binary'
import { field, fillNexetic, fillX360, openNewCustomer, pageText, storedCustomers } from '../helpers/customer-form-steps'
import { tempDesk } from '../helpers/temp-desk'

const PASSWORD = 'Vault-Pass-2026!e3'

describe('customers in the real Electron app', () => {
  test('creates a customer of each kind, finds it, copies its password through the system clipboard, and keeps the password out of the file', { skip: electronSkipReason() }, async (t) => {
    const { dataDir, keychainService } = await tempDesk(t)
    const app = await launchDeskApp(dataDir, keychainService)
    t.after(() => app.close())
    const page = await app.firstWindow()

    const x360 = await openNewCustomer(page)
    await field(x360, 'Customer Company Name').fill('Contoso Ltd')
    await fillX360(x360, { username: 'contoso_admin', email: 'it@contoso.com', locations: 'Head_Office', password: PASSWORD })
    await field(x360, 'Customer Confirm Password').press('Enter')
    await x360.waitFor({ state: 'detached' })

    const nexetic = await openNewCustomer(page)
    await field(nexetic, 'Customer Company Name').fill('Northwind Traders')
    await fillNexetic(nexetic, { userLicenses: '25', notifyUsers: 'it@northwind.com', storageType: 'Finnish S3 Storage' })
    await field(nexetic, 'Notify Users').press('Enter')
    await nexetic.waitFor({ state: 'detached' })

    await page.getByLabel('Search customers').fill('contoso_admin')
    await page.getByRole('row', { name: /^Contoso Ltd/ }).click()
    await page.getByRole('button', { name: 'Copy password' }).click()
    await page.getByText(/Password copied/).waitFor()
    assert.equal(await app.evaluate(({ clipboard }) => clipboard.readText()), PASSWORD)
    assert.ok(!(await pageText(page)).includes(PASSWORD), 'a copy never puts the password in the page')

    const { text, customers } = await storedCustomers(dataDir)
    assert.deepEqual(customers.map((customer) => customer.companyName).sort(), ['Contoso Ltd', 'Northwind Traders'])
    assert.ok(!text.includes(PASSWORD))
    const contoso = customers.find((customer) => customer.companyName === 'Contoso Ltd')
    assert.equal(await keytar.getPassword(keychainService, accountFor(contoso?.id ?? '')), PASSWORD)
  })
})
