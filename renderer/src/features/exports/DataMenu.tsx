import { useState } from 'react'
import type { ListFormat } from '../../../../main/common/contract'
import { useMenuCommands } from '../../components/use-menu-commands'
import { useDesk, useDeskApi } from '../../store/desk-context'
import { BackupDialog } from './BackupDialog'
import { plural, sheetsTitle } from './export-text'
import { ImportDialog, type ImportStart } from './ImportDialog'
import { MenuButton, type MenuItem } from '../../components/MenuButton'
import { RestoreDialog, type RestoreStart } from './RestoreDialog'
import { SheetDialog } from './SheetDialog'
import './exports.css'
import { byCompanyName } from '../../../../main/common/company-order'
import { holdsPassword } from '../../../../main/common/vendors/accounts'

type Open =
  | null
  | { kind: 'sheets'; customerIds: string[]; withVaultAccount: number }
  | { kind: 'import'; start: ImportStart }
  | { kind: 'backup' }
  | { kind: 'restore'; start: RestoreStart }

const FORMAT_NAMES: Record<ListFormat, string> = { csv: 'CSV', xlsx: 'spreadsheet' }
const NO_CUSTOMERS = 'No customers yet'

/** The header's "Data" menu: sheets, list export, import, backup and restore. Main opens every file dialog. */
export function DataMenu() {
  const api = useDeskApi()
  const customers = useDesk((state) => state.customers)
  const showNotice = useDesk((state) => state.showNotice)
  const [open, setOpen] = useState<Open>(null)
  // While main's file dialog is open, a second pick would open a second one.
  const [waiting, setWaiting] = useState(false)

  async function whileWaiting<T>(action: () => Promise<T>): Promise<T> {
    setWaiting(true)
    try {
      return await action()
    } finally {
      setWaiting(false)
    }
  }

  function openSheets() {
    // The list's search and filter stay inside the list, so the sheets cover every customer, by company name.
    const sorted = [...customers].sort(byCompanyName)
    setOpen({ kind: 'sheets', customerIds: sorted.map((customer) => customer.id), withVaultAccount: sorted.filter(holdsPassword).length })
  }

  async function exportList(format: ListFormat) {
    const result = await whileWaiting(() => api.exports.listExport({ format }))
    if (!result.ok) showNotice('error', `The ${FORMAT_NAMES[format]} was not saved. ${result.error.message}`)
    else if (result.value.kind === 'saved') showNotice('info', `Exported ${plural(result.value.rows, 'customer')} to ${result.value.filePath}`)
  }

  async function startImport() {
    const result = await whileWaiting(() => api.exports.importPreview({}))
    if (!result.ok) setOpen({ kind: 'import', start: { kind: 'failed', message: result.error.message } })
    else if (result.value.kind !== 'cancelled') setOpen({ kind: 'import', start: result.value })
  }

  async function startRestore() {
    const result = await whileWaiting(() => api.exports.restoreOpen({}))
    if (!result.ok) setOpen({ kind: 'restore', start: { kind: 'failed', message: result.error.message } })
    else if (result.value.kind !== 'cancelled') setOpen({ kind: 'restore', start: result.value })
  }

  const empty = customers.length === 0 ? NO_CUSTOMERS : undefined
  const items: MenuItem[] = [
    { label: 'Customer sheets (PDF)…', disabledReason: empty, onSelect: openSheets },
    { label: 'Export list as CSV…', disabledReason: empty, onSelect: () => void exportList('csv') },
    { label: 'Export list as spreadsheet (.xlsx)…', disabledReason: empty, onSelect: () => void exportList('xlsx') },
    { label: 'Import customers from CSV…', separatorBefore: true, onSelect: () => void startImport() },
    { label: 'Back up the desk…', separatorBefore: true, onSelect: () => setOpen({ kind: 'backup' }) },
    { label: 'Restore from a backup…', onSelect: () => void startRestore() },
  ]

  // The application menu's File items are these same actions; nothing happens while a file dialog is already open.
  const unlessWaiting = (action: () => void) => () => {
    if (!waiting) action()
  }
  const whenNotEmpty = (action: () => void) => () => {
    if (empty) showNotice('error', `${NO_CUSTOMERS}: there is nothing to export.`)
    else action()
  }
  useMenuCommands({
    import: unlessWaiting(() => void startImport()),
    'export-sheets': unlessWaiting(whenNotEmpty(openSheets)),
    'export-csv': unlessWaiting(whenNotEmpty(() => void exportList('csv'))),
    'export-xlsx': unlessWaiting(whenNotEmpty(() => void exportList('xlsx'))),
    backup: unlessWaiting(() => setOpen({ kind: 'backup' })),
    restore: unlessWaiting(() => void startRestore()),
  })

  const close = () => setOpen(null)
  return (
    <>
      <MenuButton label="Data" items={items} busy={waiting} />
      {open?.kind === 'sheets' ? (
        <SheetDialog
          title={sheetsTitle(open.customerIds.length, { all: true })}
          customerIds={open.customerIds}
          withVaultAccount={open.withVaultAccount}
          onClose={close}
        />
      ) : null}
      {open?.kind === 'import' ? <ImportDialog start={open.start} onClose={close} /> : null}
      {open?.kind === 'backup' ? <BackupDialog onClose={close} /> : null}
      {open?.kind === 'restore' ? <RestoreDialog start={open.start} onClose={close} /> : null}
    </>
  )
}
