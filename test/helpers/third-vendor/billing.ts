import type { BillingVendor } from '../../../main/common/billing/billing-vendor'
import type { CoveAccount } from './definition'

/** Cove bills on Seats alone, with no group: the Billing view gives it a section of its own (see test/unit/third-vendor.test.ts). */
export const coveBilling: BillingVendor = {
  key: 'cove',
  label: 'Cove',
  subscription: 'a Cove subscription',
  presenceField: 'cove',
  measures: [{ key: 'seats', field: 'cove.seats', label: 'Seats', unit: 'count' }],
  currentValues(customer) {
    const cove = (customer as { cove?: CoveAccount | null }).cove ?? null
    return { cove: cove ? 'added' : null, 'cove.seats': cove ? String(cove.seats) : null }
  },
}
