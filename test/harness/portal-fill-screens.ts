import { SAMPLE_CUSTOMERS, seedCustomers } from '../helpers/customer-seeds'
import type { Screen } from './screens'

/** The fill-in panel part way through x360Recover's Customer Details, with the password just copied. */
export const PORTAL_FILL_SCREENS: Screen[] = [
  {
    name: '75-fill-in-the-portal',
    prepare: async ({ page, desk }) => {
      await seedCustomers(desk, SAMPLE_CUSTOMERS)
      await page.reload()
      await page.getByRole('cell', { name: 'Contoso Ltd' }).click()
      await page.getByRole('region', { name: 'Details of Contoso Ltd' }).getByRole('button', { name: 'Fill in the portal' }).click()
      const panel = page.getByRole('dialog', { name: 'Fill in the portal: Contoso Ltd' })
      for (const field of ['Customer Username', 'Customer Company Name', 'Customer Password']) {
        await panel.getByRole('button', { name: `Copy ${field}` }).click()
        await panel.getByRole('status').getByText(`Paste it into ${field}`).waitFor()
      }
    },
  },
]
