import type { CredentialVault } from './credential-vault'
import type { CustomerStore } from './customer-store'
import { createKeychainCheck } from './keychain-check'

/** The `maintenance` channels: backups of the customer file and the keychain's health. */
export function createMaintenanceService(store: CustomerStore, vault: CredentialVault) {
  const keychain = createKeychainCheck(store, vault)
  return {
    listDailyBackups: () => store.listBackups(),
    restoreDailyBackup: ({ name }: { name: string }) => store.restoreBackup(name),
    checkKeychain: () => keychain.check(),
    removeLeftoverPasswords: ({ customerIds }: { customerIds: string[] }) => keychain.removeLeftovers(customerIds),
  }
}
