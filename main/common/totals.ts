import type { CustomerListItem } from './contract/customers'
import { STORAGE_TYPES, type StorageType } from './customer-model'

export interface Totals {
  customers: number
  nexetic: {
    customers: number
    userLicenses: number
    extraStorageGb: number
    /** Every storage type is present, with 0 when no customer uses it. */
    byStorageType: Record<StorageType, number>
  }
  x360: {
    customers: number
    locations: number
  }
}

/** The figures staff compare with the vendors' invoices, for any list of customers (all, or a filtered view). */
export function computeTotals(customers: readonly Pick<CustomerListItem, 'x360' | 'nexetic'>[]): Totals {
  const byStorageType = Object.fromEntries(STORAGE_TYPES.map((type) => [type, 0])) as Record<StorageType, number>
  const totals: Totals = {
    customers: customers.length,
    nexetic: { customers: 0, userLicenses: 0, extraStorageGb: 0, byStorageType },
    x360: { customers: 0, locations: 0 },
  }
  for (const { x360, nexetic } of customers) {
    if (nexetic) {
      totals.nexetic.customers += 1
      totals.nexetic.userLicenses += nexetic.userLicenses
      totals.nexetic.extraStorageGb += nexetic.extraStorageGb
      byStorageType[nexetic.storageType] += 1
    }
    if (x360) {
      totals.x360.customers += 1
      totals.x360.locations += x360.locations.length
    }
  }
  return totals
}
