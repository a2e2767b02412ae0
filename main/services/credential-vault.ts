import keytar from 'keytar'
import { DeskFailure } from '../common/desk-error'

/**
 * The keychain, in the app's own intents. The page can only name a customer, never an arbitrary
 * entry, and the backend could change here alone.
 */
export interface CredentialVault {
  storeCustomerPassword(customerId: string, password: string): Promise<void>
  readCustomerPassword(customerId: string): Promise<string | null>
  deleteCustomerPassword(customerId: string): Promise<boolean>
  /** The customer ids that have an entry; used to find entries left over or missing. */
  listCustomerIds(): Promise<string[]>
}

export type KeychainBackend = Pick<typeof keytar, 'setPassword' | 'getPassword' | 'deletePassword' | 'findCredentials'>

const ACCOUNT_PREFIX = 'customer:'
export const accountFor = (customerId: string): string => `${ACCOUNT_PREFIX}${customerId}`

const UNAVAILABLE =
  'The system keychain is not available (it may be locked, or its service is not running). Unlock it and try again; nothing was saved in its place.'

async function guarded<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action()
  } catch {
    // The backend's own message may name internals; the user needs what to do, and no secret can leak.
    throw new DeskFailure('keychain-unavailable', UNAVAILABLE)
  }
}

/** Service = the app's name (or a test's own); account = a stable key per customer, never the username. */
export function createKeychainVault(service: string, backend: KeychainBackend = keytar): CredentialVault {
  return {
    storeCustomerPassword: (customerId, password) => guarded(() => backend.setPassword(service, accountFor(customerId), password)),
    readCustomerPassword: (customerId) => guarded(() => backend.getPassword(service, accountFor(customerId))),
    deleteCustomerPassword: (customerId) => guarded(() => backend.deletePassword(service, accountFor(customerId))),
    listCustomerIds: () =>
      guarded(async () =>
        (await backend.findCredentials(service))
          .map((credential) => credential.account)
          .filter((account) => account.startsWith(ACCOUNT_PREFIX))
          .map((account) => account.slice(ACCOUNT_PREFIX.length)),
      ),
  }
}
