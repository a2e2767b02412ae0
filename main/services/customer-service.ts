import { billingRecordOf } from '../common/billing/as-of'
import type { CustomerListItem } from '../common/contract'
import { checkCustomerForm, type CustomerForm } from '../common/customer-form'
import type { Customer, CustomerDraft } from '../common/customer-model'
import { customerGone, DeskFailure, invalidFields } from '../common/desk-error'
import { passwordProblem } from '../common/password-policy'
import { findCompanyTwin, findUsernameOwner, usernameTakenMessage } from '../common/customer-uniqueness'
import { companyKey } from '../common/portal-rules'
import { accountOf, deletedLoginRecord, holdsPassword, loginField, loginOf, passwordField, setAccount } from '../common/vendors/accounts'
import { passwordWords } from '../common/vendors/password-words'
import { passwordVendor, vendors } from '../common/vendors/registry'
import { PASSWORD_NOT_KEPT, PasswordNotKept, type CredentialVault } from './credential-vault'
import { describeChanges, draftOf } from './customer-history'
import type { CustomerStore } from './customer-store'
import { reconcileStagedPasswords, REMOVAL_MARKER, settleCustomer } from './password-staging'
import type { DeskData } from './store-file'
import type { SecretClipboard } from './secret-clipboard'
import { recordAfterSaving, type RecordAccess } from './access-log/access-log-service'

export interface CustomerServiceDeps {
  store: CustomerStore
  vault: CredentialVault
  clipboard: SecretClipboard
  now: () => Date
  newId: () => string
  /** The access log: a reveal or copy is recorded before the password leaves the keychain, a new password once saved. */
  recordAccess: RecordAccess
  /** Set when the desk's opening could not settle the keychain: the first save that touches it settles everything first. */
  unsettledAtOpen?: boolean
}

interface SaveRequest {
  form: CustomerForm
  confirmDuplicateCompany: boolean
}

interface Staged {
  customerId: string
  token: string
  password: string
}

const SAVED_BUT_NOT_SETTLED =
  'The change was saved, but the keychain stopped answering before it could be finished there. Unlock the keychain and restart MSP Customer Desk; it finishes the change when it opens.'

const listItem = ({ history: _history, ...rest }: Customer): CustomerListItem => rest

const NO_PASSWORD_ACCOUNT = (): string => `This customer has no ${passwordWords().account}, so it has no Vault password.`

