import type { KeychainReport } from '../common/contract/maintenance'
import type { CredentialVault } from './credential-vault'
import type { CustomerStore } from './customer-store'
import { holdsPassword, loginOf } from '../common/vendors/accounts'

/**
 * Compares the keychain with the store: a customer whose account holds a password (the password
 * vendor's) but whose password is missing (set a new one with Change Password), and entries left behind
 * by customers that no longer exist or no longer have that account (a restored backup, an entry added by hand), their previous passwords with them. A locked keychain fails with
 * the vault's own 'keychain-unavailable' message.
 */
export function createKeychainCheck(store: CustomerStore, vault: CredentialVault) {
  /** The customer ids with previous passwords kept, and how many each. */
  async function previousByCustomer(): Promise<Map<string, number>> {
    const counts = new Map<string, number>()
    for (const { customerId } of await vault.listPreviousPasswords()) counts.set(customerId, (counts.get(customerId) ?? 0) + 1)
    return counts
  }

  async function check(): Promise<KeychainReport> {
    const current = new Set(await vault.listCustomerIds())
    // A customer's previous passwords are left over with it: a deleted customer's, or one without an account.
    const inKeychain = new Set([...current, ...(await previousByCustomer()).keys()])
    const customers = store.data.customers
    const byId = new Map(customers.map((customer) => [customer.id, customer]))
    const deletedNames = new Map(store.data.deletions.map((tombstone) => [tombstone.customerId, tombstone.companyName]))
    const leftoverOf = (customerId: string): KeychainReport['leftover'][number] | null => {
      const customer = byId.get(customerId)
      if (customer) return holdsPassword(customer) ? null : { customerId, companyName: customer.companyName, why: 'no-account' }
      const deleted = deletedNames.get(customerId)
      return deleted === undefined ? { customerId, companyName: null, why: 'unknown' } : { customerId, companyName: deleted, why: 'deleted' }
    }
    return {
      missing: customers.flatMap((customer) => {
        const username = loginOf(customer)
        return username !== null && !current.has(customer.id) ? [{ customerId: customer.id, companyName: customer.companyName, username }] : []
      }),
      leftover: [...inKeychain].sort().flatMap((customerId) => leftoverOf(customerId) ?? []),
    }
  }

  /** Checks again at the moment of repair: an id the page names is removed only if it is still left over. */
  async function removeLeftovers(customerIds: string[]): Promise<{ removed: number }> {
    const leftover = new Set((await check()).leftover.map((entry) => entry.customerId))
    let removed = 0
    for (const id of new Set(customerIds)) {
      if (!leftover.has(id)) continue
      let any = await vault.deleteCustomerPassword(id)
      for (const { token } of await vault.listPreviousPasswords(id)) any = (await vault.deletePreviousPassword(id, token)) || any
      if (any) removed += 1
    }
    return { removed }
  }

  return { check, removeLeftovers }
}
