import type { PreviousPasswordInfo } from '../common/contract/password-history'
import type { Customer } from '../common/customer-model'
import { customerGone, DeskFailure } from '../common/desk-error'
import { followUpState, type FollowUpState } from '../common/password-follow-up'
import { followUpFieldOf, holdsPassword } from '../common/vendors/accounts'
import { passwordWords } from '../common/vendors/password-words'
import { passwordVendor } from '../common/vendors/registry'
import type { CredentialVault } from './credential-vault'
import type { CustomerStore } from './customer-store'
import { keptPreviousPasswords } from './password-staging'
import type { SecretClipboard } from './secret-clipboard'
import type { DeskData } from './store-file'
import type { RecordAccess } from './access-log/access-log-service'

/** What the access log is told: the action and the customer, never the password. */
export interface PreviousPasswordAccess {
  action: 'previous-password-reveal' | 'previous-password-copy'
  customerId: string
}

export interface PasswordHistoryDeps {
  store: CustomerStore
  vault: CredentialVault
  clipboard: SecretClipboard
  now: () => Date
  newId: () => string
  /** Called after each reveal or copy of a previous password has succeeded. */
  onAccess?: (event: PreviousPasswordAccess) => void
  /** The access log: a reveal or copy is recorded before the password leaves the keychain, and does not happen if it cannot be. */
  recordAccess?: RecordAccess
}

const NO_ACCOUNT = (): string => `This customer has no ${passwordWords().account}, so it has no Vault passwords.`
const NOT_KEPT = 'This previous password is no longer kept in the keychain (only the newest 5 are kept).'

function findIn(data: Readonly<DeskData>, id: string): Customer {
  const customer = data.customers.find((candidate) => candidate.id === id)
  if (!customer) throw customerGone()
  return customer
}

/** Previous Vault passwords (kept by the password staging, see password-staging.ts) and the checklist after a change. */
export function createPasswordHistoryService({ store, vault, clipboard, now, newId, onAccess, recordAccess }: PasswordHistoryDeps) {
  const withAccount = (id: string): Customer => {
    const customer = findIn(store.data, id)
    if (!holdsPassword(customer)) throw new DeskFailure('invalid', NO_ACCOUNT())
    return customer
  }

  /** Only a previous password the list offers can be read: the page names an entry of the history, never a keychain entry. */
  async function previousPassword(id: string, entryId: string): Promise<string> {
    const customer = withAccount(id)
    const listed = await keptPreviousPasswords(customer, vault)
    if (!listed.some((entry) => entry.token === entryId)) throw new DeskFailure('not-found', NOT_KEPT)
    const password = await vault.readPreviousPassword(id, entryId)
    if (password === null) throw new DeskFailure('not-found', NOT_KEPT)
    return password
  }

  const vendor = passwordVendor()
  const followUpOf = (customer: Customer): FollowUpState | null => followUpState(customer, vendor)

  return {
    async previous({ id }: { id: string }): Promise<PreviousPasswordInfo[]> {
      const kept = await keptPreviousPasswords(withAccount(id), vault)
      return kept.map(({ token, setAt, replacedAt }) => ({ entryId: token, setAt, replacedAt }))
    },

    async revealPrevious({ id, entryId }: { id: string; entryId: string }): Promise<{ password: string }> {
      const password = await previousPassword(id, entryId)
      await recordAccess?.({ action: 'previous-password-reveal', customerId: id })
      onAccess?.({ action: 'previous-password-reveal', customerId: id })
      return { password }
    },

    async copyPrevious({ id, entryId }: { id: string; entryId: string }): Promise<{ clearsAfterSeconds: number }> {
      const password = await previousPassword(id, entryId)
      await recordAccess?.({ action: 'previous-password-copy', customerId: id })
      await clipboard.copySecret(password)
      onAccess?.({ action: 'previous-password-copy', customerId: id })
      return { clearsAfterSeconds: Math.round(clipboard.clearAfterMs / 1000) }
    },

    followUp: ({ id }: { id: string }): FollowUpState | null => followUpOf(findIn(store.data, id)),

    async tickFollowUp({ id, stepId }: { id: string; stepId: string }): Promise<{ customer: Customer; followUp: FollowUpState | null }> {
      const customer = await store.mutate((data) => {
        const target = findIn(data, id)
        const state = followUpOf(target)
        if (!state || !vendor) throw new DeskFailure('invalid', 'The Vault password has not been changed here, so there is nothing to follow up in the portal.')
        const step = state.steps.find((candidate) => candidate.id === stepId)
        if (!step) throw new DeskFailure('invalid', 'There is no such step.')
        // Ticked already (a second window, a double click): recorded once.
        if (step.tickedAt !== null) return target
        const at = now().toISOString()
        target.history.push({ id: newId(), at, field: followUpFieldOf(vendor), from: step.id, to: step.label, reason: null })
        target.updatedAt = at
        return target
      })
      return { customer, followUp: followUpOf(customer) }
    },
  }
}
