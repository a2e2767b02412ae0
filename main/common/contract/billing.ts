import { z } from 'zod'
import type { BilledState, BillingTotals } from '../billing/as-of'
import type { MonthRow, MonthTotals } from '../billing/month'
import { billingVendorByKey } from '../vendors/registry'
import { LIST_FORMATS } from './exports'
import type { DialogClosed, ListSaved } from './exports'
import { channel } from './define'

const instant = z.iso.datetime({ offset: true })
/** A month is at most 31 days, and a day more where a clock change lengthens it. */
const MAX_MONTH_MS = 32 * 86_400_000
/** More rows than a desk has customers; the page asks for a page of them at a time. */
const MAX_ROWS = 100_000

/**
 * Whose billing: a key of `billingVendors()`, checked against the registry when main parses the
 * payload. Without one, the first billing vendor's, so a desk that bills one vendor needs no key.
 */
const vendor = z
  .string()
  .max(40)
  .refine((key) => billingVendorByKey(key) !== undefined, 'No vendor with that key is billed in the desk.')
  .optional()

const monthFields = {
  vendor,
  /** "2026-11": names the month in the file's name; start and end are its bounds where the user is (see local-days.ts). */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Choose a month.'),
  start: instant,
  end: instant,
}

const isMonthSpan = ({ start, end }: { start: string; end: string }): boolean => {
  const span = Date.parse(end) - Date.parse(start)
  return span > 0 && span <= MAX_MONTH_MS
}
const SPAN_MESSAGE = { message: 'The month must end after it starts and last at most a month.', path: ['end'] }

export interface BillingAsOfView {
  until: string
  customers: BilledState[]
  totals: BillingTotals
  /** Customers deleted after that moment whose tombstone holds no billing record (deleted before the billing view): they may be missing. */
  untracedDeletions: number
}

export interface BillingMonthView {
  month: string
  start: string
  end: string
  /** The first `rows` rows asked for, by company name; the totals are of all `rowCount` rows. */
  rows: MonthRow[]
  rowCount: number
  totals: MonthTotals
  /** As in BillingAsOfView, for deletions after the month began. */
  untracedDeletions: number
}

export const billingChannels = {
  /** The vendor's customers and totals as they stood just before `until` (for the end of a day: the next day's first moment). */
  asOf: channel(z.strictObject({ vendor, until: instant }))<BillingAsOfView>(),
  /** One row per customer of the month [start, end) that had the vendor's service in it. */
  month: channel(
    z
      .strictObject({ ...monthFields, rows: z.number().int().min(0).max(MAX_ROWS).default(MAX_ROWS) })
      .refine(isMonthSpan, SPAN_MESSAGE),
  )<BillingMonthView>(),
  /** The month's rows and totals to the file main's save dialog returns; written whole or not at all. */
  monthExport: channel(z.strictObject({ ...monthFields, format: z.enum(LIST_FORMATS) }).refine(isMonthSpan, SPAN_MESSAGE))<DialogClosed | ListSaved>(),
}
