/**
 * Billing days are the user's own days, in the time zone of the machine the page runs on, as the
 * history timeline shows its times: "the end of 30 November" is midnight in that zone. The page turns
 * a day or month into instants here and main counts up to them, so main never guesses a zone.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const MONTH = /^(\d{4})-(\d{2})$/
const pad = (value: number, width = 2): string => String(value).padStart(width, '0')

/** A valid calendar day only: 2026-02-30 is refused rather than rolled into March. */
function localDate(year: number, month: number, day: number): Date | null {
  const date = new Date(year, month - 1, day)
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date : null
}

/** "2026-11-30" → the first moment of 1 December where the user is, as an ISO instant; null for no such day. */
export function endOfLocalDay(day: string): string | null {
  const match = DAY.exec(day)
  if (!match) return null
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (!localDate(year, month, date)) return null
  return new Date(year, month - 1, date + 1).toISOString()
}

/** "2026-11" → its first moment and the first moment of the next month, where the user is. */
export function localMonthBounds(month: string): { start: string; end: string } | null {
  const match = MONTH.exec(month)
  if (!match) return null
  const [year, index] = [Number(match[1]), Number(match[2])]
  if (index < 1 || index > 12 || year < 1970) return null
  return { start: new Date(year, index - 1, 1).toISOString(), end: new Date(year, index, 1).toISOString() }
}

export const localDayOf = (date: Date): string => `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
export const localMonthOf = (date: Date): string => localDayOf(date).slice(0, 7)
