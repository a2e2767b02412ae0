import { useState } from 'react'
import type { LockStatus } from '../../../../main/common/contract'
import { ConfirmCheckbox } from '../../components/ConfirmCheckbox'
import { useDeskApi } from '../../store/desk-context'
import { FIRST_START_KEPT, FIRST_START_WHY, NO_LOCK_CONFIRM, NO_LOCK_CONSEQUENCE } from './lock-text'
import { PassphraseSetupForm } from './PassphraseSetupForm'

/** The first start: a desk passphrase, or the explicit choice of no lock with its consequence said. */
export function FirstStartScreen({ onDone }: { onDone(status: LockStatus): void }) {
  const api = useDeskApi()
  const [understood, setUnderstood] = useState(false)
  const [confirmError, setConfirmError] = useState<string | undefined>()
  const [failure, setFailure] = useState<string | null>(null)

  async function continueWithoutLock() {
    if (!understood) return setConfirmError('Tick the box to go on without a lock, or set a passphrase above.')
    const result = await api.lock.setUp({ choice: 'none' })
    if (result.ok) onDone(result.value)
    else setFailure(result.error.message)
  }

  return (
    <div className="lock-page">
      <main className="lock-card" aria-labelledby="first-start-title">
        <p className="lock-card__app">MSP Customer Desk</p>
        <h1 id="first-start-title">Protect this desk with a passphrase</h1>
        <p>{FIRST_START_WHY}</p>
        <p className="lock-card__muted">{FIRST_START_KEPT}</p>
        <PassphraseSetupForm onDone={onDone} submitLabel="Set the passphrase" />
        <section className="lock-card__alternative" aria-labelledby="no-lock-title">
          <h2 id="no-lock-title">Use the desk without a lock</h2>
          <p>{NO_LOCK_CONSEQUENCE}</p>
          <ConfirmCheckbox
            id="no-lock-understood"
            label={NO_LOCK_CONFIRM}
            checked={understood}
            onChange={(checked) => {
              setUnderstood(checked)
              setConfirmError(undefined)
            }}
            error={confirmError}
          />
          {failure ? (
            <p className="field__error" role="alert">
              {failure}
            </p>
          ) : null}
          <button type="button" onClick={() => void continueWithoutLock()}>
            Continue without a lock
          </button>
        </section>
      </main>
    </div>
  )
}
