import type { CustomerListItem } from '../../../../main/common/contract'
import { passwordOlderThan } from '../../../../main/common/password-age'

/** The rotation report (as ITFlow has): the customers listed whose Vault password is older than `days` days, in the list's order. */
export function matchesPasswordAge(customers: readonly CustomerListItem[], days: number, now: Date): readonly CustomerListItem[] {
  return customers.filter((customer) => passwordOlderThan(customer, days, now))
}

export const ROTATION_DAYS_MAX = 36_500

/** What the days box holds: empty means no filter; anything else must be a whole number of days. */
export function parseRotationDays(text: string): { days: number | null } | { error: string } {
  const trimmed = text.trim()
  if (trimmed === '') return { days: null }
  if (!/^\d+$/.test(trimmed)) return { error: 'Type a whole number of days, such as 90, or leave it empty for any age.' }
  const days = Number(trimmed)
  if (days > ROTATION_DAYS_MAX) return { error: `Type at most ${ROTATION_DAYS_MAX} days.` }
  return { days }
}
