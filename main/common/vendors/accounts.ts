import type { Tombstone } from '../customer-model'
import { passwordVendor } from './registry'
import type { AnyVendor } from './vendor-definition'

/** A customer, a draft, a form or a list row: each holds its services under the vendors' keys. */
type Holder = object

/** The vendor's account (or form, or draft) held by a customer; null when it has none, or a file from before the vendor existed. */
export function accountOf(holder: Holder, vendor: AnyVendor): unknown {
  return (holder as Record<string, unknown>)[vendor.key] ?? null
}

export function setAccount(holder: Holder, vendor: AnyVendor, value: unknown): void {
  ;(holder as Record<string, unknown>)[vendor.key] = value
}

export const hasAccount = (holder: Holder, vendor: AnyVendor): boolean => accountOf(holder, vendor) !== null

/** The account that holds the customer's keychain password; null when the customer has none. */
export function passwordAccount(holder: Holder): unknown {
  const vendor = passwordVendor()
  return vendor ? accountOf(holder, vendor) : null
}

/** Whether the keychain should hold a password for the customer. */
export const holdsPassword = (holder: Holder): boolean => passwordAccount(holder) !== null

/** When the customer's keychain password was last set, as its account records it; null when never or without an account. */
export function passwordSetAtOf(holder: Holder): string | null {
  const vendor = passwordVendor()
  const account = vendor ? accountOf(holder, vendor) : null
  return vendor?.password && account !== null ? vendor.password.setAt(account) : null
}

/** The customer's login in the password vendor's portal (the Customer Username), which no two customers share. */
export function loginOf(holder: Holder): string | null {
  const vendor = passwordVendor()
  const account = vendor ? accountOf(holder, vendor) : null
  return vendor?.password && account !== null ? vendor.password.username(account) : null
}

/** The form field of the login (`x360.username`), where a username taken by another customer is reported. */
export function loginField(): string {
  const vendor = passwordVendor()
  return vendor?.password ? `${vendor.key}.${vendor.password.usernameField}` : 'username'
}

/** The history field of a password change (`x360.password`). */
export function passwordField(): string {
  const vendor = passwordVendor()
  return vendor?.password ? `${vendor.key}.${vendor.password.field}` : 'password'
}

/** The history field of a ticked step of the checklist after a change (`x360.passwordFollowUp`): files store it, so its spelling stays. */
export const followUpFieldOf = (vendor: AnyVendor): string => `${vendor.key}.passwordFollowUp`

/** The password vendor's follow-up field, where the history records each tick. */
export function passwordFollowUpField(): string {
  const vendor = passwordVendor()
  return vendor?.password ? followUpFieldOf(vendor) : 'passwordFollowUp'
}

/** The tombstone's record of the customer's login, under the name the field was first stored with. */
export const deletedLoginRecord = (holder: Holder): Pick<Tombstone, 'x360Username'> => ({ x360Username: loginOf(holder) })

/** The login a deleted customer had, as its tombstone keeps it (under the name the field was stored with). */
export const deletedLoginOf = (tombstone: Pick<Tombstone, 'x360Username'>): string | null => tombstone.x360Username
