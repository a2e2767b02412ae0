import type { Customer } from '../common/customer-model'
import type { CredentialVault } from './credential-vault'
import type { DeskData } from './store-file'
import { holdsPassword, passwordField } from '../common/vendors/accounts'

/**
 * How the keychain follows the store through a crash at any moment.
 *
 * Every change that touches a password goes in three steps: (1) write the new password aside as
 * `staged:<customer>:<token>` (a removal writes a marker there instead), (2) commit the store, where
 * the history entry that records the password has the token as its id, (3) settle: promote the staged
 * password whose token the store names as current, drop every other staged entry, and remove the
 * current entry when the store says the customer has no account any more.
 *
 * Invariant: `customer:<id>` holds the password of the store's current token, except between a
 * store commit and its settle, when it holds the previous one and the new one waits staged under the
 * committed token. The current entry is written only after the store commit, so a crash before it
 * leaves the previous password current; opening the desk settles every staged entry, so a crash after
 * it is finished then. Per crash point: during (1) the token is not in the store, the staged entry
 * is dropped; during (2) the commit is atomic, so the token is in the store or not; during (3) the
 * store names the token, and settling again is idempotent (promote copies, then deletes the staged one;
 * a removal deletes the current entry, then its marker).
 *
 * Previous passwords: `previous:<customer>:<token>` holds the password that the history entry `<token>`
 * set, for the newest KEPT_PREVIOUS_PASSWORDS of them; when it was set and replaced are that entry's
 * time and the next one's, so the store needs no new field and the keychain holds no date. Step (3)
 * keeps the replaced password before it promotes: it copies the current entry to the previous entry of
 * the token before the store's current one, drops the oldest beyond the limit, and only then promotes.
 * Per crash point: before the copy, the current entry still holds the replaced password (the invariant),
 * so settling again copies it; after the copy and before the promotion, the previous entry exists and is
 * not written again; after the promotion and before the staged entry is gone, the current entry equals
 * the staged one, which tells settling that the copy was made (or that the password did not change), so
 * the new password is never kept as the replaced one. A removal deletes the current entry, then every
 * previous one, then its marker.
 */

/** How many replaced passwords the keychain keeps per customer (KeePassXC keeps 10 versions, Bitwarden 5). */
export const KEPT_PREVIOUS_PASSWORDS = 5

/** Staged under this for a removal: the entry holds no secret and is never promoted (no history id matches it). */
export const REMOVAL_MARKER = 'removal pending'

/** The id of the history entry that set the customer's current password, or null when the store says it has none. */
export function currentPasswordToken(customer: Customer | undefined): string | null {
  if (!customer || !holdsPassword(customer)) return null
  for (let index = customer.history.length - 1; index >= 0; index -= 1) {
    const entry = customer.history[index]
    if (entry?.field === passwordField() || (entry?.field === 'customer' && entry.to === 'created')) return entry.id
  }
  return null
}

/** The ids of the history entries that set a password (the creation and every change), oldest first. */
export function passwordTokens(customer: Customer): string[] {
  return customer.history.flatMap((entry) => (entry.field === passwordField() || (entry.field === 'customer' && entry.to === 'created') ? [entry.id] : []))
}

/** The tokens before the current one, newest first: the passwords that were replaced, which the keychain may keep. */
export function replacedPasswordTokens(customer: Customer | undefined): string[] {
  const current = currentPasswordToken(customer)
  if (!customer || current === null) return []
  const tokens = passwordTokens(customer)
  return tokens.slice(0, tokens.lastIndexOf(current)).reverse()
}

/** The store proves the account is gone: the customer has no account that holds a password, or was deleted (a tombstone). */
function accountRemoved(data: Readonly<DeskData>, customerId: string, customer: Customer | undefined): boolean {
  if (customer) return !holdsPassword(customer)
  return data.deletions.some((tombstone) => tombstone.customerId === customerId)
}

/**
 * Step (3) for one customer, against the store as it is now. A customer the store does not know at all
 * (a store set aside, another desk's folder) keeps its current entry: only what the store proves removed goes.
 */
