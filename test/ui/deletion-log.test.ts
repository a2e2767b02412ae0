import { describe, test } from 'node:test'
import { browserSkip, openDesk } from '../harness/open-desk'
import { waitForFocus } from '../helpers/customer-form-steps'
import { SAMPLE_CUSTOMERS, seedCustomers } from '../helpers/customer-seeds'
import { detail, row } from '../helpers/list-locators'
import { tempDesk } from '../helpers/temp-desk'

describe('deletion log', { skip: browserSkip }, () => {
  test('a deleted customer is listed under Deleted customers, also when the desk is left empty', async (t) => {
    const { dataDir, keychainService } = await tempDesk(t)
    const opened = await openDesk({ dataDir, keychainService })
    t.after(() => opened.close())
    await seedCustomers(opened.desk, SAMPLE_CUSTOMERS.filter((input) => input.company === 'Woodgrove Bank'))
    const { page } = opened
    await page.reload()
    await row(page, 'Woodgrove Bank').click()
    await detail(page, 'Woodgrove Bank').getByRole('button', { name: 'Delete' }).click()
    await page.getByRole('alertdialog', { name: 'Delete customer' }).getByRole('button', { name: 'Delete' }).click()
    await page.getByRole('heading', { name: 'No customers yet' }).waitFor()

    const open = page.getByRole('button', { name: 'Deleted customers' })
    await open.click()
    const dialog = page.getByRole('dialog', { name: 'Deleted customers' })
    const log = dialog.getByRole('region', { name: 'Deleted customers' })
    await log.getByRole('listitem').filter({ hasText: 'Woodgrove Bank deleted (x360Recover username woodgrove_vault)' }).waitFor()
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    await waitForFocus(page, open)
  })
})
