import { field, fillNexetic, fillX360, openNewCustomer } from '../helpers/customer-form-steps'
import type { OpenedDesk } from './open-desk'
import type { Screen } from './screens'

const SAMPLE_PASSWORD = 'Sample-Vault-Pass-1!'

async function createX360Customer({ page }: OpenedDesk): Promise<void> {
  const dialog = await openNewCustomer(page)
  await field(dialog, 'Customer Company Name').fill('Contoso Ltd')
  await fillX360(dialog, { username: 'contoso_admin', email: 'it@contoso.com', locations: 'Head_Office, Warehouse', password: SAMPLE_PASSWORD })
  await field(dialog, 'Customer Confirm Password').press('Enter')
  await dialog.waitFor({ state: 'detached' })
}

/** The customer form and the credentials screens, appended to SCREENS. */
export const FORM_SCREENS: Screen[] = [
  {
    name: '20-customer-form-filled',
    prepare: async ({ page }) => {
      const dialog = await openNewCustomer(page)
      await field(dialog, 'Customer Company Name').fill('Contoso Ltd')
      await fillX360(dialog, { username: 'contoso_admin', email: 'it@contoso.com', locations: 'Head_Office, Warehouse' })
      await dialog.getByRole('button', { name: 'Generate password' }).click()
      await fillNexetic(dialog, {
        domain: 'contoso.onmicrosoft.com',
        userLicenses: '250',
        extraStorage: '2 TB',
        notifyUsers: 'it@contoso.com; backup@contoso.com',
        storageType: 'Azure (Ireland)',
      })
      await field(dialog, 'Customer Username').scrollIntoViewIfNeeded()
    },
  },
  {
    name: '21-customer-form-errors',
    prepare: async ({ page }) => {
      const dialog = await openNewCustomer(page)
      await field(dialog, 'Customer Company Name').fill('Contoso Ltd')
      await fillX360(dialog, { username: 'contoso-admin', email: 'it@contoso', locations: 'Head Office, Warehouse', password: 'short' })
      await field(dialog, 'Customer Company Name').press('Enter')
      await dialog.getByText('The password needs at least 12 characters (it has 5).').waitFor()
    },
  },
  {
    name: '22-customer-form-nexetic-errors',
    prepare: async ({ page }) => {
      const dialog = await openNewCustomer(page)
      await field(dialog, 'Customer Company Name').fill('Fabrikam Inc')
      await fillNexetic(dialog, { domain: 'fabrikam..com', userLicenses: '1.5', extraStorage: '1.5 GB', notifyUsers: 'a@b.com;' })
      await field(dialog, 'Customer Company Name').press('Enter')
      await dialog.getByText('Remove the semicolon at the end.').waitFor()
      await field(dialog, 'Domain').scrollIntoViewIfNeeded()
    },
  },
  {
    name: '23-change-password',
    prepare: async (opened) => {
      await createX360Customer(opened)
      await opened.page.getByRole('button', { name: 'Change Password' }).click()
      const dialog = opened.page.getByRole('dialog', { name: 'Change Password for Contoso Ltd' })
      await field(dialog, 'New password').fill('Another-Pass-99')
      await field(dialog, 'Confirm new password').fill('Another-Pass-98')
      await field(dialog, 'Confirm new password').press('Enter')
      await dialog.getByText('The two passwords do not match.').waitFor()
    },
  },
  {
    name: '24-credentials-revealed',
    prepare: async (opened) => {
      await createX360Customer(opened)
      await opened.page.getByRole('button', { name: 'Reveal password' }).click()
      await opened.page.getByRole('textbox', { name: 'Vault password' }).waitFor()
      await opened.page.getByRole('button', { name: 'Change Password' }).scrollIntoViewIfNeeded()
    },
  },
]
