import type { Customer, CustomerDraft, HistoryEntry } from '../common/customer-model'
import { accountOf, setAccount } from '../common/vendors/accounts'
import { vendors } from '../common/vendors/registry'

type Read = (draft: CustomerDraft) => string | null

/** The fields whose changes the history records, with how each is shown in it: the customer's own, then each vendor's. */
const TRACKED: { field: string; read: Read }[] = [
  { field: 'companyName', read: (c) => c.companyName },
  { field: 'notes', read: (c) => c.notes || null },
  ...vendors().flatMap((vendor) => [
    { field: vendor.key, read: (c: CustomerDraft) => (accountOf(c, vendor) !== null ? 'added' : null) },
    ...vendor.history.map((tracked) => ({
      field: `${vendor.key}.${tracked.field}`,
      read: (c: CustomerDraft) => {
        const draft = accountOf(c, vendor)
        return draft === null ? null : tracked.read(draft)
      },
    })),
  ]),
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
  const draft = { companyName: customer.companyName, notes: customer.notes } as CustomerDraft
  for (const vendor of vendors()) {
    const account = accountOf(customer, vendor)
    setAccount(draft, vendor, account === null ? null : vendor.draftOf(account))
  }
  return draft
}
