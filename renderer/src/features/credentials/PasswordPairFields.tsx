import { useState } from 'react'
import { generatePassword, PASSWORD_MAX_LENGTH, PASSWORD_POLICY_TEXT, READ_ALOUD_SYMBOLS } from '../../../../main/common/password-policy'
import { TextField } from '../../components/TextField'

export type PasswordPairField = 'password' | 'confirm'

interface PasswordPairProps {
  labels: Record<PasswordPairField, string>
  ids: Record<PasswordPairField, string>
  password: string
  confirm: string
  errors: Partial<Record<PasswordPairField, string | undefined>>
  onChange(next: { password: string; confirm: string }): void
  onBlur?(field: PasswordPairField): void
  autoFocus?: boolean
}

/** A password and its confirmation, with the policy beside it, a generator and show/hide; used wherever a Vault password is set. */
export function PasswordPairFields({ labels, ids, password, confirm, errors, onChange, onBlur, autoFocus }: PasswordPairProps) {
  const [shown, setShown] = useState(false)
  const type = shown ? 'text' : 'password'
  const common = { type, className: 'secret', autoComplete: 'new-password', spellCheck: false, maxLength: PASSWORD_MAX_LENGTH }

  function generate(readAloud: boolean) {
    const generated = generatePassword(undefined, { readAloud })
    // Shown at once, so the user can see what was filled in before saving it.
    setShown(true)
    onChange({ password: generated, confirm: generated })
  }

  return (
    <>
      <TextField
        {...common}
        id={ids.password}
        label={labels.password}
        value={password}
        onChange={(value) => onChange({ password: value, confirm })}
        onBlur={() => onBlur?.('password')}
        error={errors.password}
        hint={PASSWORD_POLICY_TEXT}
        data-autofocus={autoFocus ? true : undefined}
        actions={
          <>
            <button type="button" onClick={() => setShown(!shown)}>
              {shown ? 'Hide password' : 'Show password'}
            </button>
            <button type="button" onClick={() => generate(false)}>
              Generate password
            </button>
            <button type="button" onClick={() => generate(true)} title={`Only the symbols ${READ_ALOUD_SYMBOLS.split('').join(' ')}, easy to spell out on the phone`}>
              Generate read-aloud password
            </button>
          </>
        }
      />
      <TextField
        {...common}
        id={ids.confirm}
        label={labels.confirm}
        value={confirm}
        onChange={(value) => onChange({ password, confirm: value })}
        onBlur={() => onBlur?.('confirm')}
        error={errors.confirm}
      />
    </>
  )
}
