import type { CustomerListItem } from '../../../../main/common/contract'
import { nameCollator } from '../../../../main/common/company-order'
import { accountOf } from '../../../../main/common/vendors/accounts'
import { vendors } from '../../../../main/common/vendors/registry'
import { matchesPasswordAge } from './password-rotation'
import { filterByOnboarding, type OnboardingFilter } from './onboarding-filter'

/** Which services a customer must have to be listed: any, one vendor's (by its key), every one, or none. */
export type ServiceFilter = 'all' | 'every' | 'none' | (string & {})
/** The company, the time of the last change, or a vendor's sort key (its definition's `sortKeys`: username, licenses, storage). */
export type SortColumn = 'company' | 'updated' | (string & {})
/** Spelled as aria-sort spells it, so the header can use it as is. */
export type SortDirection = 'ascending' | 'descending'

export interface CustomerQuery {
  search: string
  service: ServiceFilter
  sort: SortColumn
  direction: SortDirection
  /** The rotation report: only customers whose Vault password is older than this many days (password-rotation.ts). */
  passwordOlderThanDays: number | null
  /** Absent means every customer, whatever its onboarding. */
  onboarding?: OnboardingFilter
}

export const DEFAULT_QUERY: CustomerQuery = { search: '', service: 'all', sort: 'company', direction: 'ascending', passwordOlderThanDays: null }

export const SERVICE_FILTERS: { value: ServiceFilter; label: string }[] = [
  { value: 'all', label: 'All customers' },
  ...vendors().map((vendor) => ({ value: vendor.key, label: `With ${vendor.name}` })),
  { value: 'every', label: vendors().length === 2 ? 'With both services' : 'With every service' },
  { value: 'none', label: 'With no service yet' },
]

/** Lower case without accents, so "muller" finds "Müller" and "CONTOSO" finds "contoso". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase()
}

// Built once per customer object: the store replaces an object when it changes, so a stale entry is never read.
const searchTexts = new WeakMap<CustomerListItem, string>()

/** Everything a search looks in: company, username, e-mail, locations, organization, domain, notify users. */
export function searchTextOf(customer: CustomerListItem): string {
  let text = searchTexts.get(customer)
  if (text === undefined) {
    const parts = [customer.companyName]
    for (const vendor of vendors()) {
      const account = accountOf(customer, vendor)
      if (account !== null) parts.push(...vendor.searchText(account))
    }
    // A line break between fields keeps one word from matching across two of them.
    text = fold(parts.join('\n'))
    searchTexts.set(customer, text)
  }
  return text
}

/** Builds every search text ahead of the first keystroke (the list calls it after a change, once painted), in the order shown. */
export function warmSearchIndex(customers: readonly CustomerListItem[], sort = DEFAULT_QUERY.sort, direction = DEFAULT_QUERY.direction): void {
  searchTextsOf(sortCustomers(customers, sort, direction))
}

export function searchWords(search: string): string[] {
  return fold(search).split(/\s+/).filter((word) => word !== '')
}

export function matchesService(customer: CustomerListItem, filter: ServiceFilter): boolean {
  switch (filter) {
    case 'all':
      return true
    case 'every':
      return vendors().every((vendor) => accountOf(customer, vendor) !== null)
    case 'none':
      return vendors().every((vendor) => accountOf(customer, vendor) === null)
    default: {
      const vendor = vendors().find((candidate) => candidate.key === filter)
      return vendor !== undefined && accountOf(customer, vendor) !== null
    }
  }
}

/** Text and numeric columns start ascending; "updated" starts with the newest. */
export function firstDirection(column: SortColumn): SortDirection {
  return column === 'updated' ? 'descending' : 'ascending'
}

type SortKey = string | number | null

