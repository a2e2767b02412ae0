import type { Page } from 'playwright-core'
import { type Customer } from '../../main/common/customer-model'
import { STORAGE_TYPES } from '../../main/common/vendors/nexetic/subscription'
import { formatNumber, formatStorage } from '../../main/common/formats'
import { computeTotals } from '../../main/common/totals'

/** One totals row as the page shows it, and the same figures formatted from computeTotals. */
export const totalsRow = (page: Page, label: string): Promise<string[]> =>
  page.getByRole('region', { name: 'Totals' }).getByRole('row', { name: new RegExp(`^${label.replace(/[()]/g, '\\$&')}`) }).getByRole('cell').allTextContents()

export function expectedTotals(customers: readonly Customer[]): string[] {
  const totals = computeTotals(customers)
  const count = (value: number) => formatNumber(value, 'en-US')
  return [
    count(totals.nexetic.customers),
    count(totals.nexetic.userLicenses),
    formatStorage(totals.nexetic.extraStorageGb, 'en-US'),
    ...STORAGE_TYPES.map((type) => count(totals.nexetic.byStorageType[type])),
    count(totals.x360.customers),
    count(totals.x360.locations),
  ]
}
