import { useState, type FormEvent } from 'react'
import type { LockStatus } from '../../../../main/common/contract'
import { DESK_PASSPHRASE_MAX_LENGTH, touchIdOffered } from '../../../../main/common/lock-rules'
import { TextField } from '../../components/TextField'
import { useDeskApi } from '../../store/desk-context'
import { FORGOTTEN_PASSPHRASE } from './lock-text'
import { useRetryWait } from './use-retry-wait'

interface LockScreenProps {
  status: LockStatus
  onStatus(status: LockStatus): void
  onRetry(): Promise<void>
}

const waitText = (ms: number): string => {
  const whole = Math.ceil(ms / 1000)
  return `Wait ${whole === 1 ? '1 second' : `${whole} seconds`} before the next try.`
}

/** All the page shows while locked: the app's name, the passphrase field and the way back for a forgotten one; no customer data. */
export function LockScreen({ status, onStatus, onRetry }: LockScreenProps) {
  const api = useDeskApi()
  const [passphrase, setPassphrase] = useState('')
  const [message, setMessage] = useState<string | null>(status.retryInMs > 0 ? waitText(status.retryInMs) : null)
  const { waiting, startWait } = useRetryWait(status.retryInMs)
  const [busy, setBusy] = useState(false)

  async function settle(answer: { unlocked: boolean; retryInMs: number; message: string | null }) {
    if (answer.unlocked) {
      const next = await api.lock.status({})
      if (next.ok) onStatus(next.value)
      return
    }
    setMessage(answer.message)
    startWait(answer.retryInMs)
  }

  async function unlock(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    const result = await api.lock.unlock({ passphrase })
    setBusy(false)
    setPassphrase('')
    if (result.ok) await settle(result.value)
    else setMessage(result.error.message)
  }

  async function unlockWithTouchId() {
    setBusy(true)
    const result = await api.lock.unlockWithTouchId({})
    setBusy(false)
    if (result.ok) await settle(result.value)
    else setMessage(result.error.message)
  }

  const unavailable = status.state === 'keychain-unavailable'
  return (
    <div className="lock-page">
      <main className="lock-card" aria-labelledby="lock-title">
        <p className="lock-card__app">MSP Customer Desk</p>
        <h1 id="lock-title">The desk is locked</h1>
        {unavailable ? (
          <>
            <p role="alert">
              The desk lock&apos;s entry in the system keychain cannot be read: the keychain may be locked, or its service is not running. Unlock the keychain,
              then try again.
            </p>
            <button type="button" className="primary" onClick={() => void onRetry()}>
              Try again
            </button>
          </>
        ) : (
          <form className="lock-form" onSubmit={(event) => void unlock(event)} noValidate>
            <TextField
              id="desk-passphrase"
              label="Desk passphrase"
              type="password"
              value={passphrase}
              onChange={setPassphrase}
              autoComplete="current-password"
              spellCheck={false}
              maxLength={DESK_PASSPHRASE_MAX_LENGTH}
              autoFocus
              error={message ?? undefined}
            />
            <div className="lock-form__buttons">
              <button type="submit" className="primary" disabled={busy || waiting}>
                Unlock
              </button>
              {touchIdOffered({ ...status.touchId, hasPassphrase: status.hasPassphrase }) ? (
                <button type="button" disabled={busy} onClick={() => void unlockWithTouchId()}>
                  Unlock with Touch ID
                </button>
              ) : null}
            </div>
          </form>
        )}
        <details className="lock-card__forgot">
          <summary>Forgot the passphrase?</summary>
          {FORGOTTEN_PASSPHRASE.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </details>
      </main>
    </div>
  )
}
