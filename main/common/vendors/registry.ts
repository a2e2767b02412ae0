import type { z } from 'zod'
import type { BillingVendor } from '../billing/billing-vendor'
import type { AnyVendor } from './vendor-definition'
import type { NexeticForm, NexeticSubscription } from './nexetic/subscription'
import { nexeticVendor, type NexeticTotals } from './nexetic/definition'
import type { X360Account, X360Draft, X360Form } from './x360/account'
import { x360Vendor, type X360Totals } from './x360/definition'

/** The services the desk records, in the order the form, the detail, the list and the exports show them. */
const BUILT_IN: readonly AnyVendor[] = [x360Vendor, nexeticVendor]

/** The built-in vendors' fields on a customer, typed for the features that belong to one vendor (the Vault password, the license editor). */
export interface BuiltInAccounts {
  x360: X360Account | null
  nexetic: NexeticSubscription | null
}
export interface BuiltInDrafts {
  x360: X360Draft | null
  nexetic: NexeticSubscription | null
}
export interface BuiltInForms {
  x360: X360Form | null
  nexetic: NexeticForm | null
}
export interface BuiltInTotals {
  x360: X360Totals
  nexetic: NexeticTotals
}

/** The schemas' shapes of those fields, so that what they parse is typed as the built-in vendors' accounts. */
export type BuiltInAccountShape = { [K in keyof BuiltInAccounts]: z.ZodType<BuiltInAccounts[K]> }
export type BuiltInFormShape = { [K in keyof BuiltInForms]: z.ZodType<BuiltInForms[K]> }

/** A customer's own fields, which no vendor key may take. */
const RESERVED_KEYS = new Set(['id', 'companyName', 'notes', 'createdAt', 'updatedAt', 'history', 'customers'])

let registered: readonly AnyVendor[] = BUILT_IN
let inUse = false

/**
 * Adds a vendor after the built-in ones. The schemas of the store, the contract and the form are built
 * from the registry when their modules load, so a vendor is registered before anything reads the
 * registry (a test does it in a module it imports first); later it is refused rather than half-known.
 */
export function registerVendor(vendor: AnyVendor): void {
  if (inUse) throw new Error(`The vendor "${vendor.key}" is registered too late: the desk already uses the vendor list.`)
  if (!/^[a-z][a-z0-9]*$/.test(vendor.key) || RESERVED_KEYS.has(vendor.key)) throw new Error(`"${vendor.key}" cannot be a vendor key.`)
  if (registered.some((other) => other.key === vendor.key)) throw new Error(`A vendor with the key "${vendor.key}" is already registered.`)
  if (vendor.password && registered.some((other) => other.password)) {
    // The keychain holds one password per customer (customer:<id>).
    throw new Error(`Only one vendor can hold the customer's password; "${vendor.key}" cannot.`)
  }
  registered = [...registered, vendor]
}

/** Every vendor, in order. */
export function vendors(): readonly AnyVendor[] {
  inUse = true
  return registered
}

export function vendorByKey(key: string): AnyVendor | undefined {
  return vendors().find((vendor) => vendor.key === key)
}

/** The vendor whose account holds the customer's keychain password, if one does. */
export function passwordVendor(): AnyVendor | undefined {
  return vendors().find((vendor) => vendor.password !== undefined)
}

/** The billing parts of the vendors that have one, in the registry's order. */
export function billingVendors(): readonly BillingVendor[] {
  return vendors().flatMap((vendor) => (vendor.billing ? [vendor.billing] : []))
}

export function billingVendorByKey(key: string): BillingVendor | undefined {
  return billingVendors().find((vendor) => vendor.key === key)
}