export async function settleCustomer(data: Readonly<DeskData>, vault: CredentialVault, customerId: string, tokens: readonly string[]): Promise<void> {
  const customer = data.customers.find((candidate) => candidate.id === customerId)
  // The current entry goes before the markers: a crash between leaves a marker, which brings the desk back here on opening.
  if (accountRemoved(data, customerId, customer)) {
    await vault.deleteCustomerPassword(customerId)
    for (const { token } of await vault.listPreviousPasswords(customerId)) await vault.deletePreviousPassword(customerId, token)
  }
  const current = currentPasswordToken(customer)
  if (customer && current !== null && tokens.includes(current)) await keepReplacedPassword(customer, vault, current)
  for (const token of tokens) {
    if (token === current) await vault.promoteStagedPassword(customerId, token)
    else await vault.discardStagedPassword(customerId, token)
  }
}

/** Before the staged password `current` is promoted: the one it replaces becomes a previous password, and the oldest beyond the limit go. */
async function keepReplacedPassword(customer: Customer, vault: CredentialVault, current: string): Promise<void> {
  const replaced = replacedPasswordTokens(customer)
  const newest = replaced[0]
  if (newest !== undefined && (await vault.readPreviousPassword(customer.id, newest)) === null) {
    const incoming = await vault.readStagedPassword(customer.id, current)
    const outgoing = await vault.readCustomerPassword(customer.id)
    // A staged entry already gone, or equal to the current one, means the promotion was made: the current entry is no longer the replaced password.
    if (incoming !== null && outgoing !== null && outgoing !== incoming) await vault.keepPreviousPassword(customer.id, newest, outgoing)
  }
  let kept = 0
  for (const token of replaced) {
    if ((await vault.readPreviousPassword(customer.id, token)) === null) continue
    kept += 1
    if (kept > KEPT_PREVIOUS_PASSWORDS) await vault.deletePreviousPassword(customer.id, token)
  }
}

/** The newest kept previous passwords of a customer, newest first, with when each was set and replaced (from the history). */
export async function keptPreviousPasswords(customer: Customer, vault: CredentialVault): Promise<{ token: string; setAt: string; replacedAt: string }[]> {
  const tokens = passwordTokens(customer)
  const at = new Map(customer.history.map((entry) => [entry.id, entry.at]))
  const kept: { token: string; setAt: string; replacedAt: string }[] = []
  for (const token of replacedPasswordTokens(customer)) {
    if (kept.length === KEPT_PREVIOUS_PASSWORDS) break
    if ((await vault.readPreviousPassword(customer.id, token)) === null) continue
    const next = tokens[tokens.indexOf(token) + 1]
    kept.push({ token, setAt: at.get(token) ?? '', replacedAt: (next !== undefined ? at.get(next) : undefined) ?? '' })
  }
  return kept
}

/** When the desk opens: finishes or drops what a crash left staged. */
export async function reconcileStagedPasswords(data: Readonly<DeskData>, vault: CredentialVault): Promise<{ settled: number }> {
  const byCustomer = new Map<string, string[]>()
  for (const { customerId, token } of await vault.listStagedPasswords()) byCustomer.set(customerId, [...(byCustomer.get(customerId) ?? []), token])
  for (const [customerId, tokens] of byCustomer) await settleCustomer(data, vault, customerId, tokens)
  return { settled: byCustomer.size }
}

/**
 * When the desk opens: settles what a crash left staged, holding the store's lock, so that a second desk that
 * started a save since this one read the file cannot have its staged password dropped. With nothing staged the
 * lock is not taken (a desk that only looks leaves none behind).
 */
export async function settleStagedAtOpen(
  store: { readonly data: Readonly<DeskData>; whileHoldingLock(task: () => Promise<void>): Promise<boolean> },
  vault: CredentialVault,
): Promise<{ settled: number; held: boolean }> {
  if ((await vault.listStagedPasswords()).length === 0) return { settled: 0, held: false }
  let settled = 0
  const held = await store.whileHoldingLock(async () => {
    settled = (await reconcileStagedPasswords(store.data, vault)).settled
  })
  return { settled, held }
}
