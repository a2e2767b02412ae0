import type { CustomerListItem } from '../../../../main/common/contract'
import { formats } from '../../formats'
import { useDesk, useDeskApi } from '../../store/desk-context'

/**
 * Exports exactly the rows the list shows (the Data menu's list export takes every customer): the
 * rotation report as a CSV, through main's save dialog and the same list export.
 */
export function ExportShownButton({ customers }: { customers: readonly CustomerListItem[] }) {
  const api = useDeskApi()
  const showNotice = useDesk((state) => state.showNotice)

  async function exportShown() {
    const result = await api.exports.listExport({ format: 'csv', customerIds: customers.map((customer) => customer.id) })
    if (!result.ok) showNotice('error', `The CSV was not saved. ${result.error.message}`)
    else if (result.value.kind === 'saved') showNotice('info', `Exported ${formats.plural(result.value.rows, 'customer')} to ${result.value.filePath}`)
  }

  return (
    <button type="button" disabled={customers.length === 0} onClick={() => void exportShown()}>
      Export the {formats.plural(customers.length, 'customer')} shown (CSV)…
    </button>
  )
}
