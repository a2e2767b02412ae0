import { useState, type FormEvent } from 'react'
import type { LockStatus } from '../../../../main/common/contract'
import { IDLE_CHOICES, idleLabel, type IdleMinutes } from '../../../../main/common/lock-rules'
import { ModalDialog } from '../../components/ModalDialog'
import { FieldFrame } from '../../components/TextField'
import { useDesk, useDeskApi } from '../../store/desk-context'
import { useLock } from './LockGate'
import { LOCK_TURNED_OFF, NO_LOCK_CONSEQUENCE_HERE, PASSPHRASE_CHANGED } from './lock-text'
import { PassphraseSetupForm } from './PassphraseSetupForm'
import { TurnLockOffForm } from './TurnLockOffForm'

const choiceValue = (minutes: IdleMinutes): string => (minutes === null ? 'never' : String(minutes))
const fromChoice = (value: string): IdleMinutes => IDLE_CHOICES.find((choice) => choiceValue(choice) === value) ?? null

/** What the dialog shows: the settings, or one of the two changes that need the current passphrase. */
type View = 'settings' | 'change-passphrase' | 'turn-off'

/**
 * When the desk locks by itself and, on a Mac, Touch ID; the passphrase can be changed or the lock
 * turned off here (each with the current passphrase), and a desk without a lock can get one.
 */
export function SettingsDialog({ onClose }: { onClose(): void }) {
  const { status, applyStatus, refresh } = useLock()
  const showNotice = useDesk((state) => state.showNotice)
  const [view, setView] = useState<View>('settings')
  const finish = (next: LockStatus, notice: string) => {
    applyStatus(next)
    showNotice('info', notice)
    onClose()
  }
  const back = (
    <div className="modal__footer">
      <button type="button" onClick={() => setView('settings')}>
        Back
      </button>
    </div>
  )

  return (
    <ModalDialog title="Settings" onEscape={onClose}>
      {!status.hasPassphrase ? (
        <NoLockSettings
          onClose={onClose}
          onDone={(next) => {
            applyStatus(next)
            onClose()
          }}
        />
      ) : view === 'change-passphrase' ? (
        <>
          <div className="modal__body">
            <h3 className="settings__step">Change the desk passphrase</h3>
            <PassphraseSetupForm change submitLabel="Change the passphrase" onDone={(next) => finish(next, PASSPHRASE_CHANGED)} onFailure={() => void refresh()} />
          </div>
          {back}
        </>
      ) : view === 'turn-off' ? (
        <>
          <div className="modal__body">
            <h3 className="settings__step">Turn the lock off</h3>
            <TurnLockOffForm touchIdEnabled={status.touchId.enabled} onDone={(next) => finish(next, LOCK_TURNED_OFF)} onFailure={() => void refresh()} />
          </div>
          {back}
        </>
      ) : (
        <LockSettingsForm status={status} onClose={onClose} onSaved={applyStatus} onChoose={setView} />
      )}
    </ModalDialog>
  )
}

interface LockSettingsFormProps {
  status: LockStatus
  onClose(): void
  onSaved(status: LockStatus): void
  onChoose(view: Exclude<View, 'settings'>): void
}

function LockSettingsForm({ status, onClose, onSaved, onChoose }: LockSettingsFormProps) {
  const api = useDeskApi()
  const [idleMinutes, setIdleMinutes] = useState<IdleMinutes>(status.idleMinutes)
  const [touchId, setTouchId] = useState(status.touchId.enabled)
  const [failure, setFailure] = useState<string | null>(null)

  async function save(event: FormEvent) {
    event.preventDefault()
    const result = await api.lock.saveSettings({ idleMinutes, touchId })
    if (!result.ok) return setFailure(result.error.fields?.touchId ?? result.error.message)
    onSaved(result.value)
    onClose()
  }

  return (
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
        <section className="settings__passphrase" aria-labelledby="settings-passphrase-title">
          <h3 id="settings-passphrase-title">Desk passphrase</h3>
          <div className="settings__buttons">
            <button type="button" onClick={() => onChoose('change-passphrase')}>
              Change passphrase…
            </button>
            <button type="button" onClick={() => onChoose('turn-off')}>
              Turn the lock off…
            </button>
          </div>
        </section>
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
  )
}

function NoLockSettings({ onClose, onDone }: { onClose(): void; onDone(status: LockStatus): void }) {
  return (
    <>
      <div className="modal__body">
        <p>This desk has no lock. {NO_LOCK_CONSEQUENCE_HERE}</p>
        <h3 className="settings__step">Set a passphrase</h3>
        <PassphraseSetupForm submitLabel="Set the passphrase" onDone={onDone} />
      </div>
      <div className="modal__footer">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </>
  )
}
