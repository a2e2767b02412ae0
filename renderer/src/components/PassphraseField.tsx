import type { ReactNode } from 'react'
import { BACKUP_PASSPHRASE_MAX_LENGTH } from '../../../main/common/contract/exports'
import { TextField } from './TextField'

interface PassphraseFieldProps {
  id: string
  label: string
  value: string
  onChange(value: string): void
  error?: string | undefined
  hint?: ReactNode
  shown: boolean
  /** Only the first field of a pair has the Show button; it shows both. */
  onToggleShown?(): void
  autoComplete: 'new-password' | 'current-password'
  autoFocus?: boolean
}

/** A backup passphrase: hidden by default, with a Show button, its error tied to it. */
export function PassphraseField({ id, label, value, onChange, error, hint, shown, onToggleShown, autoComplete, autoFocus }: PassphraseFieldProps) {
  return (
    <TextField
      id={id}
      label={label}
      type={shown ? 'text' : 'password'}
      value={value}
      onChange={onChange}
      error={error}
      hint={hint}
      autoComplete={autoComplete}
      spellCheck={false}
      maxLength={BACKUP_PASSPHRASE_MAX_LENGTH}
      data-autofocus={autoFocus ? true : undefined}
      actions={
        onToggleShown ? (
          <button type="button" onClick={onToggleShown} aria-pressed={shown}>
            {shown ? 'Hide passphrase' : 'Show passphrase'}
          </button>
        ) : undefined
      }
    />
  )
}
