import type { BillingMeasure } from '../../../../main/common/billing/billing-vendor'
import { formats, pageLocale } from '../../formats'

/** A figure as the tables show it; null (no subscription at that point) as a dash. */
export const showFigure = (measure: Pick<BillingMeasure, 'unit'>, value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : measure.unit === 'gb' ? formats.storage(value) : formats.number(value)

const monthName = new Intl.DateTimeFormat(pageLocale, { month: 'long', year: 'numeric' })
const dayName = new Intl.DateTimeFormat(pageLocale, { dateStyle: 'long' })

/** "2026-11" → "November 2026" in the user's language. */
export function formatMonth(month: string): string {
  const [year, index] = month.split('-').map(Number)
  return year && index ? monthName.format(new Date(year, index - 1, 1)) : month
}

/** "2026-11-30" → "30 November 2026" in the user's language. */
export function formatDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number)
  return year && month && date ? dayName.format(new Date(year, month - 1, date)) : day
}

export const untracedNote = (count: number, since: string): string | null =>
  count === 0
    ? null
    : `${formats.plural(count, 'customer')} deleted since ${since} ${count === 1 ? 'was' : 'were'} deleted before the desk kept billing records with deletions, so ${count === 1 ? 'it is' : 'they are'} not in these figures.`
