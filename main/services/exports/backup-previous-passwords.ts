import type { Customer } from '../../common/customer-model'
import type { CredentialVault } from '../credential-vault'
import { holdsPassword } from '../../common/vendors/accounts'
import { keptPreviousPasswords, replacedPasswordTokens } from '../password-staging'

/** A customer's kept previous passwords for the backup: history entry id → password. */
export async function readPreviousPasswords(vault: CredentialVault, customer: Customer): Promise<Record<string, string>> {
  const kept: Record<string, string> = {}
  for (const { token } of await keptPreviousPasswords(customer, vault)) {
    const password = await vault.readPreviousPassword(customer.id, token)
    if (password !== null) kept[token] = password
  }
  return kept
}

/**
 * Puts a restored customer's previous passwords in the keychain as the backup has them, in two halves
 * around the store's commit, so that a crash at any moment loses nothing the store still names:
 * before it, `add` writes the backup's entries that its history names (a token is one history entry, so
 * an entry this desk also has holds the same password); after it, `dropUnnamed` removes every other one
 * this desk kept for that customer (its history is now the backup's). Remembers what `add` replaced, so a
 * failed restore puts it back.
 */
export function previousPasswordsUndo(vault: CredentialVault) {
  const before: { customerId: string; token: string; password: string | null }[] = []
  // One listing of the keychain for the whole restore, taken before anything is added, not one per customer.
  let listed: Promise<Map<string, string[]>> | null = null
  const keptTokens = async (customerId: string): Promise<string[]> => {
    listed ??= vault.listPreviousPasswords().then((entries) => {
      const byCustomer = new Map<string, string[]>()
      for (const { customerId: owner, token } of entries) byCustomer.set(owner, [...(byCustomer.get(owner) ?? []), token])
      return byCustomer
    })
    return (await listed).get(customerId) ?? []
  }
  const namedTokens = (customer: Customer): Set<string> => new Set(holdsPassword(customer) ? replacedPasswordTokens(customer) : [])

  return {
    async add(customer: Customer, fromBackup: Record<string, string>): Promise<void> {
      await keptTokens(customer.id)
      const named = namedTokens(customer)
      for (const [token, password] of Object.entries(fromBackup)) {
        if (!named.has(token)) continue
        before.push({ customerId: customer.id, token, password: await vault.readPreviousPassword(customer.id, token) })
        await vault.keepPreviousPassword(customer.id, token, password)
      }
    },
    /** After the commit: what is left is unused, so a keychain that fails here only leaves an entry behind. */
    async dropUnnamed(customer: Customer, fromBackup: Record<string, string>): Promise<void> {
      const named = namedTokens(customer)
      for (const token of await keptTokens(customer.id)) {
        if (named.has(token) && fromBackup[token] !== undefined) continue
        await vault.deletePreviousPassword(customer.id, token).catch(() => false)
      }
    },
    async putBack(): Promise<void> {
      for (const { customerId, token, password } of before.reverse()) {
        await (password === null ? vault.deletePreviousPassword(customerId, token) : vault.keepPreviousPassword(customerId, token, password)).catch(() => false)
      }
    },
  }
}
