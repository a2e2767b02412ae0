import { passwordWords } from '../../../../main/common/vendors/password-words'
import { formats } from '../../formats'

/** Words and small formatters of the Maintenance dialog and the status banner (pure). */

/** "1 customer", "1,200 customers" (digits in the user's locale). */
export const plural = formats.plural

/** The user's own calendar day as YYYY-MM-DD, as main names its daily backups. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** A backup's day (local YYYY-MM-DD, as main names it) in the user's words, e.g. "Tue, Jan 7, 2025". */
export function formatBackupDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!match) return day
  // Built from its parts, so the day is read in local time and never shifts by a time zone.
  return formats.weekdayDate(new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
}

export const KEYCHAIN_ALL_GOOD = `Every customer with ${passwordWords().anAccount} has its password in the keychain, and no entry is left over.`
