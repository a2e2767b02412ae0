import { byCompanyName } from '../company-order'
import type { HistoryEntry } from '../customer-model'
import { billedFrom, existedBefore, rawValuesBefore, type BillingTrace } from './as-of'
import { billingFields, NAME_FIELD, type BillingVendor } from './billing-vendor'

/** One figure over the month: null where the customer had no subscription at that point. */
export interface MeasureRange {
  start: number | null
  end: number | null
  /** The highest value it had at any moment of the month. */
  highest: number | null
}

export interface MonthRow {
  customerId: string
  /** The name at the end of the month, or the last one it had in it. */
  companyName: string
  group: string
  measures: Record<string, MeasureRange>
  /** The month's entries of the billed fields, oldest first. */
  changes: HistoryEntry[]
  createdInMonth: boolean
  deletedInMonth: boolean
}

export interface MonthTotals {
  customers: number
  measures: Record<string, { start: number; end: number; highest: number }>
}

export interface BillingMonth {
  rows: MonthRow[]
  totals: MonthTotals
}

const ms = (iso: string): number => Date.parse(iso)
const within = (iso: string | null, startMs: number, endMs: number): boolean => iso !== null && ms(iso) >= startMs && ms(iso) < endMs

/**
 * One customer's month: the values at the start, every entry in the month replayed in order, the
 * values at the end. Null when it had no subscription at any moment of the month.
 */
export function monthRow(trace: BillingTrace, vendor: BillingVendor, startMs: number, endMs: number): MonthRow | null {
  if (ms(trace.createdAt) >= endMs || (trace.deletedAt !== null && ms(trace.deletedAt) < startMs)) return null
  const fields = new Set(billingFields(vendor))
  const createdInMonth = within(trace.createdAt, startMs, endMs)
  const values = rawValuesBefore(trace, startMs)
  const start = existedBefore(trace, startMs) ? billedFrom(trace, values, vendor) : null
  const highest: Record<string, number | null> = {}
  let last = start
  const observe = () => {
    const state = billedFrom(trace, values, vendor)
    if (!state) return
    last = state
    for (const measure of vendor.measures) highest[measure.key] = Math.max(highest[measure.key] ?? Number.NEGATIVE_INFINITY, state.measures[measure.key] ?? 0)
  }
  if (start || createdInMonth) observe()
  const inMonth = trace.history.filter((entry) => fields.has(entry.field) && within(entry.at, startMs, endMs))
  inMonth.forEach((entry, index) => {
    values[entry.field] = entry.to
    // The entries of one save share a moment: the state between them never existed.
    if (inMonth[index + 1]?.at !== entry.at) observe()
  })
  const changes = inMonth.filter((entry) => entry.field !== NAME_FIELD)
  if (!last) return null
  // The month's entries replayed onto the start's values give the values just before the end.
  const end = existedBefore(trace, endMs) ? billedFrom(trace, values, vendor) : null
  const measures: Record<string, MeasureRange> = {}
  for (const measure of vendor.measures) {
    measures[measure.key] = { start: start?.measures[measure.key] ?? null, end: end?.measures[measure.key] ?? null, highest: highest[measure.key] ?? null }
  }
  const shown = end ?? last
  return {
    customerId: trace.customerId,
    companyName: shown.companyName,
    group: shown.group,
    measures,
    changes,
    createdInMonth,
    deletedInMonth: within(trace.deletedAt, startMs, endMs),
  }
}

export function monthTotals(rows: readonly MonthRow[], vendor: BillingVendor): MonthTotals {
  const measures: MonthTotals['measures'] = {}
  for (const measure of vendor.measures) {
    const sum = (pick: (range: MeasureRange) => number | null) => rows.reduce((total, row) => total + (pick(row.measures[measure.key] ?? { start: null, end: null, highest: null }) ?? 0), 0)
    measures[measure.key] = { start: sum((range) => range.start), end: sum((range) => range.end), highest: sum((range) => range.highest) }
  }
  return { customers: rows.length, measures }
}

const byName = (a: MonthRow, b: MonthRow): number => byCompanyName(a, b) || (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0)

/** The month [startMs, endMs): one row per customer that had the vendor's service in it, by name, and their sums. */
export function billingMonth(traces: readonly BillingTrace[], vendor: BillingVendor, startMs: number, endMs: number): BillingMonth {
  const rows: MonthRow[] = []
  for (const trace of traces) {
    const row = monthRow(trace, vendor, startMs, endMs)
    if (row) rows.push(row)
  }
  rows.sort(byName)
  return { rows, totals: monthTotals(rows, vendor) }
}
