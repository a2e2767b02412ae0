import { useId, useState, type FormEvent } from 'react'
import type { RestoreOpened, RestorePreview } from '../../../../main/common/contract'
import { formats } from '../../formats'
import { useDesk, useDeskApi } from '../../store/desk-context'
import { ModalDialog } from '../../components/ModalDialog'
import { ConfirmCheckbox } from '../../components/ConfirmCheckbox'
import { formatWhen, plural, RESTORE_REPLACE_CONFIRM_MISSING } from './export-text'
import { PassphraseField } from '../../components/PassphraseField'
import { RestoreSummary } from './RestoreSummary'
import './exports.css'

/** What choosing a file gave: a backup waiting for its passphrase, or why the file is not one. */
export type RestoreStart = RestoreOpened | { kind: 'failed'; message: string }

/**
 * Restore in three steps, changing nothing before the last: the file (chosen in main's dialog), the
 * passphrase (main decrypts and checks every byte), then what it would add and replace, confirmed.
 */
export function RestoreDialog({ start, onClose }: { start: RestoreStart; onClose(): void }) {
  const api = useDeskApi()
  const loadCustomers = useDesk((state) => state.loadCustomers)
  const showNotice = useDesk((state) => state.showNotice)
  const ids = { passphrase: useId(), error: useId(), confirm: useId(), restore: useId() }
  const [loaded, setLoaded] = useState<RestoreStart>(start)
  const [preview, setPreview] = useState<RestorePreview | null>(null)
  const [passphrase, setPassphrase] = useState('')
  const [shown, setShown] = useState(false)
  const [passphraseError, setPassphraseError] = useState<string | undefined>()
  const [confirmReplace, setConfirmReplace] = useState(false)
  const [replaceError, setReplaceError] = useState<string | undefined>()
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState<null | 'choosing' | 'checking' | 'restoring'>(null)
  // Each step is its own dialog mount (see the keys below), so the focus moves into the new step.

  const opened = loaded.kind === 'opened' ? loaded : null
  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus())

  function close() {
    // Main holds the decrypted backup until told to forget it (or for ten minutes at most).
    if (opened) void api.exports.discard({ token: opened.token })
    onClose()
  }

  async function chooseAgain() {
    if (busy) return
    setBusy('choosing')
    const result = await api.exports.restoreOpen({})
    setBusy(null)
    if (result.ok && result.value.kind === 'cancelled') return
    if (opened) void api.exports.discard({ token: opened.token })
    if (!result.ok) setLoaded({ kind: 'failed', message: result.error.message })
    else if (result.value.kind === 'opened') setLoaded(result.value)
    setPreview(null)
    setPassphrase('')
    setPassphraseError(undefined)
    setConfirmReplace(false)
    setReplaceError(undefined)
    setFormError(null)
  }

  async function check(event: FormEvent) {
    event.preventDefault()
    if (busy || !opened) return
    setBusy('checking')
    setFormError(null)
    const result = await api.exports.restoreCheck({ token: opened.token, passphrase })
    setBusy(null)
    if (result.ok) {
      setPassphrase('')
      setPreview(result.value)
      return
    }
    const fieldError = result.error.fields?.passphrase
    setPassphraseError(fieldError)
    setFormError(fieldError ? null : result.error.message)
    focusLater(fieldError ? ids.passphrase : ids.error)
  }

  async function restore() {
    if (busy || !opened || !preview) return
    if (preview.replace > 0 && !confirmReplace) {
      setReplaceError(RESTORE_REPLACE_CONFIRM_MISSING)
      focusLater(ids.confirm)
      return
    }
    setBusy('restoring')
    setFormError(null)
    const result = await api.exports.restoreConfirm({ token: opened.token })
    setBusy(null)
    if (!result.ok) {
      setFormError(result.error.message)
      focusLater(ids.error)
      return
    }
    await loadCustomers()
    const { added, replaced, passwords } = result.value
    showNotice('info', `Restored the backup: added ${plural(added, 'customer')} and replaced ${formats.number(replaced)}; ${plural(passwords, 'password')} put in the keychain.`)
    onClose()
  }

  const errorBox = formError ? (
    <p id={ids.error} className="form-error" role="alert" tabIndex={-1}>
      {formError}
    </p>
  ) : null
  const chooseButton = (
    <button type="button" onClick={() => void chooseAgain()} aria-disabled={busy !== null || undefined}>
      Choose another file…
    </button>
  )
  const cancelButton = (
    <button type="button" onClick={close}>
      Cancel
    </button>
  )

  if (!opened) {
    return (
      <ModalDialog key="failed" title="Restore from a backup" onEscape={close} className="modal--exports">
        <div className="modal__body">
          <p className="form-error" role="alert">
            {loaded.kind === 'failed' ? loaded.message : ''}
          </p>
        </div>
        <div className="modal__footer">
          {cancelButton}
          {chooseButton}
        </div>
      </ModalDialog>
    )
  }

  if (preview) {
    const blocked = preview.conflicts.length > 0
    return (
      <ModalDialog key="preview" title="Restore from a backup" onEscape={close} className="modal--exports modal--wide">
        <div className="modal__body">
          {errorBox}
          <RestoreSummary filePath={opened.filePath} preview={preview} />
          {!blocked && preview.replace > 0 ? (
            <ConfirmCheckbox
              id={ids.confirm}
              label={`Replace the ${plural(preview.replace, 'customer')} on this desk with the backup’s version`}
              checked={confirmReplace}
              onChange={(checked) => {
                setConfirmReplace(checked)
                setReplaceError(undefined)
              }}
              error={replaceError}
            />
          ) : null}
        </div>
        <div className="modal__footer">
          {cancelButton}
          <button type="button" className="primary" onClick={() => void restore()} disabled={blocked} aria-disabled={busy !== null || undefined} data-autofocus={blocked ? undefined : true}>
            {busy === 'restoring' ? 'Restoring…' : `Restore ${plural(preview.customers, 'customer')}`}
          </button>
        </div>
      </ModalDialog>
    )
  }

  return (
    <ModalDialog key="passphrase" title="Restore from a backup" onEscape={close} className="modal--exports">
      <form className="modal__form" noValidate onSubmit={check}>
        <div className="modal__body">
          <p className="import-file">
            File: <code>{opened.filePath}</code>
          </p>
          <p>Made {formatWhen(opened.createdAt)}. Nothing on this desk changes until you confirm, after the backup has been checked.</p>
          {errorBox}
          <PassphraseField
            id={ids.passphrase}
            label="Backup passphrase"
            value={passphrase}
            onChange={(value) => {
              setPassphrase(value)
              setPassphraseError(undefined)
            }}
            error={passphraseError}
            hint="The passphrase typed when the backup was made."
            shown={shown}
            onToggleShown={() => setShown(!shown)}
            autoComplete="current-password"
            autoFocus
          />
        </div>
        <div className="modal__footer">
          {cancelButton}
          {chooseButton}
          <button type="submit" className="primary" aria-disabled={busy !== null || undefined}>
            {busy === 'checking' ? 'Checking…' : 'Check backup'}
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
