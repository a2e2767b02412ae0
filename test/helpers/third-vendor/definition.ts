import { z } from 'zod'
import { parseName } from '../../../main/common/text-rules'
import type { VendorDefinition } from '../../../main/common/vendors/vendor-definition'
import { coveBilling } from './billing'
import { coveAdjustments } from './adjustments'

/**
 * A third backup vendor that exists only in the tests: its own fields and one rule of its own, to show
 * that the desk picks up a vendor from its definition alone (see test/unit/third-vendor.test.ts).
 */
export interface CoveAccount {
  partnerName: string
  seats: number
}
type CoveForm = { partnerName: string; seats: string }
interface CoveTotals {
  customers: number
  seats: number
}

export const SEATS_RULE = 'Seats must be a whole number of at least 1, such as 25.'

const coveForm = z.strictObject({ partnerName: z.string().max(200), seats: z.string().max(20) })

export const coveVendor: VendorDefinition<CoveAccount, CoveAccount, CoveForm, CoveTotals> = {
  key: 'cove',
  name: 'Cove',
  portals: [],
  accountLabel: 'Cove subscription',
  section: { label: 'Cove Data Protection subscription', detail: 'As in the Cove Management Console.', removeWarning: 'Saving removes the Cove subscription.' },
  accountSchema: z.object({ partnerName: z.string().min(1), seats: z.number().int().min(1) }),
  formSchema: coveForm,
  emptyForm: () => ({ partnerName: '', seats: '' }),
  formOf: (account) => ({ partnerName: account.partnerName, seats: String(account.seats) }),
  checkForm(form) {
    const fields: Record<string, string> = {}
    const partner = parseName(form.partnerName, 'Cove Partner')
    if ('error' in partner) fields.partnerName = partner.error
    // The vendor's one rule of its own.
    const seats = /^\d+$/.test(form.seats.trim()) ? Number(form.seats.trim()) : 0
    if (seats < 1) fields.seats = SEATS_RULE
    return { draft: 'value' in partner && seats >= 1 ? { partnerName: partner.value, seats } : null, fields, password: null }
  },
  draftOf: (account) => account,
  toAccount: (draft) => draft,
  history: [
    { field: 'partnerName', label: 'Cove Partner', read: (draft) => draft.partnerName },
    { field: 'seats', label: 'Seats', read: (draft) => String(draft.seats) },
  ],
  columns: [
    { header: 'Cove Partner', formField: 'partnerName', width: 24, read: (account) => account.partnerName },
    { header: 'Seats', formField: 'seats', width: 10, read: (account) => account.seats },
  ],
  importForm(cell) {
    if (cell('partnerName').trim() === '' && cell('seats').trim() === '') return null
    return { partnerName: cell('partnerName'), seats: cell('seats') }
  },
  searchText: (account) => [account.partnerName],
  totals: {
    empty: () => ({ customers: 0, seats: 0 }),
    add(totals, account) {
      totals.customers += 1
      totals.seats += account.seats
    },
  },
  sheet: {
    heading: 'Cove Data Protection',
    none: 'No Cove subscription.',
    rows: (account) => [
      { label: 'Cove Partner', value: account.partnerName },
      { label: 'Seats', value: String(account.seats) },
    ],
  },
  billing: coveBilling,
  notes: { importNeeds: 'a number of seats' },
  onboarding: [
    { key: 'agent-installed', label: 'Backup Manager installed on the devices', detail: 'From the Cove Management Console › Devices › Add.' },
    { key: 'report-scheduled', label: 'Daily status report scheduled', detail: 'Optional: only if the customer wants one.', optional: true },
  ],
  // Licence editor:
  adjustments: coveAdjustments,
}
