import type { CustomerForm } from '../../main/common/customer-form'
import type { Customer } from '../../main/common/customer-model'
import type { StorageType } from '../../main/common/vendors/nexetic/subscription'
import { STORAGE_TYPES } from '../../main/common/vendors/nexetic/subscription'
import type { BilledState } from '../../main/common/billing/as-of'
import { undoableEntryIds } from '../../main/common/vendors/adjustable'
import type { Desk } from '../../main/desk'
import { dispatch } from '../../main/ipc/handler-table'

/** One thing staff do that moves the billed figures (or does not), as a property test draws it. */
export type BillingOp =
  | { kind: 'create'; licenses: number | null; storage: number; type: StorageType }
  | { kind: 'license'; target: number; licenses: number; storage: number }
  | { kind: 'undo'; target: number }
  | { kind: 'edit'; target: number; rename: boolean; nexetic: 'keep' | 'remove' | { licenses: number; storage: number; type: StorageType } }
  | { kind: 'delete'; target: number }

let serial = 0

export function formOf(companyName: string, nexetic: { licenses: number; storage: number; type: StorageType } | null): CustomerForm {
  return {
    companyName,
    notes: '',
    x360: null,
    nexetic: nexetic
      ? { organizationName: companyName, domain: '', userLicenses: String(nexetic.licenses), extraStorage: String(nexetic.storage), notifyUsers: 'it@example.com', storageType: nexetic.type }
      : null,
  }
}

const keepForm = (customer: Customer, companyName: string): CustomerForm =>
  formOf(companyName, customer.nexetic ? { licenses: customer.nexetic.userLicenses, storage: customer.nexetic.extraStorageGb, type: customer.nexetic.storageType } : null)

/**
 * Applies one op through the real handler table, as the page would; a refused op (nothing changed,
 * no subscription, a locked Storage Type) changes nothing, which the oracle sees in the next snapshot.
 */
export async function applyOp(desk: Desk, op: BillingOp): Promise<void> {
  const customers = desk.store.data.customers
  const target = op.kind === 'create' ? undefined : customers[op.target % Math.max(customers.length, 1)]
  if (op.kind === 'create') {
    serial += 1
    const form = formOf(`Company ${serial}`, op.licenses === null ? null : { licenses: op.licenses, storage: op.storage, type: op.type })
    await dispatch(desk.handlers, 'desk:customers.create', { form, confirmDuplicateCompany: true })
    return
  }
  if (!target) return
  if (op.kind === 'license') {
    await dispatch(desk.handlers, 'desk:licenses.change', { id: target.id, userLicenses: String(op.licenses), extraStorage: String(op.storage), reason: 'property test' })
  } else if (op.kind === 'undo') {
    const [entryId] = undoableEntryIds(target)
    if (entryId) await dispatch(desk.handlers, 'desk:licenses.undo', { id: target.id, entryId })
  } else if (op.kind === 'edit') {
    serial += 1
    const name = op.rename ? `Renamed ${serial}` : target.companyName
    const form = op.nexetic === 'keep' ? keepForm(target, name) : op.nexetic === 'remove' ? formOf(name, null) : formOf(name, op.nexetic)
    await dispatch(desk.handlers, 'desk:customers.update', { id: target.id, form, confirmDuplicateCompany: true, reason: '' })
  } else {
    await dispatch(desk.handlers, 'desk:customers.delete', { id: target.id })
  }
}

/** The oracle: the store's own Nexetic customers right now, in the shape the reconstruction gives. */
export function billedNow(customers: readonly Customer[]): BilledState[] {
  return customers
    .filter((customer) => customer.nexetic)
    .map((customer) => ({
      customerId: customer.id,
      companyName: customer.companyName,
      measures: { userLicenses: customer.nexetic?.userLicenses ?? 0, extraStorageGb: customer.nexetic?.extraStorageGb ?? 0 },
      group: customer.nexetic?.storageType ?? '',
    }))
}

export const STORAGE_TYPE_CHOICES = STORAGE_TYPES
