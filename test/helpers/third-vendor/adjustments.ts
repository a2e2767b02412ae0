import { formatNumber } from '../../../main/common/formats'
import type { VendorAdjustments } from '../../../main/common/vendors/vendor-adjustments'
import type { CoveAccount } from './definition'

export const SEATS_FIELD = 'cove.seats'
export const SEATS_ADJUST_RULE = 'Seats must be a whole number of at least 1.'

/** The third vendor's Seats, changed month to month in the licence editor, with rules and words of its own. */
export const coveAdjustments: VendorAdjustments<CoveAccount> = {
  figures: [
    {
      input: 'seats',
      field: 'seats',
      label: 'Seats',
      hint: 'The seats the Cove partner is billed for.',
      numeric: true,
      read: (account) => account.seats,
      write: (account, value) => {
        account.seats = value
      },
      show: formatNumber,
    },
  ],
  check(form) {
    const typed = (form.seats ?? '').trim()
    return /^\d+$/.test(typed) && Number(typed) >= 1 ? { ok: true, values: { seats: Number(typed) } } : { ok: false, fields: { seats: SEATS_ADJUST_RULE } }
  },
  describe(account, values) {
    const next = values.seats ?? account.seats
    const lines = next === account.seats ? [] : [`Seats: ${account.seats} → ${next}`]
    return { changed: lines.length > 0, lines }
  },
  nothingChanged: (account) => `Nothing changed: the Cove partner already has ${account.seats} seats.`,
  checkUndo({ account, history }, entryId) {
    const index = history.findIndex((entry) => entry.id === entryId)
    const entry = history[index]
    if (!entry) return { ok: false, code: 'not-found', message: 'No such entry.' }
    if (entry.field !== SEATS_FIELD) return { ok: false, code: 'invalid', message: 'Only a change of Seats can be undone.' }
    if (!account) return { ok: false, code: 'invalid', message: 'No Cove subscription any more.' }
    if (String(account.seats) !== entry.to) return { ok: false, code: 'conflict', message: 'Seats changed since.' }
    if (history.slice(index + 1).some((other) => other.field === SEATS_FIELD)) return { ok: false, code: 'conflict', message: 'Not the latest change of Seats.' }
    if (entry.from === null) return { ok: false, code: 'invalid', message: 'No earlier Seats.' }
    return { ok: true, entry, field: SEATS_FIELD, current: account.seats, restore: Number(entry.from) }
  },
  undoReason: (entry) => `Cove undo of ${entry.at}`,
  texts: {
    action: 'Change seats',
    editorTitle: (companyName) => `Edit the seats of ${companyName}`,
    noAccount: 'This customer has no Cove subscription.',
    editorNoAccount: (companyName) => `${companyName} has no Cove subscription.`,
    listNoAccount: (companyName) => `${companyName} has no Cove subscription.`,
  },
}
