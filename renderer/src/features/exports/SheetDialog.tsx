import { useId, useState, type FormEvent } from 'react'
import { PAPER_SIZES, type PaperSize, type SheetStarted } from '../../../../main/common/contract/exports'
import { useDesk, useDeskApi } from '../../store/desk-context'
import { DialogForm } from '../../components/DialogForm'
import { ConfirmCheckbox } from '../../components/ConfirmCheckbox'
import { passwordWords } from '../../../../main/common/vendors/password-words'
import { plural, sheetContents, SHEET_PASSWORD_CONFIRM_LABEL, SHEET_PASSWORD_CONFIRM_MISSING, SHEET_PASSWORD_WARNING } from './export-text'
import { SheetProgress } from './SheetProgress'
import './exports.css'

const PAPER_HINTS: Record<PaperSize, string> = { A4: '210 × 297 mm', Letter: '8.5 × 11 in' }

export interface SheetDialogProps {
  title: string
  /** The customers to print, in the order of their pages. */
  customerIds: string[]
  /** How many of them have the password vendor's account, i.e. a password that could be printed. */
  withVaultAccount: number
  onClose(): void
}

/** Options (paper, passwords after a warning), then main's save dialog, then the job's progress. */
export function SheetDialog({ title, customerIds, withVaultAccount, onClose }: SheetDialogProps) {
  const api = useDeskApi()
  const showNotice = useDesk((state) => state.showNotice)
  const ids = { confirm: useId(), warning: useId(), error: useId() }
  const [paperSize, setPaperSize] = useState<PaperSize>('A4')
  const [includePasswords, setIncludePasswords] = useState(false)
  const [includeOnboarding, setIncludeOnboarding] = useState(false)
  const [confirmed, setConfirmed] = useState(false)
  const [confirmError, setConfirmError] = useState<string | undefined>()
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [started, setStarted] = useState<SheetStarted | null>(null)

  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus())

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (busy) return
    if (includePasswords && !confirmed) {
      setConfirmError(SHEET_PASSWORD_CONFIRM_MISSING)
      focusLater(ids.confirm)
      return
    }
    setBusy(true)
    setFormError(null)
    const result = await api.exports.sheetStart({ customerIds, paperSize, includePasswords, confirmIncludePasswords: includePasswords && confirmed, includeOnboarding })
    setBusy(false)
    if (!result.ok) {
      if (result.error.code === 'needs-confirmation') {
        setConfirmError(result.error.message)
        focusLater(ids.confirm)
      } else {
        setFormError(result.error.message)
        focusLater(ids.error)
      }
      return
    }
    // The user closed the save dialog: stay here, nothing was made.
    if (result.value.kind === 'started') setStarted(result.value)
  }

  if (started) {
    return (
      <SheetProgress
        title={title}
        started={started}
        onClose={onClose}
        onCancelled={() => {
          showNotice('info', 'The customer sheets were cancelled; no file was saved.')
          onClose()
        }}
      />
    )
  }

  return (
    <DialogForm
      title={title}
      onEscape={onClose}
      className="modal--exports"
      onSubmit={submit}
      intro={
        <p className="field__hint">
          One printable page per customer ({plural(customerIds.length, 'page')}): {sheetContents()}. You choose where to save the PDF next.
        </p>
      }
      error={{ id: ids.error, message: formError }}
      onCancel={onClose}
      primary={{ label: 'Save PDF…', busy, busyLabel: 'Choosing where to save…', whileBusy: 'aria-disabled' }}
    >
      <fieldset className="choice-group">
        <legend>Paper size</legend>
        {PAPER_SIZES.map((size) => (
          <label key={size} className="check">
            <input
              type="radio"
              name="paper-size"
              value={size}
              checked={paperSize === size}
              onChange={() => setPaperSize(size)}
              data-autofocus={paperSize === size ? true : undefined}
            />
            <span>
              {size} <span className="check__detail">{PAPER_HINTS[size]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={includeOnboarding} onChange={(event) => setIncludeOnboarding(event.target.checked)} />
        <span>
          Include onboarding steps
          <span className="check__detail">Each service’s steps after the customer was created: done, with the date, or not yet.</span>
        </span>
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={includePasswords}
          aria-describedby={includePasswords ? ids.warning : undefined}
          onChange={(event) => {
            setIncludePasswords(event.target.checked)
            setConfirmed(false)
            setConfirmError(undefined)
          }}
        />
        <span>
          Include passwords
          <span className="check__detail">
            Read from the keychain for the customers with {passwordWords().anAccount} ({withVaultAccount} of {customerIds.length}).
          </span>
        </span>
      </label>
      {includePasswords ? (
        <div className="note note--warning sheet-warning">
          <p id={ids.warning}>
            <strong>Warning:</strong> {SHEET_PASSWORD_WARNING}
          </p>
          <ConfirmCheckbox
            id={ids.confirm}
            label={SHEET_PASSWORD_CONFIRM_LABEL}
            checked={confirmed}
            onChange={(checked) => {
              setConfirmed(checked)
              setConfirmError(undefined)
            }}
            error={confirmError}
          />
        </div>
      ) : null}
    </DialogForm>
  )
}
