import type { KeychainReport } from '../common/contract/maintenance'
import type { CredentialVault } from './credential-vault'
import type { CustomerStore } from './customer-store'

/**
 * Compares the keychain with the store: an x360Recover customer whose password is missing (set a new
 * one with Change Password), and entries left behind by customers that no longer exist (a crash
 * between the keychain and the store, or a restored backup). A locked keychain fails with the vault's
 * own 'keychain-unavailable' message.
 */
export function createKeychainCheck(store: CustomerStore, vault: CredentialVault) {
  async function check(): Promise<KeychainReport> {
    const inKeychain = new Set(await vault.listCustomerIds())
    const customers = store.data.customers
    const known = new Set(customers.map((customer) => customer.id))
    const deletedNames = new Map(store.data.deletions.map((tombstone) => [tombstone.customerId, tombstone.companyName]))
    return {
      missing: customers.flatMap((customer) =>
        customer.x360 && !inKeychain.has(customer.id) ? [{ customerId: customer.id, companyName: customer.companyName, username: customer.x360.username }] : [],
      ),
      leftover: [...inKeychain]
        .filter((id) => !known.has(id))
        .sort()
        .map((customerId) => ({ customerId, companyName: deletedNames.get(customerId) ?? null })),
    }
  }

  /** Checks again at the moment of repair: an id the page names is removed only if it is still left over. */
  async function removeLeftovers(customerIds: string[]): Promise<{ removed: number }> {
    const leftover = new Set((await check()).leftover.map((entry) => entry.customerId))
    let removed = 0
    for (const id of new Set(customerIds)) {
      if (leftover.has(id) && (await vault.deleteCustomerPassword(id))) removed += 1
    }
    return { removed }
  }

  return { check, removeLeftovers }
}
