import { billingAsOf, tracesOf } from '../../common/billing/as-of'
import type { BillingVendor } from '../../common/billing/billing-vendor'
import { billingMonth } from '../../common/billing/month'
import type { BillingAsOfView, BillingMonthView } from '../../common/contract/billing'
import type { DialogClosed, ListFormat, ListSaved } from '../../common/contract/exports'
import { nexeticBilling } from '../../common/vendors/nexetic/billing'
import type { CustomerStore } from '../customer-store'
import type { ExportWriter } from '../exports/atomic-file'
import { CSV_FILTERS, withExtension, XLSX_FILTERS, type FileDialogs } from '../exports/file-dialogs'
import { billingFile } from './billing-sheet'

export interface BillingServiceDeps {
  store: CustomerStore
  dialogs: FileDialogs
  now: () => Date
  writer: ExportWriter
  vendor?: BillingVendor
}

interface MonthRequest {
  month: string
  start: string
  end: string
}

/** The `billing` namespace: the vendor's figures as of any moment and month by month, from every customer's history and the tombstones. */
export function createBillingService({ store, dialogs, now, writer, vendor = nexeticBilling }: BillingServiceDeps) {
  const untracedSince = (untraced: { deletedAt: string }[], instantMs: number): number => untraced.filter((tombstone) => Date.parse(tombstone.deletedAt) >= instantMs).length

  const monthOf = ({ start, end }: MonthRequest) => {
    const { traces, untraced } = tracesOf(store.data, vendor)
    const startMs = Date.parse(start)
    return { ...billingMonth(traces, vendor, startMs, Date.parse(end)), untracedDeletions: untracedSince(untraced, startMs) }
  }

  return {
    asOf({ until }: { until: string }): BillingAsOfView {
      const { traces, untraced } = tracesOf(store.data, vendor)
      const untilMs = Date.parse(until)
      return { until, ...billingAsOf(traces, vendor, untilMs), untracedDeletions: untracedSince(untraced, untilMs) }
    },

    /** Only the rows the page draws cross IPC: a month of 10,000 customers with their changes is megabytes. */
    month(request: MonthRequest & { rows: number }): BillingMonthView {
      const view = monthOf(request)
      return { month: request.month, start: request.start, end: request.end, ...view, rows: view.rows.slice(0, request.rows), rowCount: view.rows.length }
    },

    async monthExport(request: MonthRequest & { format: ListFormat }): Promise<DialogClosed | ListSaved> {
      const view = monthOf(request)
      const chosen = await dialogs.chooseSaveFile(`${vendor.label} billing ${request.month}.${request.format}`, request.format === 'csv' ? CSV_FILTERS : XLSX_FILTERS)
      if (chosen === null) return { kind: 'cancelled' }
      const filePath = withExtension(chosen, request.format)
      await writer.write(filePath, await billingFile(request.format, view, vendor, request.month, now()), { secret: false })
      return { kind: 'saved', filePath, rows: view.rows.length }
    },
  }
}
