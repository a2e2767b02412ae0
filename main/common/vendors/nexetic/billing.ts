import type { BillingVendor } from '../../billing/billing-vendor'
import { STORAGE_TYPES, type NexeticSubscription } from './subscription'
import { LICENSE_FIELD, STORAGE_FIELD } from './license-change'

/**
 * Nexetic bills on User Licenses and Extra Storage, per Storage Type. The history records the
 * subscription as `nexetic` ("added" / null) and each figure as its decimal string.
 */
export const nexeticBilling: BillingVendor = {
  key: 'nexetic',
  label: 'Nexetic',
  subscription: 'a Nexetic subscription',
  presenceField: 'nexetic',
  measures: [
    { key: 'userLicenses', field: LICENSE_FIELD, label: 'User Licenses', unit: 'count' },
    { key: 'extraStorageGb', field: STORAGE_FIELD, label: 'Extra Storage', unit: 'gb' },
  ],
  group: { field: 'nexetic.storageType', label: 'Storage Type', values: STORAGE_TYPES },
  currentValues(customer) {
    // A file from before the vendor existed has no key: no subscription.
    const nexetic = (customer as { nexetic?: NexeticSubscription | null }).nexetic ?? null
    return {
      nexetic: nexetic ? 'added' : null,
      [LICENSE_FIELD]: nexetic ? String(nexetic.userLicenses) : null,
      [STORAGE_FIELD]: nexetic ? String(nexetic.extraStorageGb) : null,
      'nexetic.storageType': nexetic?.storageType ?? null,
    }
  },
}
