import { companyKey, usernameKey } from './portal-rules'
import { loginOf } from './vendors/accounts'

/** What the rules read of a customer: a stored customer, a list item and a draft all fit. */
interface Holder {
  id: string
  companyName: string
}

/**
 * The portal's rule across customers: one Customer Username (ignoring case) belongs to one customer.
 * The service, the import, the restore plan and the form all ask here, so none can drift from the others.
 * `selfId` is the customer being edited, which may keep its own username.
 */
export function findUsernameOwner<T extends Pick<Holder, 'id'>>(username: string, customers: readonly T[], selfId: string | null = null): T | undefined {
  const key = usernameKey(username)
  return customers.find((customer) => {
    if (customer.id === selfId) return false
    const login = loginOf(customer)
    return login !== null && usernameKey(login) === key
  })
}

/** The same answer as findUsernameOwner with no customer excluded, indexed once for the many lookups of an import or a restore. */
export function usernameOwners<T extends Pick<Holder, 'id'>>(customers: readonly T[]): (username: string) => T | undefined {
  const byKey = new Map<string, T>()
  for (const customer of customers) {
    const login = loginOf(customer)
    // The first holder answers, as in findUsernameOwner.
    if (login !== null && !byKey.has(usernameKey(login))) byKey.set(usernameKey(login), customer)
  }
  return (username) => byKey.get(usernameKey(username))
}

export function usernameTakenMessage(username: string, ownerCompany: string): string {
  return `The Customer Username "${username}" is already used by ${ownerCompany}.`
}

/**
 * One account per real customer: a customer whose company name is the same as this one, ignoring case,
 * spacing, punctuation and accents (companyKey). Asked by the customer service on save and by the import.
 */
export function findCompanyTwin<T extends Pick<Holder, 'companyName'>>(companyName: string, customers: readonly T[]): T | undefined {
  const key = companyKey(companyName)
  return customers.find((customer) => companyKey(customer.companyName) === key)
}

/**
 * Every customer under a company name (by the same key as the one-account-per-customer rule), indexed
 * once: a name may be shared after a confirmed duplicate, so a lookup can find several.
 */
export function companyHolders<T extends Pick<Holder, 'companyName'>>(customers: readonly T[]): (companyName: string) => readonly T[] {
  const byKey = new Map<string, T[]>()
  for (const customer of customers) byKey.set(companyKey(customer.companyName), [...(byKey.get(companyKey(customer.companyName)) ?? []), customer])
  return (companyName) => byKey.get(companyKey(companyName)) ?? []
}

/** The same answer as findCompanyTwin, indexed once for the many rows of an import. */
export function companyTwins<T extends Pick<Holder, 'companyName'>>(customers: readonly T[]): (companyName: string) => T | undefined {
  const holders = companyHolders(customers)
  return (companyName) => holders(companyName)[0]
}
