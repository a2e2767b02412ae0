import type { Migration } from './migration'

/** The first files had no schemaVersion, no history per customer and no deletion log. */
export const v0ToV1: Migration = {
  from: 0,
  to: 1,
  migrate: (data) => ({
    ...data,
    customers: Array.isArray(data.customers)
      ? data.customers.map((customer: unknown) =>
          typeof customer === 'object' && customer !== null && !('history' in customer) ? { ...customer, history: [] } : customer,
        )
      : data.customers,
    deletions: Array.isArray(data.deletions) ? data.deletions : [],
  }),
}
