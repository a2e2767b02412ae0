import { useState } from 'react'
import type { CustomerListItem, ListFormat } from '../../../../main/common/contract'
import { useDesk, useDeskApi } from '../../store/desk-context'
import { plural, sheetsTitle } from './export-text'
import { SheetDialog } from './SheetDialog'
import './exports.css'
import { holdsPassword } from '../../../../main/common/vendors/accounts'

const FORMAT_NAMES: Record<ListFormat, string> = { csv: 'CSV', xlsx: 'spreadsheet' }

/** Sheets and the list export for the customers selected in the list, in the list's order. */
export function SelectionExports({ customers }: { customers: CustomerListItem[] }) {
  const api = useDeskApi()
  const showNotice = useDesk((state) => state.showNotice)
  const [sheetsFor, setSheetsFor] = useState<CustomerListItem[] | null>(null)
  // While main's save dialog is open, a second click would open a second one.
  const [waiting, setWaiting] = useState(false)
  const ids = customers.map((customer) => customer.id)

  async function exportList(format: ListFormat) {
    if (waiting) return
    setWaiting(true)
    const result = await api.exports.listExport({ format, customerIds: ids }).finally(() => setWaiting(false))
    if (!result.ok) showNotice('error', `The ${FORMAT_NAMES[format]} was not saved. ${result.error.message}`)
    else if (result.value.kind === 'saved') showNotice('info', `Exported ${plural(result.value.rows, 'customer')} to ${result.value.filePath}`)
  }

  return (
    <>
      <button type="button" onClick={() => setSheetsFor(customers)}>
        Sheets (PDF)…
      </button>
      <button type="button" aria-disabled={waiting || undefined} onClick={() => void exportList('csv')}>
        Export CSV…
      </button>
      <button type="button" aria-disabled={waiting || undefined} onClick={() => void exportList('xlsx')}>
        Export spreadsheet…
      </button>
      {sheetsFor ? (
        <SheetDialog
          title={sheetsTitle(sheetsFor.length, { all: false })}
          customerIds={sheetsFor.map((customer) => customer.id)}
          withVaultAccount={sheetsFor.filter(holdsPassword).length}
          onClose={() => setSheetsFor(null)}
        />
      ) : null}
    </>
  )
}
