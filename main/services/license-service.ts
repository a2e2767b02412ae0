import type { Customer, HistoryEntry } from '../common/customer-model'
import type { NexeticSubscription } from '../common/vendors/nexetic/subscription'
import { customerGone, DeskFailure, invalidFields } from '../common/desk-error'
import { checkLicenseForm, LICENSE_FIELD, nothingChangedMessage, STORAGE_FIELD } from '../common/vendors/nexetic/license-change'
import { checkUndo, undoReason } from '../common/vendors/nexetic/license-undo'
import type { DeskData } from './store-file'
import type { CustomerStore } from './customer-store'

export interface LicenseServiceDeps {
  store: CustomerStore
  now: () => Date
  newId: () => string
  /** The user's locale, for the figures in the messages (Electron's app.getLocale()). */
  locale?: string
}

export interface LicenseChangeRequest {
  id: string
  userLicenses: string
  extraStorage: string
  reason: string
}

const NO_NEXETIC = 'This customer has no Nexetic subscription, so it has no User Licenses or Extra Storage to change. Add one with Edit customer first.'

function findIn(data: Readonly<DeskData>, id: string): Customer {
  const customer = data.customers.find((candidate) => candidate.id === id)
  if (!customer) throw customerGone()
  return customer
}

function nexeticOf(customer: Customer): NexeticSubscription {
  if (!customer.nexetic) throw new DeskFailure('invalid', NO_NEXETIC)
  return customer.nexetic
}

/**
 * The portal's "Edit customer": changes User Licenses and Extra Storage and records each change in the
 * customer's history. Each decision is taken inside `store.mutate` on the values as they are at that
 * moment, so quick edits in a row each see the previous one and none is lost.
 */
export function createLicenseService({ store, now, newId, locale }: LicenseServiceDeps) {
  return {
    async change(request: LicenseChangeRequest): Promise<Customer> {
      nexeticOf(findIn(store.data, request.id))
      const checked = checkLicenseForm(request)
      if (!checked.ok) throw invalidFields(checked.fields)
      const next = checked.values
      const reason = request.reason.trim() || null
      const updated = await store.mutate((data) => {
        const target = findIn(data, request.id)
        const nexetic = nexeticOf(target)
        const at = now().toISOString()
        const entries: HistoryEntry[] = []
        if (next.userLicenses !== nexetic.userLicenses) {
          entries.push({ id: newId(), at, field: LICENSE_FIELD, from: String(nexetic.userLicenses), to: String(next.userLicenses), reason })
        }
        if (next.extraStorageGb !== nexetic.extraStorageGb) {
          entries.push({ id: newId(), at, field: STORAGE_FIELD, from: String(nexetic.extraStorageGb), to: String(next.extraStorageGb), reason })
        }
        if (entries.length === 0) throw new DeskFailure('invalid', nothingChangedMessage(nexetic, locale))
        nexetic.userLicenses = next.userLicenses
        nexetic.extraStorageGb = next.extraStorageGb
        target.updatedAt = at
        target.history.push(...entries)
        return target
      })
      return structuredClone(updated)
    },

    /** An undo is a new change of its own, pointing at the entry it reverses; the history is never rewritten. */
    async undo({ id, entryId }: { id: string; entryId: string }): Promise<Customer> {
      const updated = await store.mutate((data) => {
        const target = findIn(data, id)
        const check = checkUndo(target, entryId, locale)
        if (!check.ok) throw new DeskFailure(check.code, check.message)
        const nexetic = nexeticOf(target)
        const at = now().toISOString()
        if (check.field === LICENSE_FIELD) nexetic.userLicenses = check.restore
        else nexetic.extraStorageGb = check.restore
        target.updatedAt = at
        target.history.push({
          id: newId(),
          at,
          field: check.field,
          from: String(check.current),
          to: String(check.restore),
          reason: undoReason(check.entry),
          undoOf: check.entry.id,
        })
        return target
      })
      return structuredClone(updated)
    },
  }
}

export type LicenseService = ReturnType<typeof createLicenseService>
