import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { NEW_CUSTOMER } from '../../main/common/vocabulary'
import { browserSkip, openDesk } from '../harness/open-desk'
import { emptyDeskNewCustomer, field, newCustomerButton } from '../helpers/customer-form-steps'
import { tempDesk } from '../helpers/temp-desk'

describe('one vocabulary', { skip: browserSkip }, () => {
  test('"New customer" everywhere it is offered; the list speaks the portals\' labels; a count of one reads naturally', async (t) => {
    const { dataDir, keychainService } = await tempDesk(t)
    const { page, pageErrors, close } = await openDesk({ dataDir, keychainService })
    t.after(close)

    // The empty desk offers the action under the same name as the header, and the dialog is called that too.
    await emptyDeskNewCustomer(page).waitFor()
    assert.ok(await newCustomerButton(page).isVisible())
    assert.equal(await page.getByRole('button', { name: /Add (company|your first customer)/ }).count(), 0, 'no older names left')
    await emptyDeskNewCustomer(page).click()
    const dialog = page.getByRole('dialog', { name: NEW_CUSTOMER, exact: true })
    await field(dialog, 'Customer Company Name').fill('Contoso Ltd')
    await field(dialog, 'Customer Company Name').press('Enter')
    await dialog.waitFor({ state: 'detached' })

    // The grid's headers are the form's and the detail's labels, with the portal they belong to.
    const headers = await page.getByRole('grid', { name: 'Customers' }).getByRole('columnheader').allInnerTexts()
    assert.deepEqual(
      headers.map((text) => text.replace(/[▲▼]/g, '').replace(/\s+/g, ' ').trim()),
      ['Company', 'x360Recover Customer Username', 'Nexetic User Licenses', 'Nexetic Extra Storage', 'Services', 'Updated', 'Actions'],
    )

    // One customer: "1 of 1 customer", and the sheets for all of them are not "for all 1 customer".
    await page.getByText('1 of 1 customer', { exact: true }).waitFor()
    await page.getByRole('button', { name: 'Data' }).click()
    await page.getByRole('menu', { name: 'Data' }).getByRole('menuitem', { name: 'Customer sheets (PDF)…' }).click()
    await page.getByRole('dialog', { name: 'Customer sheet for your only customer' }).waitFor()
    assert.deepEqual(pageErrors, [])
  })
})
