import type { DialogClosed, ListFormat, ListSaved } from '../../common/contract/exports'
import type { CustomerStore } from '../customer-store'
import type { ExportWriter } from './atomic-file'
import { CSV_FILTERS, withExtension, XLSX_FILTERS, type FileDialogs } from './file-dialogs'
import { listFile } from './list-export'
import { dayStamp, pickCustomers } from './selection'

export interface ListExportDeps {
  store: CustomerStore
  dialogs: FileDialogs
  now: () => Date
  writer: ExportWriter
}

/** The customer list to the file main's save dialog returns; written whole or not at all. */
export function createListExport({ store, dialogs, now, writer }: ListExportDeps) {
  return async function listExport(request: { format: ListFormat; customerIds?: string[] | undefined }): Promise<DialogClosed | ListSaved> {
    const customers = pickCustomers(store.data.customers, request.customerIds)
    const date = now()
    const chosen = await dialogs.chooseSaveFile(`Customers ${dayStamp(date)}.${request.format}`, request.format === 'csv' ? CSV_FILTERS : XLSX_FILTERS)
    if (chosen === null) return { kind: 'cancelled' }
    const filePath = withExtension(chosen, request.format)
    await writer.write(filePath, await listFile(request.format, customers, date), { secret: false })
    return { kind: 'saved', filePath, rows: customers.length }
  }
}
