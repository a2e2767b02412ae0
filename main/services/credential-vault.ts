import keytar from 'keytar'
import { DeskFailure } from '../common/desk-error'

/** A password written aside under a token, waiting for the store to name that token (see password-staging.ts). */
export interface StagedPassword {
  customerId: string
  token: string
}

/**
 * The keychain, in the app's own intents. The page can only name a customer, never an arbitrary
 * entry, and the backend could change here alone: any backend must pass test/unit/vault-contract.ts.
 */
export interface CredentialVault {
  /** Writes the current entry directly and reads it back; only for a restore, which has no store commit to wait for. */
  storeCustomerPassword(customerId: string, password: string): Promise<void>
  readCustomerPassword(customerId: string): Promise<string | null>
  deleteCustomerPassword(customerId: string): Promise<boolean>
  /** The customer ids that have a current entry under exactly this service; used to find entries left over or missing. */
  listCustomerIds(): Promise<string[]>
  /** Writes a password aside under a token and reads it back; the current entry is untouched. */
  stagePassword(customerId: string, token: string, password: string): Promise<void>
  /** Makes a staged password the current one, then removes the staged entry; false if there was none. */
  promoteStagedPassword(customerId: string, token: string): Promise<boolean>
  discardStagedPassword(customerId: string, token: string): Promise<boolean>
  listStagedPasswords(): Promise<StagedPassword[]>
  /** A staged password's text, or null once it was promoted or dropped; settling compares it with the current entry. */
  readStagedPassword(customerId: string, token: string): Promise<string | null>
  /** Keeps a replaced password under the token of the history entry that set it, and reads it back (see password-staging.ts). */
  keepPreviousPassword(customerId: string, token: string, password: string): Promise<void>
  readPreviousPassword(customerId: string, token: string): Promise<string | null>
  deletePreviousPassword(customerId: string, token: string): Promise<boolean>
  /** The previous passwords kept under exactly this service: of one customer, or of all of them. */
  listPreviousPasswords(customerId?: string): Promise<StagedPassword[]>
}

export type KeychainBackend = Pick<typeof keytar, 'setPassword' | 'getPassword' | 'deletePassword' | 'findCredentials'>

const ACCOUNT_PREFIX = 'customer:'
const STAGED_PREFIX = 'staged:'
const PREVIOUS_PREFIX = 'previous:'
export const accountFor = (customerId: string): string => `${ACCOUNT_PREFIX}${customerId}`
export const stagedAccountFor = (customerId: string, token: string): string => `${STAGED_PREFIX}${customerId}:${token}`
export const previousAccountFor = (customerId: string, token: string): string => `${PREVIOUS_PREFIX}${customerId}:${token}`

/** `<prefix><customer>:<token>` back into its parts; the token is the part after the last colon. */
function parseTokenAccount(prefix: string, account: string): StagedPassword | null {
  const rest = account.slice(prefix.length)
  const split = rest.lastIndexOf(':')
  if (!account.startsWith(prefix) || split <= 0) return null
  return { customerId: rest.slice(0, split), token: rest.slice(split + 1) }
}

const UNAVAILABLE =
  'The system keychain is not available (it may be locked, or its service is not running). Unlock it and try again; nothing was saved in its place.'

export const PASSWORD_NOT_KEPT =
  'The keychain changed this password when storing it (it cuts a password at a NUL character and replaces unpaired surrogate characters). Nothing was saved; choose a password without such characters.'

/** The keychain gave back something else than was written; the service shows it at its own password field. */
export class PasswordNotKept extends DeskFailure {
  constructor() {
    super('invalid', PASSWORD_NOT_KEPT, { password: PASSWORD_NOT_KEPT })
  }
}

async function guarded<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action()
  } catch (error) {
    if (error instanceof PasswordNotKept) throw error
    // The backend's own message may name internals; the user needs what to do, and no secret can leak.
    throw new DeskFailure('keychain-unavailable', UNAVAILABLE)
  }
}

