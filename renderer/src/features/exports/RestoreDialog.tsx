import { useId, useReducer, type FormEvent } from 'react'
import { formats } from '../../formats'
import { useDesk, useDeskApi } from '../../store/desk-context'
import { DialogForm } from '../../components/DialogForm'
import { ConfirmCheckbox } from '../../components/ConfirmCheckbox'
import { formatWhen, plural } from './export-text'
import { PassphraseField } from '../../components/PassphraseField'
import { RestoreSummary } from './RestoreSummary'
import { firstRestoreStep, openedBackup, restoreStepReducer, type RestoreStart } from './restore-steps'
import './exports.css'

export type { RestoreStart } from './restore-steps'

/**
 * Restore in three steps, changing nothing before the last: the file (chosen in main's dialog), the
 * passphrase (main decrypts and checks every byte), then what it would add and replace, confirmed.
 */
export function RestoreDialog({ start, onClose }: { start: RestoreStart; onClose(): void }) {
  const api = useDeskApi()
  const loadCustomers = useDesk((state) => state.loadCustomers)
  const showNotice = useDesk((state) => state.showNotice)
  const ids = { passphrase: useId(), error: useId(), confirm: useId(), restore: useId() }
  const [state, dispatch] = useReducer(restoreStepReducer, start, (first) => firstRestoreStep(first))
  // Each step is its own dialog mount (see the keys below), so the focus moves into the new step.

  const opened = openedBackup(state)
  const busy = state.step === 'done' ? null : state.busy
  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus())

  function close() {
    // Main holds the decrypted backup until told to forget it (or for ten minutes at most).
    if (opened) void api.exports.discard({ token: opened.token })
    onClose()
  }

  async function chooseAgain() {
    if (busy || (state.step !== 'failed' && state.step !== 'passphrase')) return
    dispatch({ type: 'choose-started' })
    const result = await api.exports.restoreOpen({})
    const chosen: RestoreStart | null = !result.ok ? { kind: 'failed', message: result.error.message } : result.value.kind === 'opened' ? result.value : null
    if (!chosen) {
      dispatch({ type: 'choose-cancelled' })
      return
    }
    if (opened) void api.exports.discard({ token: opened.token })
    dispatch({ type: 'chosen', start: chosen })
  }

  async function check(event: FormEvent) {
    event.preventDefault()
    if (state.step !== 'passphrase' || state.busy) return
    dispatch({ type: 'check-started' })
    const result = await api.exports.restoreCheck({ token: state.opened.token, passphrase: state.passphrase })
    if (result.ok) {
      dispatch({ type: 'checked', preview: result.value })
      return
    }
    const fieldError = result.error.fields?.passphrase
    dispatch({ type: 'check-failed', passphraseError: fieldError, message: result.error.message })
    focusLater(fieldError ? ids.passphrase : ids.error)
  }

  async function restore() {
    if (state.step !== 'summary' || state.busy) return
    if (state.preview.replace > 0 && !state.confirmReplace) {
      dispatch({ type: 'confirm-missing' })
      focusLater(ids.confirm)
      return
    }
    dispatch({ type: 'restore-started' })
    const result = await api.exports.restoreConfirm({ token: state.opened.token })
    if (!result.ok) {
      dispatch({ type: 'restore-failed', message: result.error.message })
      focusLater(ids.error)
      return
    }
    dispatch({ type: 'restored' })
    await loadCustomers()
    const { added, replaced, passwords } = result.value
    showNotice('info', `Restored the backup: added ${plural(added, 'customer')} and replaced ${formats.number(replaced)}; ${plural(passwords, 'password')} put in the keychain.`)
    onClose()
  }

  const formError = state.step === 'passphrase' || state.step === 'summary' ? state.formError : null
  const error = { id: ids.error, message: formError }
  const chooseButton = (
    <button type="button" onClick={() => void chooseAgain()} aria-disabled={busy !== null || undefined}>
      Choose another file…
    </button>
  )

  if (state.step === 'failed') {
    return (
      <DialogForm key="failed" title="Restore from a backup" onEscape={close} className="modal--exports" onCancel={close} secondary={chooseButton}>
        <p className="form-error" role="alert">
          {state.message}
        </p>
      </DialogForm>
    )
  }

  if (state.step === 'summary' || state.step === 'done') {
    const { preview } = state
    const confirmReplace = state.step === 'summary' && state.confirmReplace
    const replaceError = state.step === 'summary' ? state.replaceError : undefined
    const blocked = preview.conflicts.length > 0
    return (
      <DialogForm
        key="preview"
        title="Restore from a backup"
        onEscape={close}
        className="modal--exports modal--wide"
        error={error}
        onCancel={close}
        primary={{
          label: `Restore ${plural(preview.customers, 'customer')}`,
          onClick: () => void restore(),
          busy: busy !== null,
          busyLabel: busy === 'restoring' ? 'Restoring…' : undefined,
          whileBusy: 'aria-disabled',
          disabled: blocked,
          autoFocus: !blocked,
        }}
      >
        <RestoreSummary filePath={state.opened.filePath} preview={preview} />
        {!blocked && preview.replace > 0 ? (
          <ConfirmCheckbox
            id={ids.confirm}
            label={`Replace the ${plural(preview.replace, 'customer')} on this desk with the backup’s version`}
            checked={confirmReplace}
            onChange={(checked) => dispatch({ type: 'confirm-changed', checked })}
            error={replaceError}
          />
        ) : null}
      </DialogForm>
    )
  }

  return (
    <DialogForm
      key="passphrase"
      title="Restore from a backup"
      onEscape={close}
      className="modal--exports"
      onSubmit={check}
      intro={
        <>
          <p className="import-file">
            File: <code>{state.opened.filePath}</code>
          </p>
          <p>Made {formatWhen(state.opened.createdAt)}. Nothing on this desk changes until you confirm, after the backup has been checked.</p>
        </>
      }
      error={error}
      onCancel={close}
      secondary={chooseButton}
      primary={{ label: 'Check backup', busy: busy !== null, busyLabel: busy === 'checking' ? 'Checking…' : undefined, whileBusy: 'aria-disabled' }}
    >
      <PassphraseField
        id={ids.passphrase}
        label="Backup passphrase"
        value={state.passphrase}
        onChange={(value) => dispatch({ type: 'passphrase-typed', value })}
        error={state.passphraseError}
        hint="The passphrase typed when the backup was made."
        shown={state.shown}
        onToggleShown={() => dispatch({ type: 'shown-toggled' })}
        autoComplete="current-password"
        autoFocus
      />
    </DialogForm>
  )
}
