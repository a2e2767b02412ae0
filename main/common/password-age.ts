import type { CustomerListItem } from './contract/customers'
import { passwordSetAtOf } from './vendors/accounts'

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Whole calendar days from the day the password was set to today, in the user's time zone: set at 23:50
 * and looked at ten minutes later is one day. Never negative (a clock set back says "today").
 */
export function passwordAgeDays(setAt: string, now: Date): number {
  const set = new Date(setAt)
  if (Number.isNaN(set.getTime())) return 0
  const startOf = (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime()
  // Rounded: a day with a daylight-saving change is 23 or 25 hours long.
  return Math.max(0, Math.round((startOf(now) - startOf(set)) / DAY_MS))
}

/** The rotation report's rule: a customer whose Vault password was set more than `days` days ago. */
export function passwordOlderThan(customer: CustomerListItem, days: number, now: Date): boolean {
  const setAt = passwordSetAtOf(customer)
  return setAt !== null && passwordAgeDays(setAt, now) > days
}
