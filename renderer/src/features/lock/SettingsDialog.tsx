import { useState, type FormEvent } from 'react'
import { IDLE_CHOICES, idleLabel, type IdleMinutes } from '../../../../main/common/lock-rules'
import { ModalDialog } from '../../components/ModalDialog'
import { FieldFrame } from '../../components/TextField'
import { useDeskApi } from '../../store/desk-context'
import { useLock } from './LockGate'
import { NO_LOCK_CONSEQUENCE } from './lock-text'
import { PassphraseSetupForm } from './PassphraseSetupForm'

const choiceValue = (minutes: IdleMinutes): string => (minutes === null ? 'never' : String(minutes))
const fromChoice = (value: string): IdleMinutes => IDLE_CHOICES.find((choice) => choiceValue(choice) === value) ?? null

/** When the desk locks by itself and, on a Mac, Touch ID; a desk without a lock can get a passphrase here. */
export function SettingsDialog({ onClose }: { onClose(): void }) {
  const api = useDeskApi()
  const { status, applyStatus } = useLock()
  const [idleMinutes, setIdleMinutes] = useState<IdleMinutes>(status.idleMinutes)
  const [touchId, setTouchId] = useState(status.touchId.enabled)
  const [failure, setFailure] = useState<string | null>(null)

  async function save(event: FormEvent) {
    event.preventDefault()
    const result = await api.lock.saveSettings({ idleMinutes, touchId })
    if (!result.ok) return setFailure(result.error.fields?.touchId ?? result.error.message)
    applyStatus(result.value)
    onClose()
  }

  return (
    <ModalDialog title="Settings" onEscape={onClose}>
      {status.hasPassphrase ? (
        <form className="modal__form" onSubmit={(event) => void save(event)}>
          <div className="modal__body">
            <FieldFrame label="Lock the desk after no input" hint="It also locks when the screen locks, when the computer sleeps, and with Lock or Ctrl+L (⌘L on a Mac).">
              {(control) => (
                <select {...control} value={choiceValue(idleMinutes)} onChange={(event) => setIdleMinutes(fromChoice(event.target.value))} data-autofocus>
                  {IDLE_CHOICES.map((choice) => (
                    <option key={choiceValue(choice)} value={choiceValue(choice)}>
                      {idleLabel(choice)}
                    </option>
                  ))}
                </select>
              )}
            </FieldFrame>
            {status.touchId.available ? (
              <label className="check">
                <input type="checkbox" checked={touchId} onChange={(event) => setTouchId(event.target.checked)} />
                <span>Unlock with Touch ID as well as the passphrase</span>
              </label>
            ) : null}
            {failure ? (
              <p className="field__error" role="alert">
                {failure}
              </p>
            ) : null}
          </div>
          <div className="modal__footer">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="primary">
              Save
            </button>
          </div>
        </form>
      ) : (
        <>
          <div className="modal__body">
            <p>This desk has no lock. {NO_LOCK_CONSEQUENCE.replace(' You can set a passphrase later in Settings.', '')}</p>
            <PassphraseSetupForm
              submitLabel="Set the passphrase"
              onDone={(next) => {
                applyStatus(next)
                onClose()
              }}
            />
          </div>
          <div className="modal__footer">
            <button type="button" onClick={onClose}>
              Close
            </button>
          </div>
        </>
      )}
    </ModalDialog>
  )
}
