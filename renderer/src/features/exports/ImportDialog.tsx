import { useId, useState } from 'react'
import type { ImportPreview } from '../../../../main/common/contract'
import { formats } from '../../formats'
import { useDesk, useDeskApi } from '../../store/desk-context'
import { DialogForm } from '../../components/DialogForm'
import { ConfirmCheckbox } from '../../components/ConfirmCheckbox'
import { DUPLICATE_CONFIRM_LABEL, DUPLICATE_CONFIRM_MISSING, fileNameOf, plural } from './export-text'
import { ImportProblems, ImportRows } from './ImportTables'
import './exports.css'

/** What choosing a file gave: main's preview, or why the file could not be read at all. */
export type ImportStart = ImportPreview | { kind: 'failed'; message: string }

interface ImportDialogProps {
  start: ImportStart
  onClose(): void
}

/**
 * The preview of a CSV import: the rows it would create and every problem with its row and column.
 * Import stays disabled while the file has any problem: all rows are created, or none.
 */
export function ImportDialog({ start, onClose }: ImportDialogProps) {
  const api = useDeskApi()
  const loadCustomers = useDesk((state) => state.loadCustomers)
  const showNotice = useDesk((state) => state.showNotice)
  const ids = { summary: useId(), error: useId(), confirm: useId() }
  const [loaded, setLoaded] = useState<ImportStart>(start)
  const [confirmDuplicates, setConfirmDuplicates] = useState(false)
  const [duplicateError, setDuplicateError] = useState<string | undefined>()
  const [askDuplicates, setAskDuplicates] = useState(false)
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState<null | 'choosing' | 'importing'>(null)

  const preview = loaded.kind === 'preview' ? loaded : null
  const token = preview?.token ?? null
  const duplicates = preview?.duplicateCompanies ?? []
  const needsDuplicateConfirm = duplicates.length > 0 || askDuplicates
  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus())

  function forget() {
    if (token) void api.exports.discard({ token })
  }

  function close() {
    forget()
    onClose()
  }

  async function chooseAgain() {
    if (busy) return
    setBusy('choosing')
    const result = await api.exports.importPreview({})
    setBusy(null)
    if (result.ok && result.value.kind === 'cancelled') return
    forget()
    if (!result.ok) setLoaded({ kind: 'failed', message: result.error.message })
    else if (result.value.kind === 'preview') setLoaded(result.value)
    setConfirmDuplicates(false)
    setDuplicateError(undefined)
    setAskDuplicates(false)
    setFormError(null)
  }

  async function confirm() {
    if (busy || !preview || !token) return
    if (needsDuplicateConfirm && !confirmDuplicates) {
      setDuplicateError(DUPLICATE_CONFIRM_MISSING)
      focusLater(ids.confirm)
      return
    }
    setBusy('importing')
    setFormError(null)
    const result = await api.exports.importConfirm({ token, confirmDuplicateCompanies: confirmDuplicates })
    setBusy(null)
    if (result.ok) {
      await loadCustomers()
      showNotice('info', `Imported ${plural(result.value.created, 'customer')} from ${fileNameOf(preview.filePath)}.`)
      onClose()
      return
    }
    if (result.error.code === 'needs-confirmation') {
      // The desk changed since the preview and a company name now repeats.
      setAskDuplicates(true)
      setDuplicateError(result.error.message)
      focusLater(ids.confirm)
      return
    }
    // Main forgets an import it refused (the file or the desk changed): only a new preview can go on.
    if (result.error.code !== 'store-read-only' && result.error.code !== 'keychain-unavailable') setLoaded({ ...preview, token: null })
    setFormError(result.error.message)
    focusLater(ids.error)
  }

  const blocked = preview !== null && (preview.errors.length > 0 || token === null)
  return (
    <DialogForm
      title="Import customers from CSV"
      onEscape={close}
      className="modal--exports modal--wide"
      error={{ id: ids.error, message: formError }}
      onCancel={close}
      secondary={
        <button type="button" onClick={() => void chooseAgain()} aria-disabled={busy !== null || undefined}>
          Choose another file…
        </button>
      }
      primary={
        preview
          ? {
              label: blocked ? 'Import' : `Import ${plural(preview.rows.length, 'customer')}`,
              onClick: () => void confirm(),
              busy: busy !== null,
              busyLabel: busy === 'importing' ? 'Importing…' : undefined,
              whileBusy: 'aria-disabled',
              disabled: blocked,
              describedBy: ids.summary,
            }
          : undefined
      }
    >
      {loaded.kind === 'failed' ? (
        <p id={ids.summary} className="form-error" role="alert">
          {loaded.message}
        </p>
      ) : (
        <>
          <p className="import-file">
            File: <code>{loaded.filePath}</code>
          </p>
          {loaded.errors.length > 0 ? (
            <p id={ids.summary} className="form-error" role="alert">
              The file has {plural(loaded.errors.length, 'problem')}, so nothing can be imported:
              the import creates every row or none. Correct the file, save it, then choose it again.
              {loaded.rows.length === 1 ? ' The other row passed every check.' : ''}
              {loaded.rows.length > 1 ? ` The other ${plural(loaded.rows.length, 'row')} passed every check.` : ''}
            </p>
          ) : (
            <p id={ids.summary} className="import-summary" role="status">
              {plural(loaded.rows.length, 'customer')} will be created
              {countPasswords(loaded) > 0 ? `, ${formats.number(countPasswords(loaded))} with a Vault password that goes only to the keychain` : ''}. Nothing is
              written until you select Import.
            </p>
          )}
          {loaded.errors.length > 0 ? <ImportProblems caption={`Problems to fix (${loaded.errors.length})`} problems={loaded.errors} /> : null}
          {loaded.errors.length === 0 && needsDuplicateConfirm ? (
            <div className="note import-duplicates">
              <p>Only one account per real customer: these company names are already on the desk or repeat in the file.</p>
              {duplicates.length > 0 ? <ImportProblems caption={`Company names that already exist (${duplicates.length})`} problems={duplicates} /> : null}
              <ConfirmCheckbox
                id={ids.confirm}
                label={DUPLICATE_CONFIRM_LABEL}
                checked={confirmDuplicates}
                onChange={(checked) => {
                  setConfirmDuplicates(checked)
                  setDuplicateError(undefined)
                }}
                error={duplicateError}
              />
            </div>
          ) : null}
          {loaded.errors.length === 0 && loaded.rows.length > 0 ? <ImportRows rows={loaded.rows} /> : null}
        </>
      )}
    </DialogForm>
  )
}

const countPasswords = (preview: ImportPreview): number => preview.rows.filter((row) => row.withPassword).length
