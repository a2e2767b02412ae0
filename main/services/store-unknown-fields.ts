import type { z } from 'zod'
import { customerSchema, historyEntrySchema, tombstoneSchema } from '../common/customer-model'
import { accountOf } from '../common/vendors/accounts'
import { vendors } from '../common/vendors/registry'
import type { Customer, Tombstone } from '../common/customer-model'
import { ONBOARDING_VENDORS, tickableStepKeys } from '../common/onboarding'

/**
 * Fields the store does not know (written by a newer desk, or added by hand) are kept through every
 * save, but never enter the customers in memory: those reach the page and the exports, and an unknown
 * field may hold anything. They are lifted out when the file is read and put back when it is written.
 */
type Fields = Record<string, unknown>

export interface CustomerUnknowns {
  own?: Fields
  /** By vendor key: the unknown fields of that vendor's account. */
  accounts?: Map<string, Fields>
  /** Vendor → the steps this desk does not know (or a whole vendor it does not know). */
  onboarding?: Fields
  /** By position: history entries are only ever appended. */
  history?: Map<number, Fields>
}

export interface UnknownFields {
  top: Fields | null
  /** By customer id (ids are unique in a file the store accepts). */
  customers: Map<string, CustomerUnknowns>
  /** By position: tombstones are only ever appended. */
  deletions: Map<number, Fields>
}

export const noUnknownFields = (): UnknownFields => ({ top: null, customers: new Map(), deletions: new Map() })

export const hasUnknownFields = (unknowns: UnknownFields): boolean => unknowns.top !== null || unknowns.customers.size > 0 || unknowns.deletions.size > 0

const keysOf = (schema: z.ZodObject): ReadonlySet<string> => new Set(Object.keys(schema.shape))
const TOP_KEYS = new Set(['schemaVersion', 'customers', 'deletions'])
const CUSTOMER_KEYS = keysOf(customerSchema)
const ACCOUNT_KEYS = vendors().map((vendor) => ({ key: vendor.key, known: keysOf(vendor.accountSchema) }))
const HISTORY_KEYS = keysOf(historyEntrySchema)
const TOMBSTONE_KEYS = keysOf(tombstoneSchema)
const STEP_KEYS = new Map<string, ReadonlySet<string>>(ONBOARDING_VENDORS.map((vendor) => [vendor, tickableStepKeys(vendor)]))

const isRecord = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Every key of a value, however deep. */
export function countKeys(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0
  let keys = 0
  if (Array.isArray(value)) {
    for (const item of value) keys += countKeys(item)
    return keys
  }
  for (const key in value) keys += 1 + countKeys((value as Fields)[key])
  return keys
}

/** Counts the keys it passes, so that the caller can compare them with the keys written in the text without another walk. */
interface Walk {
  keys: number
}

/** Removes the keys not in `known` from `value` and returns them (a null-prototype object, so "__proto__" stays a plain key). */
function lift(value: unknown, known: ReadonlySet<string>, walk: Walk): Fields | undefined {
  if (!isRecord(value)) return undefined
  let lifted: Fields | undefined
  // for…in over a parsed object visits its own keys without allocating an array (a file holds hundreds of thousands).
  for (const key in value) {
    walk.keys += 1
    if (known.has(key)) continue
    lifted ??= Object.create(null) as Fields
    lifted[key] = value[key]
    walk.keys += countKeys(value[key])
    delete value[key]
  }
  return lifted
}

/** The onboarding ticks of steps (or vendors) a newer desk added: kept aside like any unknown field. */
function liftOnboarding(onboarding: unknown, walk: Walk): Fields | undefined {
  if (!isRecord(onboarding)) return undefined
  let lifted: Fields | undefined
  for (const vendor in onboarding) {
    walk.keys += 1
    const known = STEP_KEYS.get(vendor)
    const unknownSteps = known ? lift(onboarding[vendor], known, walk) : onboarding[vendor]
    if (unknownSteps === undefined) continue
    lifted ??= Object.create(null) as Fields
    lifted[vendor] = unknownSteps
    if (!known) {
      walk.keys += countKeys(onboarding[vendor])
      delete onboarding[vendor]
    }
  }
  return lifted
}

