import type { OpenedDesk } from './open-desk'

/** The screens `npm run screenshots` renders; each prepares a fresh desk and leaves the page showing it. */
export interface Screen {
  name: string
  prepare(desk: OpenedDesk): Promise<void>
}

export const SCREENS: Screen[] = [
  {
    name: '01-empty-desk',
    prepare: async ({ page }) => {
      await page.getByRole('heading', { name: 'No customers yet' }).waitFor()
    },
  },
  {
    name: '02-add-company-error',
    prepare: async ({ page }) => {
      await page.getByRole('button', { name: 'Add your first customer' }).click()
      await page.getByLabel('Customer Company Name').press('Enter')
      await page.getByText('Enter the Customer Company Name.').waitFor()
    },
  },
  {
    name: '03-customer-list',
    prepare: async ({ page }) => {
      for (const name of ['Contoso Ltd', 'Fabrikam Inc', 'Northwind Traders']) {
        await page.getByRole('button', { name: /Add (your first customer|company)/ }).first().click()
        await page.getByLabel('Customer Company Name').fill(name)
        await page.getByLabel('Customer Company Name').press('Enter')
        await page.getByRole('cell', { name }).waitFor()
      }
    },
  },
]
