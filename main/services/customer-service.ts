import type { CustomerListItem } from '../common/contract'
import { checkCustomerForm, type CustomerForm } from '../common/customer-form'
import { STORAGE_TYPE_LOCKED_NOTE, type Customer, type CustomerDraft } from '../common/customer-model'
import { DeskFailure, invalidFields } from '../common/desk-error'
import { passwordProblem } from '../common/password-policy'
import { companyKey, usernameKey } from '../common/portal-rules'
import type { CredentialVault } from './credential-vault'
import { describeChanges, draftOf } from './customer-history'
import type { CustomerStore } from './customer-store'
import type { SecretClipboard } from './secret-clipboard'

export interface CustomerServiceDeps {
  store: CustomerStore
  vault: CredentialVault
  clipboard: SecretClipboard
  now: () => Date
  newId: () => string
}

interface SaveRequest {
  form: CustomerForm
  confirmDuplicateCompany: boolean
}

const listItem = ({ history: _history, ...rest }: Customer): CustomerListItem => rest

export function createCustomerService({ store, vault, clipboard, now, newId }: CustomerServiceDeps) {
  const find = (id: string): Customer => {
    const customer = store.data.customers.find((candidate) => candidate.id === id)
    if (!customer) throw new DeskFailure('not-found', 'This customer no longer exists; it may have been deleted.')
    return customer
  }

  /** The rules that need the other customers: a unique username, and one account per real customer. */
  const checkAgainstOthers = (draft: CustomerDraft, selfId: string | null, confirmDuplicateCompany: boolean, alsoNew: readonly Customer[] = []): void => {
    const others = [...store.data.customers.filter((customer) => customer.id !== selfId), ...alsoNew]
    if (draft.x360) {
      const key = usernameKey(draft.x360.username)
      const owner = others.find((customer) => customer.x360 && usernameKey(customer.x360.username) === key)
      if (owner) {
        throw invalidFields({ 'x360.username': `The Customer Username "${draft.x360.username}" is already used by ${owner.companyName}.` })
      }
    }
    if (!confirmDuplicateCompany) {
      const key = companyKey(draft.companyName)
      const twin = others.find((customer) => companyKey(customer.companyName) === key)
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

    /** Keychain first, store second (see saveNewCustomers). */
    async create(request: SaveRequest): Promise<Customer> {
      const { draft, password } = checked(request, true)
      checkAgainstOthers(draft, null, request.confirmDuplicateCompany)
      const customer = newCustomer(draft, password, now().toISOString())
      await saveNewCustomers([{ customer, password: draft.x360 ? password : null }])
      return customer
    },

    /**
     * For an import: every customer or none. The same checks as create, also between the new ones; a
     * password is optional (an account without one gets it later with Change Password). Passwords go
     * to the keychain first and are all taken out again if any write fails.
     */
    async createMany(forms: CustomerForm[], { confirmDuplicateCompany }: { confirmDuplicateCompany: boolean }): Promise<Customer[]> {
      const at = now().toISOString()
      const batch: { customer: Customer; password: string | null }[] = []
      for (const form of forms) {
        const { draft, password } = checked({ form, confirmDuplicateCompany }, false)
        checkAgainstOthers(draft, null, confirmDuplicateCompany, batch.map((entry) => entry.customer))
        batch.push({ customer: newCustomer(draft, password, at), password: draft.x360 ? password : null })
      }
      await saveNewCustomers(batch)
      return batch.map((entry) => entry.customer)
    },

    async update(request: SaveRequest & { id: string; reason: string }): Promise<Customer> {
      const existing = find(request.id)
      const addsX360 = request.form.x360 !== null && existing.x360 === null
      const { draft, password } = checked(request, addsX360)
      if (existing.nexetic && draft.nexetic && draft.nexetic.storageType !== existing.nexetic.storageType) {
        throw invalidFields({ 'nexetic.storageType': STORAGE_TYPE_LOCKED_NOTE })
      }
      // A twin confirmed when it was created (or renamed) is not asked about again on every later edit.
      const renamed = companyKey(draft.companyName) !== companyKey(existing.companyName)
      checkAgainstOthers(draft, existing.id, request.confirmDuplicateCompany || !renamed)
      const at = now().toISOString()
      const reason = request.reason.trim()
      const changesFrom = (current: Customer) => {
        const entries = describeChanges(draftOf(current), draft, { at, reason, newId })
        if (password !== null) entries.push({ id: newId(), at, field: 'x360.password', from: null, to: 'changed', reason: reason || null })
        return entries
      }
      if (changesFrom(existing).length === 0) return existing
      const passwordSetAt = password !== null ? at : (existing.x360?.passwordSetAt ?? null)
      const updated = await withPassword(existing.id, password, () =>
        store.mutate((data) => {
          const target = data.customers.find((customer) => customer.id === existing.id)
          if (!target) throw new DeskFailure('not-found', 'This customer no longer exists; it may have been deleted.')
          // Compared with the record as it is now, so a change saved meanwhile (a license edit) is recorded truthfully.
          target.history.push(...changesFrom(target))
          target.companyName = draft.companyName
          target.notes = draft.notes
          target.x360 = draft.x360 ? { ...draft.x360, passwordSetAt } : null
          target.nexetic = draft.nexetic
          target.updatedAt = at
          return target
        }),
      )
      if (existing.x360 && !draft.x360) await vault.deleteCustomerPassword(existing.id)
      return updated
    },

    async delete({ id }: { id: string }): Promise<{ deleted: true }> {
      const existing = find(id)
      await store.mutate((data) => {
        data.customers = data.customers.filter((customer) => customer.id !== id)
        data.deletions.push({
          customerId: id,
          companyName: existing.companyName,
          deletedAt: now().toISOString(),
          x360Username: existing.x360?.username ?? null,
        })
      })
      await vault.deleteCustomerPassword(id)
      return { deleted: true }
    },

    async changePassword({ id, password, confirmPassword }: { id: string; password: string; confirmPassword: string }): Promise<Customer> {
      const existing = find(id)
      if (!existing.x360) throw new DeskFailure('invalid', 'This customer has no x360Recover account, so it has no Vault password.')
      const problem = passwordProblem(password)
      if (problem) throw invalidFields({ password: problem })
      if (confirmPassword !== password) throw invalidFields({ confirmPassword: 'The two passwords do not match.' })
      const at = now().toISOString()
      return withPassword(id, password, () =>
        store.mutate((data) => {
          const target = data.customers.find((customer) => customer.id === id)
          if (!target?.x360) throw new DeskFailure('not-found', 'This customer no longer exists; it may have been deleted.')
          target.x360.passwordSetAt = at
          target.updatedAt = at
          target.history.push({ id: newId(), at, field: 'x360.password', from: null, to: 'changed', reason: null })
          return target
        }),
      )
    },

    async revealPassword({ id }: { id: string }): Promise<{ password: string }> {
      return { password: await requirePassword(id) }
    },

    /** The password goes from the keychain to the clipboard in main; it never has to enter the page. */
    async copyPassword({ id }: { id: string }): Promise<{ clearsAfterSeconds: number }> {
      await clipboard.copySecret(await requirePassword(id))
      return { clearsAfterSeconds: Math.round(clipboard.clearAfterMs / 1000) }
    },
  }

  /**
   * Writes a new password (if any) to the keychain, then saves; if the save fails, the keychain is put
   * back as it was, so the store and the keychain never disagree about which password is current.
   */
  async function withPassword<T>(id: string, password: string | null, save: () => Promise<T>): Promise<T> {
    if (password === null) return save()
    const previous = await vault.readCustomerPassword(id)
    await vault.storeCustomerPassword(id, password)
    try {
      return await save()
    } catch (error) {
      await (previous === null ? vault.deleteCustomerPassword(id) : vault.storeCustomerPassword(id, previous)).catch(() => false)
      throw error
    }
  }

  /** Keychain first, store second; every password written is taken out again if any write fails. */
  async function saveNewCustomers(batch: { customer: Customer; password: string | null }[]): Promise<void> {
    const stored: string[] = []
    try {
      for (const { customer, password } of batch) {
        if (password === null) continue
        await vault.storeCustomerPassword(customer.id, password)
        stored.push(customer.id)
      }
      await store.mutate((data) => {
        data.customers.push(...batch.map((entry) => entry.customer))
      })
    } catch (error) {
      for (const id of stored) await vault.deleteCustomerPassword(id).catch(() => false)
      throw error
    }
  }

  function newCustomer(draft: CustomerDraft, password: string | null, at: string): Customer {
    return {
      id: newId(),
      companyName: draft.companyName,
      notes: draft.notes,
      createdAt: at,
      updatedAt: at,
      x360: draft.x360 ? { ...draft.x360, passwordSetAt: password !== null ? at : null } : null,
      nexetic: draft.nexetic,
      history: [{ id: newId(), at, field: 'customer', from: null, to: 'created', reason: null }],
    }
  }

  async function requirePassword(id: string): Promise<string> {
    const customer = find(id)
    if (!customer.x360) throw new DeskFailure('invalid', 'This customer has no x360Recover account, so it has no Vault password.')
    const password = await vault.readCustomerPassword(id)
    if (password === null) {
      throw new DeskFailure('not-found', 'No password for this customer was found in the keychain. Use Change Password to set a new one.')
    }
    return password
  }
}

export type CustomerService = ReturnType<typeof createCustomerService>
