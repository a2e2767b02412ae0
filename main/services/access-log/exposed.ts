import { EXPOSING_ACTIONS, type AccessAction } from '../../common/access-actions'
import type { ExposedCustomer } from '../../common/contract/access-log'
import type { Customer } from '../../common/customer-model'
import type { AccessEntryView } from '../../common/contract/access-log'
import { holdsPassword, passwordSetAtOf } from '../../common/vendors/accounts'

const time = (iso: string): number => Date.parse(iso)

/**
 * The customers whose current Vault password was revealed, copied or printed at or after the moment it
 * was set (its account's `passwordSetAt`), newest exposure first: the ones to rotate when a laptop is lost.
 * A password the desk never saw set counts every exposure.
 */
export function exposedSinceChanged(customers: readonly Customer[], entries: readonly AccessEntryView[]): ExposedCustomer[] {
  const withPassword = new Map(customers.flatMap((customer) => (holdsPassword(customer) ? [[customer.id, customer] as const] : [])))
  const found = new Map<string, ExposedCustomer>()
  for (const entry of entries) {
    if (!EXPOSING_ACTIONS.includes(entry.action) || entry.customerId === null) continue
    const customer = withPassword.get(entry.customerId)
    const setAt = customer ? passwordSetAtOf(customer) : null
    if (!customer || (setAt !== null && time(entry.at) < time(setAt))) continue
    const seen = found.get(customer.id) ?? { customerId: customer.id, companyName: customer.companyName, passwordSetAt: setAt, lastExposedAt: entry.at, counts: {} }
    if (time(entry.at) > time(seen.lastExposedAt)) seen.lastExposedAt = entry.at
    const action: AccessAction = entry.action
    seen.counts[action] = (seen.counts[action] ?? 0) + 1
    found.set(customer.id, seen)
  }
  return [...found.values()].sort((a, b) => time(b.lastExposedAt) - time(a.lastExposedAt))
}
