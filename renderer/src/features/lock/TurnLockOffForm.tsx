import { useState, type FormEvent } from 'react'
import type { LockStatus } from '../../../../main/common/contract'
import { DESK_PASSPHRASE_MAX_LENGTH } from '../../../../main/common/lock-rules'
import { ConfirmCheckbox } from '../../components/ConfirmCheckbox'
import { TextField } from '../../components/TextField'
import { useDeskApi } from '../../store/desk-context'
import { NO_LOCK_CONFIRM, NO_LOCK_CONSEQUENCE_HERE, TURN_OFF_TOUCH_ID } from './lock-text'
import { useRetryWait } from './use-retry-wait'

interface TurnLockOffFormProps {
  touchIdEnabled: boolean
  onDone(status: LockStatus): void
  onFailure(): void
}

/** Back to "no lock": the same consequence and tick as the first start's choice, and the current passphrase. */
export function TurnLockOffForm({ touchIdEnabled, onDone, onFailure }: TurnLockOffFormProps) {
  const api = useDeskApi()
  const [current, setCurrent] = useState('')
  const [understood, setUnderstood] = useState(false)
  const [errors, setErrors] = useState<{ current?: string; understood?: string }>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const { waiting, startWait } = useRetryWait()

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!understood) return setErrors({ understood: 'Tick the box to turn the lock off, or go back.' })
    setBusy(true)
    const result = await api.lock.turnOff({ current })
    setBusy(false)
    if (!result.ok) {
      setErrors({})
      setFailure(result.error.message)
      return onFailure()
    }
    if (result.value.done) return onDone(result.value.status)
    setCurrent('')
    setErrors({ current: result.value.message })
    startWait(result.value.retryInMs)
  }

  return (
    <form className="lock-form" onSubmit={(event) => void submit(event)} noValidate>
      <p>
        {NO_LOCK_CONSEQUENCE_HERE}
        {touchIdEnabled ? ` ${TURN_OFF_TOUCH_ID}` : ''}
      </p>
      <TextField
        id="desk-passphrase-current"
        label="Current passphrase"
        type="password"
        value={current}
        onChange={setCurrent}
        error={errors.current}
        autoComplete="current-password"
        spellCheck={false}
        maxLength={DESK_PASSPHRASE_MAX_LENGTH}
        data-autofocus
        autoFocus
      />
      <ConfirmCheckbox
        id="turn-off-understood"
        label={NO_LOCK_CONFIRM}
        checked={understood}
        onChange={(checked) => {
          setUnderstood(checked)
          setErrors(({ current: currentError }) => (currentError ? { current: currentError } : {}))
        }}
        error={errors.understood}
      />
      {failure ? (
        <p className="field__error" role="alert">
          {failure}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={busy || waiting}>
        Turn the lock off
      </button>
    </form>
  )
}
