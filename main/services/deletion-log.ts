import type { Tombstone } from '../common/customer-model'
import type { CustomerStore } from './customer-store'

/** The app-wide record of deleted customers: customer-service appends to it, nothing ever removes from it. */
export function createDeletionLog({ store }: { store: CustomerStore }) {
  return {
    deletions: (): Tombstone[] => store.data.deletions.map((tombstone) => ({ ...tombstone })).reverse(),
  }
}
