import type { Customer } from '../common/customer-model'
import type { DeskData } from './store-file'
import { deletionsWithUnknownFields, noUnknownFields, withUnknownFields, type UnknownFields } from './store-unknown-fields'

/** Customers serialised per turn of the event loop while warming: a few milliseconds' work. */
const WARM_SLICE = 200

const ARRAY = Symbol('array')
const OBJECT = Symbol('object')
const OPAQUE = Symbol('opaque')

interface Cached {
  /** Every key and leaf of the customer as it was serialised, in walk order. */
  shape: unknown[]
  json: Buffer
}

/** Only arrays and plain objects without their own toJSON serialise as exactly their keys and leaves. */
const isPlain = (value: object): boolean => {
  if (Array.isArray(value)) return true
  const prototype: unknown = Object.getPrototypeOf(value)
  return (prototype === Object.prototype || prototype === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function'
}

/** Records a value's keys and leaves; anything but plain objects, arrays and primitives is marked opaque. */
function record(value: unknown, shape: unknown[]): void {
  if (value === null || typeof value !== 'object') {
    shape.push(value)
  } else if (!isPlain(value)) {
    shape.push(OPAQUE)
  } else if (Array.isArray(value)) {
    shape.push(ARRAY, value.length)
    for (const item of value) record(item, shape)
  } else {
    const keys = Object.keys(value)
    shape.push(OBJECT, keys.length)
    for (const key of keys) {
      shape.push(key)
      record((value as Record<string, unknown>)[key], shape)
    }
  }
}

/**
 * Walks `value` against the recorded shape from `at`; returns where the walk ended, or -1 at the first
 * difference. Same keys in the same order with the same leaves means the same JSON. An opaque value
 * (a Date, say) never matches: it could have changed inside without its keys showing it.
 */
function matchFrom(value: unknown, shape: unknown[], at: number): number {
  if (value === null || typeof value !== 'object') return shape[at] === value ? at + 1 : -1
  if (!isPlain(value)) return -1
  if (Array.isArray(value)) {
    if (shape[at] !== ARRAY || shape[at + 1] !== value.length) return -1
    let next = at + 2
    for (let index = 0; index < value.length && next >= 0; index += 1) next = matchFrom(value[index], shape, next)
    return next
  }
  if (shape[at] !== OBJECT) return -1
  const keyCount = shape[at + 1]
  let next = at + 2
  let seen = 0
  // for…in over a plain object visits its own keys in Object.keys order, without allocating an array.
  for (const key in value) {
    if (next < 0 || seen === keyCount || shape[next] !== key) return -1
    next = matchFrom((value as Record<string, unknown>)[key], shape, next + 1)
    seen += 1
  }
  return seen === keyCount ? next : -1
}

const sameAsRecorded = (value: unknown, shape: unknown[]): boolean => matchFrom(value, shape, 0) === shape.length

/**
 * Serialises the store to exactly `JSON.stringify(data)`, re-serialising only the customers that
 * changed. Services change customers in place, so a customer's identity proves nothing: each one is
 * compared, key by key and leaf by leaf, with what was last serialised, which costs a fraction of
 * serialising it. No assumption about how a change was made is needed for the output to be exact.
 */
export class StoreSerializer {
  private cache = new WeakMap<Customer, Cached>()

  /** Exactly `JSON.stringify` of the data with the unknown fields put back (after the known ones of each object). */
  serialize(data: DeskData, unknowns: UnknownFields = noUnknownFields()): Buffer {
    const parts: Buffer[] = [Buffer.from(`{"schemaVersion":${JSON.stringify(data.schemaVersion)},"customers":[`)]
    const comma = Buffer.from(',')
    data.customers.forEach((customer, index) => {
      if (index > 0) parts.push(comma)
      const found = unknowns.customers.size > 0 ? unknowns.customers.get(customer.id) : undefined
      // The few customers with unknown fields are written whole each time rather than cached.
      parts.push(found ? Buffer.from(JSON.stringify(withUnknownFields(customer, found))) : this.customerJson(customer))
    })
    const deletions = unknowns.deletions.size > 0 ? deletionsWithUnknownFields(data.deletions, unknowns.deletions) : data.deletions
    const top = unknowns.top ? JSON.stringify(unknowns.top).slice(1, -1) : ''
    parts.push(Buffer.from(`],"deletions":${JSON.stringify(deletions)}${top === '' ? '' : `,${top}`}}`))
    return Buffer.concat(parts)
  }

  /**
   * Serialises every customer ahead of the first save, a slice per turn of the event loop so that the
   * app stays responsive meanwhile. Safe at any moment: a cached entry is always checked before use.
   */
  async warm(customers: readonly Customer[], stopped: () => boolean): Promise<void> {
    for (let start = 0; start < customers.length && !stopped(); start += WARM_SLICE) {
      await new Promise((resume) => setImmediate(resume))
      if (stopped()) return
      for (const customer of customers.slice(start, start + WARM_SLICE)) this.customerJson(customer)
    }
  }

  private customerJson(customer: Customer): Buffer {
    const cached = this.cache.get(customer)
    if (cached && sameAsRecorded(customer, cached.shape)) return cached.json
    const shape: unknown[] = []
    record(customer, shape)
    // JSON.stringify turns a customer that is not an object (a bug elsewhere) into "null" or nothing; so does the whole-file form.
    const json = Buffer.from(JSON.stringify(customer) ?? 'null')
    if (typeof customer === 'object' && customer !== null) this.cache.set(customer, { shape, json })
    return json
  }
}
