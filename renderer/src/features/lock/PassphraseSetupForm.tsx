import { useState, type FormEvent } from 'react'
import type { LockStatus } from '../../../../main/common/contract'
import { DESK_PASSPHRASE_MAX_LENGTH, DESK_PASSPHRASE_MIN_LENGTH } from '../../../../main/common/lock-rules'
import { TextField } from '../../components/TextField'
import { useDeskApi } from '../../store/desk-context'

interface PassphraseSetupFormProps {
  onDone(status: LockStatus): void
  submitLabel: string
}

/** The desk passphrase, typed twice; main checks both and keeps only a verifier. */
export function PassphraseSetupForm({ onDone, submitLabel }: PassphraseSetupFormProps) {
  const api = useDeskApi()
  const [passphrase, setPassphrase] = useState('')
  const [repeat, setRepeat] = useState('')
  const [shown, setShown] = useState(false)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    const result = await api.lock.setUp({ choice: 'passphrase', passphrase, repeat })
    setBusy(false)
    if (result.ok) return onDone(result.value)
    setErrors(result.error.fields ?? {})
    setFailure(result.error.fields ? null : result.error.message)
  }

  return (
    <form className="lock-form" onSubmit={(event) => void submit(event)} noValidate>
      <TextField
        id="desk-passphrase-new"
        label="Desk passphrase"
        type={shown ? 'text' : 'password'}
        value={passphrase}
        onChange={setPassphrase}
        error={errors.passphrase}
        hint={`At least ${DESK_PASSPHRASE_MIN_LENGTH} characters. A few unrelated words are easy to type and hard to guess.`}
        autoComplete="new-password"
        spellCheck={false}
        maxLength={DESK_PASSPHRASE_MAX_LENGTH}
        data-autofocus
        autoFocus
        actions={
          <button type="button" onClick={() => setShown((value) => !value)} aria-pressed={shown}>
            {shown ? 'Hide passphrase' : 'Show passphrase'}
          </button>
        }
      />
      <TextField
        id="desk-passphrase-repeat"
        label="Repeat the passphrase"
        type={shown ? 'text' : 'password'}
        value={repeat}
        onChange={setRepeat}
        error={errors.repeat}
        autoComplete="new-password"
        spellCheck={false}
        maxLength={DESK_PASSPHRASE_MAX_LENGTH}
      />
      {failure ? (
        <p className="field__error" role="alert">
          {failure}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  )
}
