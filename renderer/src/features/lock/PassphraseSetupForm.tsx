import { useState, type FormEvent } from 'react'
import type { LockChangeAnswer, LockStatus } from '../../../../main/common/contract'
import { DESK_PASSPHRASE_MAX_LENGTH, DESK_PASSPHRASE_MIN_LENGTH } from '../../../../main/common/lock-rules'
import type { Result } from '../../../../main/common/result'
import { TextField } from '../../components/TextField'
import { useDeskApi } from '../../store/desk-context'
import { useRetryWait } from './use-retry-wait'

interface PassphraseSetupFormProps {
  onDone(status: LockStatus): void
  submitLabel: string
  /** Settings' change of passphrase: the current one first, checked by main with the unlock's wait. */
  change?: boolean
  /** After an answer that is no field's (the keychain, the access log): main may hold a newer status than the page. */
  onFailure?(): void
}

/** The desk passphrase, typed twice (after the current one, for a change); main checks them and keeps only a verifier. */
export function PassphraseSetupForm({ onDone, submitLabel, change = false, onFailure }: PassphraseSetupFormProps) {
  const api = useDeskApi()
  const [current, setCurrent] = useState('')
  const [passphrase, setPassphrase] = useState('')
  const [repeat, setRepeat] = useState('')
  const [shown, setShown] = useState(false)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const { waiting, startWait } = useRetryWait()

  const send = async (): Promise<Result<LockChangeAnswer>> => {
    if (change) return api.lock.changePassphrase({ current, passphrase, repeat })
    const result = await api.lock.setUp({ choice: 'passphrase', passphrase, repeat })
    return result.ok ? { ok: true, value: { done: true, status: result.value } } : result
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    const result = await send()
    setBusy(false)
    if (result.ok) {
      const answer = result.value
      if (answer.done) return onDone(answer.status)
      setCurrent('')
      setErrors({ current: answer.message })
      setFailure(null)
      return startWait(answer.retryInMs)
    }
    setErrors(result.error.fields ?? {})
    setFailure(result.error.fields ? null : result.error.message)
    if (!result.error.fields) onFailure?.()
  }

  const secret = { spellCheck: false, maxLength: DESK_PASSPHRASE_MAX_LENGTH }
  return (
    <form className="lock-form" onSubmit={(event) => void submit(event)} noValidate>
      {change ? (
        <TextField id="desk-passphrase-current" label="Current passphrase" type="password" value={current} onChange={setCurrent} error={errors.current} autoComplete="current-password" {...secret} data-autofocus autoFocus />
      ) : null}
      <TextField
        id="desk-passphrase-new"
        label={change ? 'New passphrase' : 'Desk passphrase'}
        type={shown ? 'text' : 'password'}
        value={passphrase}
        onChange={setPassphrase}
        error={errors.passphrase}
        hint={`At least ${DESK_PASSPHRASE_MIN_LENGTH} characters. A few unrelated words are easy to type and hard to guess.`}
        autoComplete="new-password"
        {...secret}
        {...(change ? {} : { 'data-autofocus': true, autoFocus: true })}
        actions={
          <button type="button" onClick={() => setShown((value) => !value)} aria-pressed={shown}>
            {shown ? 'Hide passphrase' : 'Show passphrase'}
          </button>
        }
      />
      <TextField
        id="desk-passphrase-repeat"
        label={change ? 'Repeat the new passphrase' : 'Repeat the passphrase'}
        type={shown ? 'text' : 'password'}
        value={repeat}
        onChange={setRepeat}
        error={errors.repeat}
        autoComplete="new-password"
        {...secret}
      />
      {failure ? (
        <p className="field__error" role="alert">
          {failure}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={busy || waiting}>
        {submitLabel}
      </button>
    </form>
  )
}
