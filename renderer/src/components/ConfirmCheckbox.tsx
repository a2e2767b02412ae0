import { useId } from 'react'
import './confirm-checkbox.css'

interface ConfirmCheckboxProps {
  id?: string
  label: string
  checked: boolean
  onChange(checked: boolean): void
  /** Shown under the box and tied to it, when the user went on without ticking it. */
  error?: string | undefined
}

/** A box the user ticks to agree to something risky; its error is tied to it like a text field's. */
export function ConfirmCheckbox({ id, label, checked, onChange, error }: ConfirmCheckboxProps) {
  const generated = useId()
  const inputId = id ?? generated
  const errorId = `${inputId}-error`
  return (
    <div className={['confirm-box', error ? 'confirm-box--invalid' : ''].filter(Boolean).join(' ')}>
      <label className="check">
        <input
          id={inputId}
          type="checkbox"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        <span>{label}</span>
      </label>
      {error ? (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  )
}
