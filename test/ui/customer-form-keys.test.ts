import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { passwordProblem } from '../../main/common/password-policy'
import { browserSkip } from '../harness/open-desk'
import { expectFieldError, field, fillX360, isFocused, openNewCustomer, storedCustomers } from '../helpers/customer-form-steps'
import { open } from '../helpers/ui-desk'

describe('customer form', { skip: browserSkip }, () => {
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
})
