import { TB_IN_GB } from './portal-rules'

/**
 * Numbers, dates and storage as the user reads them, in one place for the page and main: the page
 * passes `navigator.language`, main the desk's locale (Electron's `app.getLocale()`). Pure Intl, so it
 * runs in the sandboxed page as in Node. No locale (undefined) means the runtime's default.
 */
export type Locale = string | undefined

// Building an Intl formatter costs far more than using one: keep one per locale and style.
const numberFormats = new Map<string, Intl.NumberFormat>()
const dateFormats = new Map<string, Intl.DateTimeFormat>()

function numberFormat(locale: Locale, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${locale ?? ''}|${maximumFractionDigits}`
  let format = numberFormats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits })
    numberFormats.set(key, format)
  }
  return format
}

type DateStyle = 'date' | 'dateTime' | 'weekdayDate'
const DATE_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: 'medium' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  weekdayDate: { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' },
}

function dateFormat(locale: Locale, style: DateStyle): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${style}`
  let format = dateFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, DATE_OPTIONS[style])
    dateFormats.set(key, format)
  }
  return format
}

/** "2,048" in en-US, "2.048" in de-DE; whole numbers unless more digits are asked for. */
export function formatNumber(value: number, locale?: Locale, maximumFractionDigits = 0): string {
  return numberFormat(locale, maximumFractionDigits).format(value)
}

/** A difference with its sign: "+5", "−512" (a true minus sign, never a hyphen). */
export function formatSigned(delta: number, locale?: Locale): string {
  return `${delta > 0 ? '+' : delta < 0 ? '−' : ''}${formatNumber(Math.abs(delta), locale)}`
}

/**
 * Storage in one order everywhere: the exact GB the portal asks for, then TB in brackets from 1 TB on,
 * e.g. "2,048 GB (2 TB)". The TB figure only when it is exact to two decimals, so it never misleads.
 */
export function formatStorage(gb: number, locale?: Locale): string {
  const text = `${formatNumber(gb, locale)} GB`
  const tb = gb / TB_IN_GB
  return gb >= TB_IN_GB && Number.isInteger(tb * 100) ? `${text} (${formatNumber(tb, locale, 2)} TB)` : text
}

function toDate(value: Date | string): Date | null {
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

/** A day, e.g. "Dec 1, 2026" in en-US, "01.12.2026" in de-DE; text that is not a date is shown as it is. */
export function formatDate(value: Date | string, locale?: Locale): string {
  const date = toDate(value)
  return date ? dateFormat(locale, 'date').format(date) : String(value)
}

/** A moment in the user's own time zone, e.g. "Dec 1, 2026, 10:05 AM" or "01.12.2026, 10:05". */
export function formatDateTime(value: Date | string, locale?: Locale): string {
  const date = toDate(value)
  return date ? dateFormat(locale, 'dateTime').format(date) : String(value)
}

/** A day with its weekday, for lists of days such as the daily backups: "Tue, Jan 7, 2025", "Di., 7. Jan. 2025". */
export function formatWeekdayDate(value: Date, locale?: Locale): string {
  return dateFormat(locale, 'weekdayDate').format(value)
}

/** The English forms of a phrase; `#` stands for the count, written in the user's locale. */
export interface PluralForms {
  one: string
  other: string
}

// The words are English, so English decides which form a count takes (French would call 0 singular);
// only the digits follow the user's locale.
const englishPlural = new Intl.PluralRules('en')

/**
 * A phrase that reads naturally for every count: `pluralText(1, { one: 'Customer sheet for # customer',
 * other: 'Customer sheets for all # customers' })`. A plain noun is enough for the usual
 * "1 customer" / "1,200 customers": `pluralText(n, 'customer')`.
 */
export function pluralText(count: number, forms: PluralForms | string, locale?: Locale): string {
  const { one, other } = typeof forms === 'string' ? { one: `# ${forms}`, other: `# ${forms}s` } : forms
  const phrase = englishPlural.select(count) === 'one' ? one : other
  return phrase.replaceAll('#', formatNumber(count, locale))
}

/** The same functions bound to one locale: the page binds `navigator.language`, main the desk's locale. */
export function formatsFor(locale: Locale) {
  return {
    locale,
    number: (value: number, maximumFractionDigits = 0) => formatNumber(value, locale, maximumFractionDigits),
    signed: (delta: number) => formatSigned(delta, locale),
    storage: (gb: number) => formatStorage(gb, locale),
    date: (value: Date | string) => formatDate(value, locale),
    dateTime: (value: Date | string) => formatDateTime(value, locale),
    weekdayDate: (value: Date) => formatWeekdayDate(value, locale),
    plural: (count: number, forms: PluralForms | string) => pluralText(count, forms, locale),
  }
}

export type Formats = ReturnType<typeof formatsFor>
