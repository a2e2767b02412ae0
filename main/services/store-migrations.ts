/** The store's format version; each step below upgrades a file by exactly one version. */
export const CURRENT_SCHEMA_VERSION = 1

type Migration = (data: Record<string, unknown>) => Record<string, unknown>

/** Index n upgrades a file of version n to version n + 1. */
const migrations: Migration[] = [
  // 0 → 1: the first files had no schemaVersion, no history per customer and no deletion log.
  (data) => ({
    ...data,
    schemaVersion: 1,
    customers: Array.isArray(data.customers)
      ? data.customers.map((customer: unknown) =>
          typeof customer === 'object' && customer !== null && !('history' in customer) ? { ...customer, history: [] } : customer,
        )
      : data.customers,
    deletions: Array.isArray(data.deletions) ? data.deletions : [],
  }),
]

/** Brings a parsed file up to the current version; anything it cannot recognise is returned as is for the schema to reject. */
export function migrate(parsed: unknown): unknown {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return parsed
  let data = parsed as Record<string, unknown>
  let version = data.schemaVersion === undefined ? 0 : data.schemaVersion
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) return parsed
  while (version < CURRENT_SCHEMA_VERSION) {
    const step = migrations[version]
    if (!step) return data
    data = step(data)
    version += 1
  }
  return data
}
