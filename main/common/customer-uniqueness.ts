import { companyKey, usernameKey } from './portal-rules'

/** What the rule reads of a customer: a stored customer and a list item both fit. */
interface UsernameHolder {
  id: string
  x360: { username: string } | null
}

/**
 * The portal's rule across customers: one Customer Username (ignoring case) belongs to one customer.
 * The service, the import, the restore plan and the form all ask here, so none can drift from the others.
 * `selfId` is the customer being edited, which may keep its own username.
 */
export function findUsernameOwner<T extends UsernameHolder>(username: string, customers: readonly T[], selfId: string | null = null): T | undefined {
  const key = usernameKey(username)
  return customers.find((customer) => customer.id !== selfId && customer.x360 !== null && usernameKey(customer.x360.username) === key)
}

/** The same answer as findUsernameOwner with no customer excluded, indexed once for the many lookups of an import or a restore. */
export function usernameOwners<T extends UsernameHolder>(customers: readonly T[]): (username: string) => T | undefined {
  const byKey = new Map<string, T>()
  for (const customer of customers) {
    // The first holder answers, as in findUsernameOwner.
    if (customer.x360 && !byKey.has(usernameKey(customer.x360.username))) byKey.set(usernameKey(customer.x360.username), customer)
  }
  return (username) => byKey.get(usernameKey(username))
}

export function usernameTakenMessage(username: string, ownerCompany: string): string {
  return `The Customer Username "${username}" is already used by ${ownerCompany}.`
}

/**
 * Every customer under a company name (by the same key as the one-account-per-customer rule), indexed
 * once: a name may be shared after a confirmed duplicate, so a lookup can find several.
 */
export function companyHolders<T extends { companyName: string }>(customers: readonly T[]): (companyName: string) => readonly T[] {
  const byKey = new Map<string, T[]>()
  for (const customer of customers) byKey.set(companyKey(customer.companyName), [...(byKey.get(companyKey(customer.companyName)) ?? []), customer])
  return (companyName) => byKey.get(companyKey(companyName)) ?? []
}
