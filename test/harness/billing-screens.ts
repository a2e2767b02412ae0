import { writeBillingHistory } from '../helpers/billing-history'
import type { OpenedDesk } from './open-desk'
import type { Screen } from './screens'

async function openMonth({ page }: OpenedDesk): Promise<void> {
  await page.getByRole('button', { name: 'Billing', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Billing' })
  await dialog.getByLabel('Month', { exact: true }).fill('2026-11')
  await dialog.getByRole('table', { name: 'Nexetic billing for November 2026' }).waitFor()
}

/** The Billing view over a small desk's real history (see billing-history.ts), appended to SCREENS. */
export const BILLING_SCREENS: Screen[] = [
  { name: '90-billing-month', beforeOpen: writeBillingHistory, prepare: openMonth },
  {
    name: '91-billing-as-of-day',
    beforeOpen: writeBillingHistory,
    prepare: async (opened) => {
      await openMonth(opened)
      const dialog = opened.page.getByRole('dialog', { name: 'Billing' })
      await dialog.getByLabel('As of the end of').fill('2026-11-04')
      await dialog.getByText(/^The 2 Nexetic customers on that day/).click()
      await dialog.getByRole('region', { name: 'Totals as of a day' }).scrollIntoViewIfNeeded()
      await dialog.getByRole('region', { name: 'Totals as of a day' }).getByRole('row', { name: /^Gone Ltd/ }).scrollIntoViewIfNeeded()
    },
  },
]
