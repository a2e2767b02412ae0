import type { Customer, HistoryEntry } from '../common/customer-model'
import type { AdjustmentRequest } from '../common/contract/licenses'
import { customerGone, DeskFailure, invalidFields } from '../common/desk-error'
import { accountOf } from '../common/vendors/accounts'
import { adjustableVendor, adjustableVendorOf, checkAdjustmentUndo, figureField, figureOfField, type AdjustableVendor } from '../common/vendors/adjustable'
import type { DeskData } from './store-file'
import type { CustomerStore } from './customer-store'

export interface LicenseServiceDeps {
  store: CustomerStore
  now: () => Date
  newId: () => string
  /** The user's locale, for the figures in the messages (Electron's app.getLocale()). */
  locale?: string
}

function findIn(data: Readonly<DeskData>, id: string): Customer {
  const customer = data.customers.find((candidate) => candidate.id === id)
  if (!customer) throw customerGone()
  return customer
}

function noAccount(): DeskFailure {
  return new DeskFailure('invalid', adjustableVendor()?.adjustments.texts.noAccount ?? 'This customer has no figures to change.')
}

function vendorOf(customer: Customer): AdjustableVendor {
  const vendor = adjustableVendorOf(customer)
  if (!vendor) throw noAccount()
  return vendor
}

function accountIn(customer: Customer, vendor: AdjustableVendor): unknown {
  const account = accountOf(customer, vendor)
  if (account === null) throw noAccount()
  return account
}

/**
 * The licence editor (a portal's "Edit customer"): changes the figures a vendor adjusts month
 * to month and records each change in the customer's history. Each decision is taken inside
 * `store.mutate` on the values as they are at that moment, so quick edits in a row each see the previous
 * one and none is lost.
 */
export function createLicenseService({ store, now, newId, locale }: LicenseServiceDeps) {
  return {
    async change(request: AdjustmentRequest): Promise<Customer> {
      const vendor = vendorOf(findIn(store.data, request.id))
      const { adjustments } = vendor
      const checked = adjustments.check(request)
      if (!checked.ok) throw invalidFields(checked.fields)
      const next = checked.values
      const reason = request.reason.trim() || null
      const updated = await store.mutate((data) => {
        const target = findIn(data, request.id)
        const account = accountIn(target, vendor)
        const at = now().toISOString()
        const changes = adjustments.figures.flatMap((figure) => {
          const from = figure.read(account)
          const to = next[figure.field]
          return to === undefined || to === from ? [] : [{ figure, from, to }]
        })
        const entries: HistoryEntry[] = changes.map(({ figure, from, to }) => ({ id: newId(), at, field: figureField(vendor, figure), from: String(from), to: String(to), reason }))
        if (entries.length === 0) throw new DeskFailure('invalid', adjustments.nothingChanged(account, locale))
        for (const { figure, to } of changes) figure.write(account, to)
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
        const check = checkAdjustmentUndo(target, entryId, locale)
        if (!check.ok) throw new DeskFailure(check.code, check.message)
        const changed = figureOfField(check.field)
        if (!changed) throw noAccount()
        changed.figure.write(accountIn(target, changed.vendor), check.restore)
        const at = now().toISOString()
        target.updatedAt = at
        target.history.push({
          id: newId(),
          at,
          field: check.field,
          from: String(check.current),
          to: String(check.restore),
          reason: changed.vendor.adjustments.undoReason(check.entry),
          undoOf: check.entry.id,
        })
        return target
      })
      return structuredClone(updated)
    },
  }
}

export type LicenseService = ReturnType<typeof createLicenseService>
