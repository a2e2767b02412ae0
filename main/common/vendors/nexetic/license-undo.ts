import type { Customer, HistoryEntry } from '../../customer-model'
import type { DeskErrorCode } from '../../result'
import { formatNumber, formatStorage, type Locale } from '../../formats'
import { isLicenseField, LICENSE_FIELD, type LicenseField } from './license-change'
import { formatUtc } from '../../history-time'
import { parseStorageGb, parseUserLicenses } from '../../portal-rules'

export type UndoCheck =
  | { ok: true; entry: HistoryEntry; field: LicenseField; current: number; restore: number }
  | { ok: false; code: DeskErrorCode; message: string }

type UndoSubject = Pick<Customer, 'nexetic'> & { history: readonly HistoryEntry[] }

const label = (field: LicenseField): string => (field === LICENSE_FIELD ? 'User Licenses' : 'Extra Storage')
const show = (field: LicenseField, value: number, locale: Locale): string =>
  field === LICENSE_FIELD ? formatNumber(value, locale) : formatStorage(value, locale)

export const undoReason = (entry: Pick<HistoryEntry, 'at'>): string => `Undo of ${formatUtc(entry.at)} change`

/**
 * Whether one history entry can be undone: only a change of User Licenses or Extra Storage, only the
 * latest change of that value, and only while the value is still what that change set it to.
 */
export function checkUndo(customer: UndoSubject, entryId: string, locale?: Locale): UndoCheck {
  const index = customer.history.findIndex((entry) => entry.id === entryId)
  const entry = customer.history[index]
  if (!entry) return { ok: false, code: 'not-found', message: 'That history entry was not found for this customer.' }
  const field = entry.field
  if (!isLicenseField(field)) return { ok: false, code: 'invalid', message: 'Only a change of User Licenses or Extra Storage can be undone.' }
  if (!customer.nexetic) {
    return { ok: false, code: 'invalid', message: 'This customer no longer has a Nexetic subscription, so the change cannot be undone.' }
  }
  const current = field === LICENSE_FIELD ? customer.nexetic.userLicenses : customer.nexetic.extraStorageGb
  if (entry.to === null || String(current) !== entry.to) {
    return {
      ok: false,
      code: 'conflict',
      message: `${label(field)} is now ${show(field, current, locale)}, not ${entry.to ?? 'empty'} as that change left it, so the change cannot be undone. Edit the value instead.`,
    }
  }
  const later = customer.history.slice(index + 1).find((other) => other.field === field)
  if (later) {
    return { ok: false, code: 'conflict', message: `Only the latest change of ${label(field)} can be undone: it was changed again on ${formatUtc(later.at)}.` }
  }
  if (entry.from === null) {
    return { ok: false, code: 'invalid', message: `That entry set the first ${label(field)} of the Nexetic subscription; there is no earlier value to go back to.` }
  }
  const parsed = field === LICENSE_FIELD ? parseUserLicenses(entry.from) : parseStorageGb(entry.from)
  if ('error' in parsed) return { ok: false, code: 'invalid', message: `The earlier ${label(field)} "${entry.from}" is not a valid value, so the change cannot be undone.` }
  return { ok: true, entry, field, current, restore: parsed.value }
}
