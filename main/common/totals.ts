import { accountOf } from './vendors/accounts'
import { vendors, type BuiltInAccounts, type BuiltInTotals } from './vendors/registry'

/** The count of customers, and each vendor's figures under its key. */
export type Totals = { customers: number } & BuiltInTotals

/** The figures staff compare with the vendors' invoices, for any list of customers (all, or a filtered view). */
export function computeTotals(customers: readonly BuiltInAccounts[]): Totals {
  const totals: Record<string, unknown> = { customers: customers.length }
  for (const vendor of vendors()) {
    const figures: unknown = vendor.totals.empty()
    for (const customer of customers) {
      const account = accountOf(customer, vendor)
      if (account !== null) vendor.totals.add(figures, account)
    }
    totals[vendor.key] = figures
  }
  return totals as unknown as Totals
}
