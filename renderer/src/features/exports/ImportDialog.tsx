import { useId, useState } from 'react'
import type { ImportPreview, ImportProblem, PasswordImportPreview } from '../../../../main/common/contract'
import { formats } from '../../formats'
import { useDesk, useDeskApi } from '../../store/desk-context'
import { ModalDialog } from '../../components/ModalDialog'
import { ConfirmCheckbox } from '../../components/ConfirmCheckbox'
import { DUPLICATE_CONFIRM_LABEL, DUPLICATE_CONFIRM_MISSING, fileNameOf, plural } from './export-text'
import { ImportProblems, ImportRows } from './ImportTables'
import { ImportMappingStep, type MappingChoice } from './import-mapping/ImportMappingStep'
import { LeftOutRows } from './import-mapping/LeftOutRows'
import { mappingSourceText } from './import-mapping/mapping-text'
import { PasswordImportView } from './import-mapping/PasswordImportView'
import './import-mapping/import-mapping.css'
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
  const [busy, setBusy] = useState<null | 'choosing' | 'importing' | 'checking'>(null)
  // The mapping step: shown first for a file whose columns nobody knows, and on "Change column mapping…".
  const [step, setStep] = useState<'mapping' | 'preview' | 'passwords'>(stepFor(start))
  const [choice, setChoice] = useState<MappingChoice | null>(choiceFor(start))
  const [mappingProblems, setMappingProblems] = useState<ImportProblem[]>([])
  const [passwords, setPasswords] = useState<PasswordImportPreview | null>(null)

  const preview = loaded.kind === 'preview' ? loaded : null
  const token = preview?.token ?? null
  const duplicates = preview?.duplicateCompanies ?? []
  const needsDuplicateConfirm = duplicates.length > 0 || askDuplicates
  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus())

  function forget() {
    if (token) void api.exports.discard({ token })
    if (passwords?.token) void api.exports.discard({ token: passwords.token })
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
    const next: ImportStart = result.ok ? (result.value as ImportPreview) : { kind: 'failed', message: result.error.message }
    setLoaded(next)
    setStep(stepFor(next))
    setChoice(choiceFor(next))
    setMappingProblems([])
    setPasswords(null)
    setConfirmDuplicates(false)
    setDuplicateError(undefined)
    setAskDuplicates(false)
    setFormError(null)
  }

  /** Checks the file with the chosen mapping; problems with the mapping itself keep the user at the mapping step. */
  async function previewMapping() {
    if (busy || !preview || !choice) return
    setBusy('checking')
    setFormError(null)
    const fileToken = preview.columns.fileToken
    const preset = choice.preset ?? undefined
    const result =
      choice.mode === 'customers'
        ? await api.exports.importRemap({ fileToken, mapping: choice.mapping, preset })
        : await api.exports.passwordImportPreview({ fileToken, mapping: choice.mapping, matchBy: choice.matchBy, preset })
    setBusy(null)
    if (!result.ok) {
      setFormError(result.error.message)
      focusLater(ids.error)
      return
    }
    const headerProblems = result.value.errors.filter((problem) => problem.row === 1)
    setMappingProblems(headerProblems)
    if (headerProblems.length > 0) return
    forget()
    if ('kind' in result.value) {
      setLoaded(result.value)
      setPasswords(null)
      setStep('preview')
    } else {
      setLoaded({ ...preview, token: null })
      setPasswords(result.value)
      setStep('passwords')
    }
  }

  async function saveMapping(name: string): Promise<string | null> {
    if (!preview || !choice) return null
    const result = await api.exports.importSaveMapping({ fileToken: preview.columns.fileToken, name, mapping: choice.mapping, preset: choice.preset ?? undefined })
    if (result.ok) return null
    return result.error.fields?.name ?? result.error.message
  }

  async function confirmPasswords() {
    if (busy || !preview || !passwords?.token) return
    setBusy('importing')
    setFormError(null)
    const result = await api.exports.passwordImportConfirm({ token: passwords.token })
    setBusy(null)
    if (result.ok) {
      await loadCustomers()
      const { changed, unchanged } = result.value
      const same = unchanged > 0 ? ` ${plural(unchanged, { one: '# was', other: '# were' })} already the customer’s.` : ''
      showNotice('info', `Set ${plural(changed, { one: '# Vault password', other: '# Vault passwords' })} from ${fileNameOf(preview.filePath)}.${same}`)
      onClose()
      return
    }
    if (result.error.code !== 'store-read-only' && result.error.code !== 'keychain-unavailable') setPasswords({ ...passwords, token: null })
    setFormError(result.error.message)
    focusLater(ids.error)
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
    <ModalDialog title="Import customers from CSV" onEscape={close} className="modal--exports modal--wide">
      <div className="modal__body">
        {formError ? (
          <p id={ids.error} className="form-error" role="alert" tabIndex={-1}>
            {formError}
          </p>
        ) : null}
        {loaded.kind === 'failed' ? (
          <p id={ids.summary} className="form-error" role="alert">
            {loaded.message}
          </p>
        ) : step === 'mapping' && choice ? (
          <>
            <p className="import-file">
              File: <code>{loaded.filePath}</code>
            </p>
            <ImportMappingStep
              columns={loaded.columns}
              choice={choice}
              onChange={(next) => {
                setChoice(next)
                setMappingProblems([])
              }}
              problems={mappingProblems}
              busy={busy !== null}
              onPreview={() => void previewMapping()}
              onSave={saveMapping}
            />
          </>
        ) : step === 'passwords' && passwords ? (
          <>
            <p className="import-file">
              File: <code>{loaded.filePath}</code>
            </p>
            <ChangeMapping onChange={() => setStep('mapping')} text="Vault passwords for customers already on the desk." />
            <PasswordImportView preview={passwords} summaryId={ids.summary} />
          </>
        ) : (
          <>
            <p className="import-file">
              File: <code>{loaded.filePath}</code>
            </p>
            {loaded.columns.source.kind !== 'desk' ? <ChangeMapping onChange={() => setStep('mapping')} text={mappingSourceText(loaded.columns.source)} /> : null}
            {loaded.errors.length > 0 ? (
              <p id={ids.summary} className="form-error" role="alert">
                The file has {plural(loaded.errors.length, 'problem')}, so nothing can be imported:
                the import creates every row or none. Correct the file, save it, then choose it again.
                {loaded.rows.length === 1 ? ' The other row passed every check.' : ''}
                {loaded.rows.length > 1 ? ` The other ${plural(loaded.rows.length, 'row')} passed every check.` : ''}
              </p>
            ) : loaded.rows.length === 0 ? (
              <p id={ids.summary} className="import-summary" role="status">
                No row of the file is left to import.
              </p>
            ) : (
              <p id={ids.summary} className="import-summary" role="status">
                {plural(loaded.rows.length, 'customer')} will be created
                {countPasswords(loaded) > 0 ? `, ${formats.number(countPasswords(loaded))} with a Vault password that goes only to the keychain` : ''}. Nothing is
                written until you select Import.
              </p>
            )}
            <LeftOutRows leftOut={loaded.leftOut} />
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
      </div>
      <div className="modal__footer">
        <button type="button" onClick={close}>
          Cancel
        </button>
        <button type="button" onClick={() => void chooseAgain()} aria-disabled={busy !== null || undefined}>
          Choose another file…
        </button>
        {preview && step === 'passwords' && passwords ? (
          <button type="button" className="primary" onClick={() => void confirmPasswords()} disabled={passwords.token === null} aria-disabled={busy !== null || undefined} aria-describedby={ids.summary}>
            {busy === 'importing' ? 'Setting…' : passwords.token === null ? 'Set passwords' : `Set ${plural(passwords.matched.length, { one: '# Vault password', other: '# Vault passwords' })}`}
          </button>
        ) : null}
        {preview && step === 'preview' ? (
          <button type="button" className="primary" onClick={() => void confirm()} disabled={blocked} aria-disabled={busy !== null || undefined} aria-describedby={ids.summary}>
            {busy === 'importing' ? 'Importing…' : blocked ? 'Import' : `Import ${plural(preview.rows.length, 'customer')}`}
          </button>
        ) : null}
      </div>
    </ModalDialog>
  )
}

/** Where the columns' mapping came from, with the way back to the mapping step. */
function ChangeMapping({ text, onChange }: { text: string; onChange(): void }) {
  return (
    <p className="import-columns">
      {text}{' '}
      <button type="button" className="link-button" onClick={onChange}>
        Change column mapping…
      </button>
    </p>
  )
}

const stepFor = (start: ImportStart): 'mapping' | 'preview' => (start.kind === 'preview' && start.columns.source.kind === 'none' ? 'mapping' : 'preview')
const choiceFor = (start: ImportStart): MappingChoice | null =>
  start.kind === 'preview' ? { mapping: start.columns.mapping, mode: 'customers', matchBy: 'username', preset: start.columns.preset } : null

const countPasswords = (preview: ImportPreview): number => preview.rows.filter((row) => row.withPassword).length