/**
 * The accounts filed under exactly `service`. On Windows keytar enumerates `CredEnumerate(service + "*")`,
 * so "MSP Customer Desk 2" shows up in "MSP Customer Desk"'s list with its bare account names; an
 * account is kept only if the exact service has it too (getPassword reads one exact target).
 */
export async function accountsOfExactService(backend: KeychainBackend, service: string, prefix: string): Promise<string[]> {
  // Filtered by prefix first, so the desk's opening checks only the few staged entries, not every customer's.
  const listed = new Set((await backend.findCredentials(service)).map((credential) => credential.account).filter((account) => account.startsWith(prefix)))
  const kept: string[] = []
  for (const account of listed) if ((await backend.getPassword(service, account)) !== null) kept.push(account)
  return kept
}

/** Service = the app's name (or a test's own); account = a stable key per customer, never the username. */
export function createKeychainVault(service: string, backend: KeychainBackend = keytar): CredentialVault {
  /** Writes and reads back: a NUL cuts a password short in some backends, lone surrogates come back as U+FFFD. */
  async function writeExactly(account: string, password: string): Promise<void> {
    await backend.setPassword(service, account, password)
    if ((await backend.getPassword(service, account)) !== password) {
      await backend.deletePassword(service, account)
      throw new PasswordNotKept()
    }
  }

  return {
    storeCustomerPassword: (customerId, password) =>
      guarded(async () => {
        const previous = await backend.getPassword(service, accountFor(customerId))
        try {
          await writeExactly(accountFor(customerId), password)
        } catch (error) {
          // A refused password leaves the entry as it was.
          if (previous !== null) await backend.setPassword(service, accountFor(customerId), previous)
          throw error
        }
      }),
    readCustomerPassword: (customerId) => guarded(() => backend.getPassword(service, accountFor(customerId))),
    deleteCustomerPassword: (customerId) => guarded(() => backend.deletePassword(service, accountFor(customerId))),
    listCustomerIds: () =>
      guarded(async () =>
        (await accountsOfExactService(backend, service, ACCOUNT_PREFIX)).map((account) => account.slice(ACCOUNT_PREFIX.length)),
      ),
    stagePassword: (customerId, token, password) => guarded(() => writeExactly(stagedAccountFor(customerId, token), password)),
    promoteStagedPassword: (customerId, token) =>
      guarded(async () => {
        const staged = await backend.getPassword(service, stagedAccountFor(customerId, token))
        if (staged === null) return false
        await backend.setPassword(service, accountFor(customerId), staged)
        await backend.deletePassword(service, stagedAccountFor(customerId, token))
        return true
      }),
    discardStagedPassword: (customerId, token) => guarded(() => backend.deletePassword(service, stagedAccountFor(customerId, token))),
    listStagedPasswords: () =>
      guarded(async () => (await accountsOfExactService(backend, service, STAGED_PREFIX)).flatMap((account) => parseTokenAccount(STAGED_PREFIX, account) ?? [])),
    readStagedPassword: (customerId, token) => guarded(() => backend.getPassword(service, stagedAccountFor(customerId, token))),
    keepPreviousPassword: (customerId, token, password) => guarded(() => writeExactly(previousAccountFor(customerId, token), password)),
    readPreviousPassword: (customerId, token) => guarded(() => backend.getPassword(service, previousAccountFor(customerId, token))),
    deletePreviousPassword: (customerId, token) => guarded(() => backend.deletePassword(service, previousAccountFor(customerId, token))),
    listPreviousPasswords: (customerId) =>
      guarded(async () => {
        const prefix = customerId === undefined ? PREVIOUS_PREFIX : `${PREVIOUS_PREFIX}${customerId}:`
        const accounts = await accountsOfExactService(backend, service, prefix)
        return accounts.flatMap((account) => parseTokenAccount(PREVIOUS_PREFIX, account) ?? [])
      }),
  }
}
