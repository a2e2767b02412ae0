import type { Customer } from '../../common/customer-model'
import { holdsPassword } from '../../common/vendors/accounts'
import type { CredentialVault } from '../credential-vault'
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
 * Puts a restored customer's previous passwords in the keychain as the backup has them: written for the
 * backup's entries that its history names, removed for every other one this desk kept for that customer
 * (its history is replaced by the backup's). Remembers what was there, so a failed restore puts it back.
 */
export function previousPasswordsUndo(vault: CredentialVault) {
  const before: { customerId: string; token: string; password: string | null }[] = []
  // One listing of the keychain for the whole restore, not one per customer.
  let listed: Promise<Map<string, string[]>> | null = null
  const keptTokens = async (customerId: string): Promise<string[]> => {
    listed ??= vault.listPreviousPasswords().then((entries) => {
      const byCustomer = new Map<string, string[]>()
      for (const { customerId: owner, token } of entries) byCustomer.set(owner, [...(byCustomer.get(owner) ?? []), token])
      return byCustomer
    })
    return (await listed).get(customerId) ?? []
  }

  async function remember(customerId: string, token: string): Promise<void> {
    before.push({ customerId, token, password: await vault.readPreviousPassword(customerId, token) })
  }

  return {
    async restore(customer: Customer, fromBackup: Record<string, string>): Promise<void> {
      const named = holdsPassword(customer) ? new Set(replacedPasswordTokens(customer)) : new Set<string>()
      for (const token of await keptTokens(customer.id)) {
        if (named.has(token) && fromBackup[token] !== undefined) continue
        await remember(customer.id, token)
        await vault.deletePreviousPassword(customer.id, token)
      }
      for (const [token, password] of Object.entries(fromBackup)) {
        if (!named.has(token)) continue
        await remember(customer.id, token)
        await vault.keepPreviousPassword(customer.id, token, password)
      }
    },
    async putBack(): Promise<void> {
      for (const { customerId, token, password } of before.reverse()) {
        await (password === null ? vault.deletePreviousPassword(customerId, token) : vault.keepPreviousPassword(customerId, token, password)).catch(() => false)
      }
    },
  }
}
