import { useState, type FormEvent } from 'react'
import type { CustomerListItem } from '../../../../main/common/contract'
import { loginOf } from '../../../../main/common/vendors/accounts'
import { passwordWords } from '../../../../main/common/vendors/password-words'
import { useDesk, useDeskApi } from '../../store/desk-context'
import { DialogForm } from '../../components/DialogForm'
import { PasswordPairFields, type PasswordPairField } from './PasswordPairFields'

const IDS = { password: 'change-password-new', confirm: 'change-password-confirm' }
const ERROR_ID = 'change-password-error'

/** Change Password: how a lost Vault password is reset; the new one goes straight to the keychain. */
export function ChangePasswordDialog({ customer, onClose }: { customer: CustomerListItem; onClose(changed: boolean): void }) {
  const api = useDeskApi()
  const upsertCustomer = useDesk((state) => state.upsertCustomer)
  const showNotice = useDesk((state) => state.showNotice)
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [errors, setErrors] = useState<Partial<Record<PasswordPairField, string>>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (busy) return
    setBusy(true)
    const result = await api.customers.changePassword({ id: customer.id, password, confirmPassword: confirm })
    setBusy(false)
    if (result.ok) {
      upsertCustomer(result.value)
      showNotice('info', `The Vault password of ${customer.companyName} was changed.`)
      onClose(true)
      return
    }
    const fields = result.error.fields ?? {}
    const next = {
      ...(fields.password ? { password: fields.password } : {}),
      ...(fields.confirmPassword ? { confirm: fields.confirmPassword } : {}),
    }
    setErrors(next)
    setFormError(next.password || next.confirm ? null : result.error.message)
    const focusId = next.password ? IDS.password : next.confirm ? IDS.confirm : ERROR_ID
    // After React has drawn the message, so the error is announced with the focus.
    requestAnimationFrame(() => document.getElementById(focusId)?.focus())
  }

  const login = loginOf(customer)
  return (
    <DialogForm
      title={`Change Password for ${customer.companyName}`}
      onEscape={() => onClose(false)}
      onSubmit={submit}
      intro={
        login !== null ? (
          <p className="field__hint">
            Sets a new Vault password for <strong>{login}</strong>. Set the same password in the {passwordWords().portalName}, then give it to
            the customer.
          </p>
        ) : null
      }
      error={{ id: ERROR_ID, message: formError }}
      onCancel={() => onClose(false)}
      primary={{ label: 'Change Password', busy, busyLabel: 'Saving…' }}
    >
      <PasswordPairFields
        labels={{ password: 'New password', confirm: 'Confirm new password' }}
        ids={IDS}
        password={password}
        confirm={confirm}
        errors={errors}
        autoFocus
        onChange={(next) => {
          setPassword(next.password)
          setConfirm(next.confirm)
          setErrors({})
        }}
      />
    </DialogForm>
  )
}
