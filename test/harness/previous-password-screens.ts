import { SEED_PASSWORD } from '../helpers/customer-seeds'
import { changePasswordInPage, detail, seedAgedDesk } from '../helpers/previous-password-steps'
import type { Screen } from './screens'

/** Issue 10, item 2: the credentials after Change Password, and the rotation report. */
export const PREVIOUS_PASSWORD_SCREENS: Screen[] = [
  {
    name: '76-previous-passwords',
    beforeOpen: seedAgedDesk,
    prepare: async ({ page }) => {
      await page.getByRole('row', { name: /^Contoso Ltd/ }).click()
      await changePasswordInPage(page, 'Contoso Ltd', 'Rotated-Vault-2026!')
      const contoso = detail(page, 'Contoso Ltd')
      await contoso.getByRole('region', { name: /^In x360Recover after the change of / }).getByRole('checkbox', { name: 'Changed in the x360Recover portal with Change Password' }).click()
      await contoso.getByRole('region', { name: 'History' }).getByText('ticked: Changed in the x360Recover portal with Change Password').waitFor()
      const previous = contoso.getByRole('region', { name: 'Previous passwords' })
      await previous.getByRole('button', { name: 'Reveal', exact: true }).click()
      await previous.getByRole('textbox').waitFor()
      await previous.getByRole('textbox').evaluate((input, expected) => {
        if ((input as HTMLInputElement).value !== expected) throw new Error('not the replaced password')
      }, SEED_PASSWORD)
      await previous.scrollIntoViewIfNeeded()
    },
  },
  {
    name: '77-password-rotation',
    beforeOpen: seedAgedDesk,
    prepare: async ({ page }) => {
      await page.getByLabel('Password older than (days)').fill('90')
      await page.getByText('1 of 3 customers').waitFor()
      await page.getByRole('row', { name: /^Contoso Ltd/ }).click()
      await detail(page, 'Contoso Ltd').getByText('set 94 days ago').waitFor()
    },
  },
]
