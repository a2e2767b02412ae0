import type { Customer, CustomerDraft, HistoryEntry } from '../common/customer-model'

/** The fields whose changes the history records, with how each is shown in it. */
const TRACKED: { field: string; read: (c: CustomerDraft) => string | null }[] = [
  { field: 'companyName', read: (c) => c.companyName },
  { field: 'notes', read: (c) => c.notes || null },
  { field: 'x360', read: (c) => (c.x360 ? 'added' : null) },
  { field: 'x360.username', read: (c) => c.x360?.username ?? null },
  { field: 'x360.email', read: (c) => c.x360?.email ?? null },
  { field: 'x360.locations', read: (c) => c.x360?.locations.join(', ') ?? null },
  { field: 'nexetic', read: (c) => (c.nexetic ? 'added' : null) },
  { field: 'nexetic.organizationName', read: (c) => c.nexetic?.organizationName ?? null },
  { field: 'nexetic.domain', read: (c) => c.nexetic?.domain ?? null },
  { field: 'nexetic.userLicenses', read: (c) => (c.nexetic ? String(c.nexetic.userLicenses) : null) },
  { field: 'nexetic.extraStorageGb', read: (c) => (c.nexetic ? String(c.nexetic.extraStorageGb) : null) },
  { field: 'nexetic.notifyUsers', read: (c) => c.nexetic?.notifyUsers.join('; ') ?? null },
  { field: 'nexetic.storageType', read: (c) => c.nexetic?.storageType ?? null },
]

/** The field names `describeChanges` compares, for the tests that check no stored field is left out. */
export const trackedFields = (): string[] => TRACKED.map(({ field }) => field)

export interface ChangeContext {
  at: string
  reason: string
  newId: () => string
}

/** One entry per field that differs; history is only ever appended to. */
export function describeChanges(before: CustomerDraft, after: CustomerDraft, context: ChangeContext): HistoryEntry[] {
  const entries: HistoryEntry[] = []
  for (const { field, read } of TRACKED) {
    const from = read(before)
    const to = read(after)
    if (from !== to) entries.push({ id: context.newId(), at: context.at, field, from, to, reason: context.reason || null })
  }
  return entries
}

export function draftOf(customer: Customer): CustomerDraft {
  return {
    companyName: customer.companyName,
    notes: customer.notes,
    x360: customer.x360 ? { username: customer.x360.username, email: customer.x360.email, locations: customer.x360.locations } : null,
    nexetic: customer.nexetic,
  }
}