export function createCustomerService({ store, vault, clipboard, now, newId, recordAccess, unsettledAtOpen = false }: CustomerServiceDeps) {
  /** The saves that touch the keychain, one after another (see withStagedPasswords). */
  let writes: Promise<unknown> = Promise.resolve()
  /**
   * Committed changes the keychain has not followed yet (it stopped answering). They are settled before
   * the next save stages anything: a new change settled on top of an unsettled one would keep the wrong
   * password as the replaced one (password-staging.ts).
   */
  let unsettled: Staged[] = []
  let reconcileFirst = unsettledAtOpen

  const find = (id: string): Customer => {
    const customer = store.data.customers.find((candidate) => candidate.id === id)
    if (!customer) throw customerGone()
    return customer
  }

  /**
   * The rules that need the other customers: a unique username, and one account per real customer.
   * Asked once early (so a refused save writes nothing to the keychain) and again inside the store's
   * write, against the data as it is then, so that saves in parallel cannot both pass.
   */
  const checkAgainstOthers = (data: Readonly<DeskData>, draft: CustomerDraft, selfId: string | null, confirmDuplicateCompany: boolean, alsoNew: readonly Customer[] = []): void => {
    const others = [...data.customers.filter((customer) => customer.id !== selfId), ...alsoNew]
    const username = loginOf(draft)
    if (username !== null) {
      const owner = findUsernameOwner(username, others)
      if (owner) throw invalidFields({ [loginField()]: usernameTakenMessage(username, owner.companyName) })
    }
    if (!confirmDuplicateCompany) {
      const twin = findCompanyTwin(draft.companyName, others)
      if (twin) {
        throw new DeskFailure(
          'needs-confirmation',
          `A customer named "${twin.companyName}" already exists. Each real customer should have only one account.`,
          { companyName: `"${twin.companyName}" already exists. Confirm below only if this is a different customer.` },
        )
      }
    }
  }

  const checked = (request: SaveRequest, requirePassword: boolean) => {
    const result = checkCustomerForm(request.form, { requirePassword })
    if (!result.ok) throw invalidFields(result.fields)
    return result
  }

  return {
    list: (): CustomerListItem[] => store.data.customers.map(listItem),

    get: ({ id }: { id: string }): Customer => find(id),

    /** Password staged, store committed, then promoted (see password-staging.ts). */
    async create(request: SaveRequest): Promise<Customer> {
      const { draft, password } = checked(request, true)
      checkAgainstOthers(store.data, draft, null, request.confirmDuplicateCompany)
      const [customer] = await saveNewCustomers([{ draft, password: holdsPassword(draft) ? password : null }], request.confirmDuplicateCompany)
      if (!customer) throw new DeskFailure('internal', 'The customer was not created.')
      return customer
    },

    /**
     * For an import: every customer or none. The same checks as create, also between the new ones; a
     * password is optional (an account without one gets it later with Change Password).
     */
    async createMany(forms: CustomerForm[], { confirmDuplicateCompany }: { confirmDuplicateCompany: boolean }): Promise<Customer[]> {
      const batch = forms.map((form) => {
        const { draft, password } = checked({ form, confirmDuplicateCompany }, false)
        return { draft, password: holdsPassword(draft) ? password : null }
      })
      return saveNewCustomers(batch, confirmDuplicateCompany)
    },

    async update(request: SaveRequest & { id: string; reason: string }): Promise<Customer> {
      const existing = find(request.id)
      const addsPasswordAccount = holdsPassword(request.form) && !holdsPassword(existing)
      const { draft, password } = checked(request, addsPasswordAccount)
      checkEdits(existing, draft)
      // A twin confirmed when it was created (or renamed) is not asked about again on every later edit.
      const confirmTwin = (current: Customer) => request.confirmDuplicateCompany || companyKey(draft.companyName) === companyKey(current.companyName)
      checkAgainstOthers(store.data, draft, existing.id, confirmTwin(existing))
      const at = now().toISOString()
      const reason = request.reason.trim()
      // The history entry of a new password carries the staged entry's token as its id.
      const passwordToken = password !== null ? newId() : null
      const changesFrom = (current: Customer) => {
        const entries = describeChanges(draftOf(current), draft, { at, reason, newId })
        if (passwordToken !== null) entries.push({ id: passwordToken, at, field: passwordField(), from: null, to: 'changed', reason: reason || null })
        return entries
      }
      if (changesFrom(existing).length === 0) return existing
      // Read before the write, which changes the record in place: removing the account removes its password.
      const previous = new Map(vendors().map((vendor) => [vendor.key, accountOf(existing, vendor)]))
      const removesPasswordAccount = holdsPassword(existing) && !holdsPassword(draft)
      const staged =
        passwordToken !== null && password !== null ? [{ customerId: existing.id, token: passwordToken, password }] : removesPasswordAccount ? [removal(existing.id)] : []
      const updated = await withStagedPasswords(staged, passwordField(), () =>
        store.mutate((data) => {
          const target = data.customers.find((customer) => customer.id === existing.id)
          if (!target) throw customerGone()
          checkAgainstOthers(data, draft, existing.id, confirmTwin(target))
          // Compared with the record as it is now, so a change saved meanwhile (a license edit) is recorded truthfully.
          target.history.push(...changesFrom(target))
          target.companyName = draft.companyName
          target.notes = draft.notes
          for (const vendor of vendors()) {
            const account = accountOf(draft, vendor)
            setAccount(target, vendor, account === null ? null : vendor.toAccount(account, previous.get(vendor.key) ?? null, password !== null ? at : null))
          }
          target.updatedAt = at
          return target
        }),
      )
      if (passwordToken !== null) await recordAfterSaving(recordAccess, { action: 'password-change', customerId: updated.id }, 'The customer was saved with its new password')
      return updated
    },

    /** Store first (the tombstone proves the deletion), then the keychain entry; a crash between is settled on opening. */
    async delete({ id }: { id: string }): Promise<{ deleted: true }> {
      const existing = find(id)
      await withStagedPasswords([removal(id)], 'password', () =>
        store.mutate((data) => {
          const target = data.customers.find((customer) => customer.id === id) ?? existing
          data.customers = data.customers.filter((customer) => customer.id !== id)
          data.deletions.push({
            customerId: id,
            companyName: target.companyName,
            deletedAt: now().toISOString(),
            ...deletedLoginRecord(target),
            billing: billingRecordOf(target),
          })
        }),
      )
      return { deleted: true }
    },

    async changePassword({ id, password, confirmPassword }: { id: string; password: string; confirmPassword: string }): Promise<Customer> {
      const existing = find(id)
      if (!holdsPassword(existing)) throw new DeskFailure('invalid', NO_PASSWORD_ACCOUNT())
      const problem = passwordProblem(password)
      if (problem) throw invalidFields({ password: problem })
      if (confirmPassword !== password) throw invalidFields({ confirmPassword: 'The two passwords do not match.' })
      const at = now().toISOString()
      const token = newId()
      const changed = await withStagedPasswords([{ customerId: id, token, password }], 'password', () =>
        store.mutate((data) => recordPasswordChange(data, id, token, at, null)),
      )
      await recordAfterSaving(recordAccess, { action: 'password-change', customerId: id }, 'The new password was saved')
      return changed
    },

    /**
     * The password import: replaces several customers' Vault passwords in one store commit, or none.
     * Each goes the way of Change Password (staged, committed, settled; recordPasswordChange), so what
     * Change Password does with the password it replaces happens here too. The caller checked the
     * passwords against the policy; they are checked again here, naming no password.
     */
    async changePasswords(batch: readonly { id: string; password: string }[], reason: string | null): Promise<Customer[]> {
      for (const { id, password } of batch) {
        const vendor = passwordVendor()
        if (!vendor || accountOf(find(id), vendor) === null) throw new DeskFailure('invalid', `A customer of the import has no ${vendor?.accountLabel ?? 'account'} any more. Nothing was changed.`)
        if (passwordProblem(password) !== null) throw new DeskFailure('invalid', 'A password of the import does not meet the Vault password policy. Nothing was changed.')
      }
      const at = now().toISOString()
      const staged = batch.map(({ id, password }) => ({ customerId: id, token: newId(), password }))
      return withStagedPasswords(staged, 'password', () =>
        store.mutate((data) => staged.map(({ customerId, token }) => recordPasswordChange(data, customerId, token, at, reason))),
      )
    },

    /** Recorded before it is answered: a reveal the log could not record does not happen. */
    async revealPassword({ id }: { id: string }): Promise<{ password: string }> {
      const password = await requirePassword(id)
      await recordAccess({ action: 'password-reveal', customerId: id })
      return { password }
    },

    /** The password goes from the keychain to the clipboard in main; it never has to enter the page. */
    async copyPassword({ id }: { id: string }): Promise<{ clearsAfterSeconds: number }> {
      const password = await requirePassword(id)
      await recordAccess({ action: 'password-copy', customerId: id })
      await clipboard.copySecret(password)
      return { clearsAfterSeconds: Math.round(clipboard.clearAfterMs / 1000) }
    },
  }

  /**
   * Stages each password (or removal marker), commits the store, then settles each customer against
   * the store as committed: promoted if the commit names the token, dropped if not (see password-staging.ts).
   * One at a time, so a settle never sees another save's uncommitted change.
   */
  function withStagedPasswords<T>(staged: Staged[], passwordField: string, commit: () => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      let committed: { value: T } | null = null
      // A save without a password (a customer without the password vendor's account) needs no keychain, so a locked one does not stop it.
      if (staged.length > 0) await settleEarlierChanges()
      try {
        for (const entry of staged) await vault.stagePassword(entry.customerId, entry.token, entry.password)
        committed = { value: await commit() }
      } catch (error) {
        // The save's own error is the one to report; a staged entry that cannot be dropped now is dropped on opening.
        await settle(staged).catch(() => undefined)
        if (error instanceof PasswordNotKept) throw invalidFields({ [passwordField]: PASSWORD_NOT_KEPT }, PASSWORD_NOT_KEPT)
        throw error
      }
      try {
        await settle(staged)
      } catch {
        unsettled.push(...staged)
        throw new DeskFailure('keychain-unavailable', SAVED_BUT_NOT_SETTLED)
      }
      return committed.value
    }
    const next = writes.then(run)
    writes = next.catch(() => undefined)
    return next
  }

  /** Fails the new save (nothing staged, nothing committed) while the keychain still cannot follow the earlier ones. */
  async function settleEarlierChanges(): Promise<void> {
    if (reconcileFirst) {
      await reconcileStagedPasswords(store.data, vault)
      reconcileFirst = false
      unsettled = []
    }
    if (unsettled.length > 0) {
      await settle(unsettled)
      unsettled = []
    }
  }

  async function settle(staged: readonly Staged[]): Promise<void> {
    const byCustomer = new Map<string, string[]>()
    for (const { customerId, token } of staged) byCustomer.set(customerId, [...(byCustomer.get(customerId) ?? []), token])
    for (const [customerId, tokens] of byCustomer) await settleCustomer(store.data, vault, customerId, tokens)
  }

  /** Inside the store's write: the history entry of a new password carries its staged entry's token as its id. */
  function recordPasswordChange(data: DeskData, id: string, token: string, at: string, reason: string | null): Customer {
    const target = data.customers.find((customer) => customer.id === id)
    const vendor = passwordVendor()
    const account = target && vendor ? accountOf(target, vendor) : null
    if (!target || !vendor || account === null) throw customerGone()
    setAccount(target, vendor, vendor.toAccount(vendor.draftOf(account), account, at))
    target.updatedAt = at
    target.history.push({ id: token, at, field: passwordField(), from: null, to: 'changed', reason })
    return target
  }

  function removal(customerId: string): Staged {
    return { customerId, token: newId(), password: REMOVAL_MARKER }
  }

  /** The import's and create's one path: staged passwords, one store commit with the checks inside it, then settled. */
  async function saveNewCustomers(batch: { draft: CustomerDraft; password: string | null }[], confirmDuplicateCompany: boolean): Promise<Customer[]> {
    const at = now().toISOString()
    const customers = batch.map(({ draft, password }) => newCustomer(draft, password, at))
    const checkAll = (data: Readonly<DeskData>) => batch.forEach(({ draft }, index) => checkAgainstOthers(data, draft, null, confirmDuplicateCompany, customers.slice(0, index)))
    checkAll(store.data)
    // The "created" entry's id is the token of the customer's first password.
    const staged = batch.flatMap(({ password }, index) => {
      const customer = customers[index]
      return password === null || !customer ? [] : [{ customerId: customer.id, token: customer.history[0]?.id ?? '', password }]
    })
    await withStagedPasswords(staged, passwordField(), () =>
      store.mutate((data) => {
        checkAll(data)
        data.customers.push(...customers)
      }),
    )
    return customers
  }

  function newCustomer(draft: CustomerDraft, password: string | null, at: string): Customer {
    const customer = { id: newId(), companyName: draft.companyName, notes: draft.notes, createdAt: at, updatedAt: at } as Customer
    for (const vendor of vendors()) {
      const account = accountOf(draft, vendor)
      setAccount(customer, vendor, account === null ? null : vendor.toAccount(account, null, password !== null ? at : null))
    }
    customer.history = [{ id: newId(), at, field: 'customer', from: null, to: 'created', reason: null }]
    return customer
  }

  async function requirePassword(id: string): Promise<string> {
    const customer = find(id)
    if (!holdsPassword(customer)) throw new DeskFailure('invalid', NO_PASSWORD_ACCOUNT())
    const password = await vault.readCustomerPassword(id)
    if (password === null) {
      throw new DeskFailure('not-found', 'No password for this customer was found in the keychain. Use Change Password to set a new one.')
    }
    return password
  }
}

/** The rules an edit must keep of each account it changes (the Storage Type is set once). */
function checkEdits(existing: Customer, draft: CustomerDraft): void {
  const fields: Record<string, string> = {}
  for (const vendor of vendors()) {
    const before = accountOf(existing, vendor)
    const after = accountOf(draft, vendor)
    if (before === null || after === null || !vendor.checkEdit) continue
    for (const [field, message] of Object.entries(vendor.checkEdit(before, after))) fields[`${vendor.key}.${field}`] = message
  }
  if (Object.keys(fields).length > 0) throw invalidFields(fields)
}

export type CustomerService = ReturnType<typeof createCustomerService>