function liftCustomer(customer: unknown, walk: Walk): CustomerUnknowns | null {
  if (!isRecord(customer)) return null
  const found: CustomerUnknowns = {}
  const own = lift(customer, CUSTOMER_KEYS, walk)
  if (own) found.own = own
  for (const { key, known } of ACCOUNT_KEYS) {
    const lifted = lift(customer[key], known, walk)
    if (lifted) (found.accounts ??= new Map()).set(key, lifted)
  }
  const onboarding = liftOnboarding(customer.onboarding, walk)
  if (onboarding) found.onboarding = onboarding
  if (Array.isArray(customer.history)) {
    customer.history.forEach((entry: unknown, index) => {
      const lifted = lift(entry, HISTORY_KEYS, walk)
      if (lifted) (found.history ??= new Map()).set(index, lifted)
    })
  }
  return found.own || found.accounts || found.onboarding || found.history ? found : null
}

/**
 * Takes the unknown fields out of a parsed (and upgraded) file, in place, before the schema checks
 * what is left. Also says how many keys the walk passed: in a file of the expected shape, every key.
 */
export function liftUnknownFields(data: unknown): { unknowns: UnknownFields; keyCount: number } {
  const unknowns = noUnknownFields()
  const walk: Walk = { keys: 0 }
  if (!isRecord(data)) return { unknowns, keyCount: countKeys(data) }
  unknowns.top = lift(data, TOP_KEYS, walk) ?? null
  if (Array.isArray(data.customers)) {
    for (const customer of data.customers as unknown[]) {
      const found = liftCustomer(customer, walk)
      if (found && isRecord(customer) && typeof customer.id === 'string') unknowns.customers.set(customer.id, found)
    }
  }
  if (Array.isArray(data.deletions)) {
    data.deletions.forEach((tombstone: unknown, index) => {
      const lifted = lift(tombstone, TOMBSTONE_KEYS, walk)
      if (lifted) unknowns.deletions.set(index, lifted)
      // The billing record's own keys, so a file with them still matches its key count (no slow second walk).
      if (isRecord(tombstone)) walk.keys += countKeys(tombstone.billing)
    })
  }
  return { unknowns, keyCount: walk.keys }
}

/**
 * The customer as it is written: its own unknown fields after the known ones. An account replaced by
 * an edit keeps the unknown fields of the one it replaced; an account removed takes its fields with it.
 */
export function withUnknownFields(customer: Customer, found: CustomerUnknowns): unknown {
  const written: Fields = { ...customer, ...found.own }
  for (const vendor of vendors()) {
    const account = accountOf(customer, vendor)
    const lifted = found.accounts?.get(vendor.key)
    if (account !== null && lifted) written[vendor.key] = { ...(account as Fields), ...lifted }
  }
  if (found.onboarding) written.onboarding = onboardingWithUnknowns(customer.onboarding ?? {}, found.onboarding)
  const history = found.history
  if (history) written.history = customer.history.map((entry, index) => ({ ...entry, ...history.get(index) }))
  return written
}

function onboardingWithUnknowns(known: Fields, found: Fields): Fields {
  const written: Fields = { ...known }
  for (const vendor in found) {
    const steps = found[vendor]
    written[vendor] = STEP_KEYS.has(vendor) && isRecord(steps) ? { ...(known[vendor] as Fields | undefined), ...steps } : steps
  }
  return written
}

export const deletionsWithUnknownFields = (deletions: readonly Tombstone[], found: Map<number, Fields>): unknown[] =>
  deletions.map((tombstone, index) => ({ ...tombstone, ...found.get(index) }))
