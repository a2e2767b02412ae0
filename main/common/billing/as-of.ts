import type { Customer, HistoryEntry, Tombstone } from '../customer-model'
import { billingVendors } from '../vendors/registry'
import { billingFields, NAME_FIELD, type BillingVendor, type FieldValues } from './billing-vendor'

/**
 * One customer's billing life: its billed fields as they are at the end of the trace (today for a
 * live customer, the deletion for a deleted one) and the history that leads there. Every earlier
 * state follows by undoing, newest first, the entries made at or after the moment asked about.
 */
export interface BillingTrace {
  customerId: string
  createdAt: string
  deletedAt: string | null
  values: FieldValues
  history: readonly HistoryEntry[]
}

/** A customer as it stood at one moment, with the vendor's figures. */
export interface BilledState {
  customerId: string
  companyName: string
  measures: Record<string, number>
  group: string
}

export interface BillingTotals {
  customers: number
  measures: Record<string, number>
  /** Every group value is present, with 0 when no customer has it; empty for a vendor without a group. */
  byGroup: Record<string, number>
}

export interface AsOf {
  customers: BilledState[]
  totals: BillingTotals
}

const ms = (iso: string): number => Date.parse(iso)

export function traceOfCustomer(customer: Customer, vendor: BillingVendor): BillingTrace {
  return {
    customerId: customer.id,
    createdAt: customer.createdAt,
    deletedAt: null,
    values: { [NAME_FIELD]: customer.companyName, ...vendor.currentValues(customer) },
    history: customer.history,
  }
}

/** Whether the customer has the vendor's service now or had it at some moment of its history. */
const hadVendor = (customer: Customer, vendor: BillingVendor): boolean =>
  vendor.currentValues(customer)[vendor.presenceField] != null || customer.history.some((entry) => entry.field === vendor.presenceField)

/**
 * What a tombstone keeps of a customer being deleted: enough to count it on the days it was live, for
 * each billing vendor it ever had. Field names carry the vendor's key, so one record holds them all,
 * in the shape tombstones have always had.
 */
export function billingRecordOf(customer: Customer, vendors: readonly BillingVendor[] = billingVendors()): NonNullable<Tombstone['billing']> {
  const had = vendors.filter((vendor) => hadVendor(customer, vendor))
  const fields = new Set(had.flatMap(billingFields))
  fields.add(NAME_FIELD)
  const values: FieldValues = { [NAME_FIELD]: customer.companyName }
  for (const vendor of had) Object.assign(values, vendor.currentValues(customer))
  return {
    createdAt: customer.createdAt,
    values,
    history: customer.history.filter((entry) => fields.has(entry.field)).map((entry) => ({ ...entry })),
  }
}

/** Null for a tombstone written before tombstones kept a billing record: that customer's past is not known. */
export function traceOfTombstone(tombstone: Tombstone): BillingTrace | null {
  if (!tombstone.billing) return null
  const { createdAt, values, history } = tombstone.billing
  return { customerId: tombstone.customerId, createdAt, deletedAt: tombstone.deletedAt, values, history }
}

export interface Traces {
  traces: BillingTrace[]
  /** Deletions whose tombstone has no billing record (written before the billing view). */
  untraced: Tombstone[]
}

/** Every customer the desk knows of, live or deleted. A live customer wins over a tombstone of the same id (restored from a backup). */
export function tracesOf(data: { customers: readonly Customer[]; deletions: readonly Tombstone[] }, vendor: BillingVendor): Traces {
  const traces = data.customers.map((customer) => traceOfCustomer(customer, vendor))
  const live = new Set(data.customers.map((customer) => customer.id))
  const untraced: Tombstone[] = []
  for (const tombstone of data.deletions) {
    if (live.has(tombstone.customerId)) continue
    const trace = traceOfTombstone(tombstone)
    if (trace) traces.push(trace)
    else untraced.push(tombstone)
  }
  return { traces, untraced }
}

/** Whether the customer existed just before `instantMs`: created before it, not yet deleted. */
export const existedBefore = (trace: BillingTrace, instantMs: number): boolean =>
  ms(trace.createdAt) < instantMs && (trace.deletedAt === null || ms(trace.deletedAt) >= instantMs)

/** The fields as they stood just before `instantMs` (after every entry made earlier), whether or not the customer existed then. */
export function rawValuesBefore(trace: BillingTrace, instantMs: number): FieldValues {
  const values = { ...trace.values }
  for (let index = trace.history.length - 1; index >= 0; index -= 1) {
    const entry = trace.history[index] as HistoryEntry
    if (entry.field in values && ms(entry.at) >= instantMs) values[entry.field] = entry.from
  }
  return values
}

/** The figures the values give, or null when the customer does not have the vendor's service in them. */
export function billedFrom(trace: BillingTrace, values: FieldValues, vendor: BillingVendor): BilledState | null {
  if (values[vendor.presenceField] == null) return null
  const measures: Record<string, number> = {}
  for (const measure of vendor.measures) {
    const value = Number(values[measure.field] ?? 0)
    measures[measure.key] = Number.isFinite(value) ? value : 0
  }
  return { customerId: trace.customerId, companyName: values[NAME_FIELD] ?? '', measures, group: vendor.group ? (values[vendor.group.field] ?? '') : '' }
}

/** The customer as it stood just before `instantMs`; null when it did not exist or had no subscription then. */
export function billedBefore(trace: BillingTrace, instantMs: number, vendor: BillingVendor): BilledState | null {
  return existedBefore(trace, instantMs) ? billedFrom(trace, rawValuesBefore(trace, instantMs), vendor) : null
}

export function emptyTotals(vendor: BillingVendor): BillingTotals {
  return {
    customers: 0,
    measures: Object.fromEntries(vendor.measures.map((measure) => [measure.key, 0])),
    byGroup: Object.fromEntries((vendor.group?.values ?? []).map((value) => [value, 0])),
  }
}

export function totalOf(states: readonly BilledState[], vendor: BillingVendor): BillingTotals {
  const totals = emptyTotals(vendor)
  for (const state of states) {
    totals.customers += 1
    for (const measure of vendor.measures) totals.measures[measure.key] = (totals.measures[measure.key] ?? 0) + (state.measures[measure.key] ?? 0)
    if (vendor.group) totals.byGroup[state.group] = (totals.byGroup[state.group] ?? 0) + 1
  }
  return totals
}

/**
 * The vendor's customers and totals as they stood just before `instantMs`; for "the end of a day",
 * pass the first moment of the next day. Today's view is the case of an instant after every entry.
 */
export function billingAsOf(traces: readonly BillingTrace[], vendor: BillingVendor, instantMs: number): AsOf {
  const customers: BilledState[] = []
  for (const trace of traces) {
    const state = billedBefore(trace, instantMs, vendor)
    if (state) customers.push(state)
  }
  return { customers, totals: totalOf(customers, vendor) }
}
