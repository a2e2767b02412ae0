import { useId, type InputHTMLAttributes, type ReactNode } from 'react'

/** What a field frame hands to its control so the label, hint and error are tied to it. */
export interface FieldControlProps {
  id: string
  'aria-invalid': true | undefined
  'aria-describedby': string | undefined
}

interface FieldFrameProps {
  label: string
  id?: string | undefined
  error?: string | undefined
  hint?: ReactNode
  /** Buttons shown beside the control (show/hide, generate, copy). */
  actions?: ReactNode
  className?: string | undefined
  children(control: FieldControlProps): ReactNode
}

/** Label, control, hint and error, with the error and hint tied to the control for screen readers (aria-describedby). */
export function FieldFrame({ label, id, error, hint, actions, className, children }: FieldFrameProps) {
  const generated = useId()
  const inputId = id ?? generated
  const hintId = hint ? `${inputId}-hint` : undefined
  const errorId = error ? `${inputId}-error` : undefined
  const control = children({
    id: inputId,
    'aria-invalid': error ? true : undefined,
    // The error comes first: it is what the user needs to hear.
    'aria-describedby': [errorId, hintId].filter(Boolean).join(' ') || undefined,
  })
  return (
    <div className={['field', error ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label htmlFor={inputId}>{label}</label>
      {actions ? (
        <div className="field__row">
          {control}
          {actions}
        </div>
      ) : (
        control
      )}
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  )
}

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string
  value: string
  onChange(value: string): void
  error?: string | undefined
  hint?: ReactNode
  actions?: ReactNode
  fieldClassName?: string | undefined
}

/** A labelled input whose error and hint are tied to it for screen readers (aria-describedby). */
export function TextField({ label, value, onChange, error, hint, actions, fieldClassName, id, ...rest }: TextFieldProps) {
  return (
    <FieldFrame label={label} id={id} error={error} hint={hint} actions={actions} className={fieldClassName}>
      {(control) => <input {...control} value={value} onChange={(event) => onChange(event.target.value)} {...rest} />}
    </FieldFrame>
  )
}
