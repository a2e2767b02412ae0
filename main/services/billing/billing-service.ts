import { billingAsOf, tracesOf } from '../../common/billing/as-of'
import type { BillingVendor } from '../../common/billing/billing-vendor'
import { billingMonth } from '../../common/billing/month'
import type { BillingAsOfView, BillingMonthView } from '../../common/contract/billing'
import type { DialogClosed, ListFormat, ListSaved } from '../../common/contract/exports'
import { DeskFailure } from '../../common/desk-error'
import { billingVendorByKey, billingVendors } from '../../common/vendors/registry'
import type { CustomerStore } from '../customer-store'
import type { ExportWriter } from '../exports/atomic-file'
import { CSV_FILTERS, withExtension, XLSX_FILTERS, type FileDialogs } from '../exports/file-dialogs'
import { billingFile } from './billing-sheet'

export interface BillingServiceDeps {
  store: CustomerStore
  dialogs: FileDialogs
  now: () => Date
  writer: ExportWriter
}

/** Which vendor's billing a request asks for (see the contract's `vendor`). */
interface VendorRequest {
  vendor?: string | undefined
}

interface MonthRequest extends VendorRequest {
  month: string
  start: string
  end: string
}

/** The registry's billing vendor of that key; the first one when the request names none. */
function billedVendor({ vendor: key }: VendorRequest): BillingVendor {
  const vendor = key === undefined ? billingVendors()[0] : billingVendorByKey(key)
  if (!vendor) throw new DeskFailure('invalid', key === undefined ? 'No vendor is billed in the desk.' : `No vendor with the key "${key}" is billed in the desk.`)
  return vendor
}

/** The `billing` namespace: a vendor's figures as of any moment and month by month, from every customer's history and the tombstones. */
export function createBillingService({ store, dialogs, now, writer }: BillingServiceDeps) {
  const untracedSince = (untraced: { deletedAt: string }[], instantMs: number): number => untraced.filter((tombstone) => Date.parse(tombstone.deletedAt) >= instantMs).length

  const monthOf = (vendor: BillingVendor, { start, end }: MonthRequest) => {
    const { traces, untraced } = tracesOf(store.data, vendor)
    const startMs = Date.parse(start)
    return { ...billingMonth(traces, vendor, startMs, Date.parse(end)), untracedDeletions: untracedSince(untraced, startMs) }
  }

  return {
    asOf(request: VendorRequest & { until: string }): BillingAsOfView {
      const vendor = billedVendor(request)
      const { traces, untraced } = tracesOf(store.data, vendor)
      const untilMs = Date.parse(request.until)
      return { until: request.until, ...billingAsOf(traces, vendor, untilMs), untracedDeletions: untracedSince(untraced, untilMs) }
    },

    /** Only the rows the page draws cross IPC: a month of 10,000 customers with their changes is megabytes. */
    month(request: MonthRequest & { rows: number }): BillingMonthView {
      const view = monthOf(billedVendor(request), request)
      return { month: request.month, start: request.start, end: request.end, ...view, rows: view.rows.slice(0, request.rows), rowCount: view.rows.length }
    },

    async monthExport(request: MonthRequest & { format: ListFormat }): Promise<DialogClosed | ListSaved> {
      const vendor = billedVendor(request)
      const view = monthOf(vendor, request)
      const chosen = await dialogs.chooseSaveFile(`${vendor.label} billing ${request.month}.${request.format}`, request.format === 'csv' ? CSV_FILTERS : XLSX_FILTERS)
      if (chosen === null) return { kind: 'cancelled' }
      const filePath = withExtension(chosen, request.format)
      await writer.write(filePath, await billingFile(request.format, view, vendor, request.month, now()), { secret: false })
      return { kind: 'saved', filePath, rows: view.rows.length }
    },
  }
}