function sortKey(customer: CustomerListItem, column: SortColumn): SortKey {
  switch (column) {
    case 'company':
      return customer.companyName
    case 'updated':
      return customer.updatedAt
    default: {
      const vendor = vendors().find((candidate) => candidate.sortKeys?.[column] !== undefined)
      const account = vendor ? accountOf(customer, vendor) : null
      return vendor && account !== null ? (vendor.sortKeys?.[column]?.(account) ?? null) : null
    }
  }
}

function compareKeys(a: SortKey, b: SortKey): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  // ISO times compare correctly as plain strings; names need the collator.
  return nameCollator.compare(String(a), String(b))
}

function nullsLast(a: SortKey, b: SortKey): number {
  if (a === null) return b === null ? 0 : 1
  return -1
}

// One sorted copy per list and order: a keystroke only filters it, it never sorts 10,000 rows again.
const sortedLists = new WeakMap<readonly CustomerListItem[], Map<string, readonly CustomerListItem[]>>()

/**
 * Sorted by one column; customers without the value (no such service) always come last, ties are
 * broken by company name and then keep the list's order (the sort is stable).
 */
export function sortCustomers(
  customers: readonly CustomerListItem[],
  column: SortColumn,
  direction: SortDirection,
): readonly CustomerListItem[] {
  const cacheKey = `${column}:${direction}`
  let byOrder = sortedLists.get(customers)
  const cached = byOrder?.get(cacheKey)
  if (cached) return cached
  const sign = direction === 'ascending' ? 1 : -1
  const keyed = customers.map((customer) => ({ customer, key: sortKey(customer, column) }))
  keyed.sort((a, b) => {
    const primary = a.key === null || b.key === null ? nullsLast(a.key, b.key) : compareKeys(a.key, b.key) * sign
    if (primary !== 0 || column === 'company') return primary
    return nameCollator.compare(a.customer.companyName, b.customer.companyName)
  })
  const sorted = keyed.map((entry) => entry.customer)
  if (!byOrder) {
    byOrder = new Map()
    sortedLists.set(customers, byOrder)
  }
  byOrder.set(cacheKey, sorted)
  return sorted
}

// The search texts of a sorted list, index for index: a keystroke scans plain strings in an array and
// touches a customer object only when it matches (in Chromium, reading every customer object made the filter about three times slower).
const sortedTexts = new WeakMap<readonly CustomerListItem[], readonly string[]>()

function searchTextsOf(sorted: readonly CustomerListItem[]): readonly string[] {
  let texts = sortedTexts.get(sorted)
  if (!texts) {
    texts = sorted.map(searchTextOf)
    sortedTexts.set(sorted, texts)
  }
  return texts
}

function containsEvery(text: string, words: readonly string[]): boolean {
  for (const word of words) if (!text.includes(word)) return false
  return true
}

/** The customers to list for a search, a service filter, the onboarding filter, the password age and a sort order. */
export function queryCustomers(customers: readonly CustomerListItem[], query: CustomerQuery, now = new Date()): readonly CustomerListItem[] {
  const listed = filterByOnboarding(bySearchAndService(customers, query), query.onboarding)
  return query.passwordOlderThanDays === null ? listed : matchesPasswordAge(listed, query.passwordOlderThanDays, now)
}

function bySearchAndService(customers: readonly CustomerListItem[], query: CustomerQuery): readonly CustomerListItem[] {
  const sorted = sortCustomers(customers, query.sort, query.direction)
  const words = searchWords(query.search)
  if (words.length === 0 && query.service === 'all') return sorted
  if (words.length === 0) return sorted.filter((customer) => matchesService(customer, query.service))
  const texts = searchTextsOf(sorted)
  const shown: CustomerListItem[] = []
  for (let index = 0; index < sorted.length; index += 1) {
    if (!containsEvery(texts[index] ?? '', words)) continue
    const customer = sorted[index]
    if (customer && matchesService(customer, query.service)) shown.push(customer)
  }
  // Everyone matches (often so for the first letter): the same list, so what is memoized on it is reused.
  return shown.length === sorted.length ? sorted : shown
}
