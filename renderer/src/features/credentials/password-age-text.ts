import { passwordAgeDays } from '../../../../main/common/password-age'
import { formats } from '../../formats'

/** "set today", "set yesterday", "set 94 days ago" (digits in the user's locale). */
export function passwordAgeText(setAt: string, now: Date): string {
  const days = passwordAgeDays(setAt, now)
  if (days === 0) return 'set today'
  if (days === 1) return 'set yesterday'
  return `set ${formats.plural(days, 'day')} ago`
}
