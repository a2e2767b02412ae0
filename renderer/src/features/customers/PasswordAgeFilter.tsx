import { useId, useState } from 'react'
import { parseRotationDays, ROTATION_DAYS_MAX } from './password-rotation'
import './age-filter.css'

/** The rotation report's box in the toolbar: only customers whose Vault password is older than N days. */
export function PasswordAgeFilter({ days, onChange }: { days: number | null; onChange(days: number | null): void }) {
  const inputId = useId()
  const errorId = `${inputId}-error`
  const [text, setText] = useState(days === null ? '' : String(days))
  const [error, setError] = useState<string | null>(null)
  // Cleared from outside ("Clear search and filter"): the box follows.
  const [shownDays, setShownDays] = useState(days)
  if (shownDays !== days) {
    setShownDays(days)
    setText(days === null ? '' : String(days))
    setError(null)
  }

  return (
    <div className={['filter-box', 'age-filter', error ? 'field--invalid' : ''].filter(Boolean).join(' ')}>
      <label htmlFor={inputId}>Password older than (days)</label>
      <input
        id={inputId}
        type="text"
        inputMode="numeric"
        value={text}
        placeholder="any"
        maxLength={String(ROTATION_DAYS_MAX).length}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => {
          setText(event.target.value)
          const parsed = parseRotationDays(event.target.value)
          if ('error' in parsed) {
            setError(parsed.error)
            return
          }
          setError(null)
          setShownDays(parsed.days)
          onChange(parsed.days)
        }}
      />
      {error ? (
        <span id={errorId} className="field__error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  )
}
