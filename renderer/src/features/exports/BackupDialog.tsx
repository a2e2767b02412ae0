import { useId, useState, type FormEvent } from 'react'
import { BACKUP_PASSPHRASE_MIN_LENGTH } from '../../../../main/common/contract/exports'
import { useDesk, useDeskApi } from '../../store/desk-context'
import { DialogForm } from '../../components/DialogForm'
import { plural } from './export-text'
import { PassphraseField } from '../../components/PassphraseField'
import './exports.css'

type Field = 'passphrase' | 'confirmPassphrase'

/** The whole desk, passwords included, to one file encrypted with a passphrase the user types twice. */
export function BackupDialog({ onClose }: { onClose(): void }) {
  const api = useDeskApi()
  const showNotice = useDesk((state) => state.showNotice)
  const ids = { passphrase: useId(), confirmPassphrase: useId(), error: useId() }
  const [values, setValues] = useState<Record<Field, string>>({ passphrase: '', confirmPassphrase: '' })
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [shown, setShown] = useState(false)
  const [busy, setBusy] = useState(false)

  const edit = (field: Field) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }))
    setErrors((current) => ({ ...current, [field]: undefined }))
    setFormError(null)
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (busy) return
    setBusy(true)
    const result = await api.exports.backupCreate(values)
    setBusy(false)
    if (result.ok) {
      // The user closed the save dialog: keep what was typed, so saving can be tried again.
      if (result.value.kind === 'cancelled') return
      const { customers, passwords, filePath } = result.value
      showNotice('info', `Backed up ${plural(customers, 'customer')} and ${plural(passwords, 'password')} to ${filePath}. Keep the passphrase safe: without it the backup cannot be restored.`)
      onClose()
      return
    }
    const fields = result.error.fields ?? {}
    const next = { passphrase: fields.passphrase, confirmPassphrase: fields.confirmPassphrase }
    setErrors(next)
    setFormError(next.passphrase || next.confirmPassphrase ? null : result.error.message)
    const focusId = next.passphrase ? ids.passphrase : next.confirmPassphrase ? ids.confirmPassphrase : ids.error
    // After React has drawn the message, so it is announced with the focus.
    requestAnimationFrame(() => document.getElementById(focusId)?.focus())
  }

  return (
    <DialogForm
      title="Back up the desk"
      onEscape={onClose}
      className="modal--exports"
      onSubmit={submit}
      intro={
        <p className="field__hint">
          One file with every customer, their history and every Vault password, encrypted with the passphrase you choose. Use it to move the
          desk to another workstation. Nobody, including you, can open the backup without the passphrase.
        </p>
      }
      error={{ id: ids.error, message: formError }}
      onCancel={onClose}
      primary={{ label: 'Save backup…', busy, busyLabel: 'Saving…', whileBusy: 'aria-disabled' }}
    >
      <PassphraseField
        id={ids.passphrase}
        label="Passphrase"
        value={values.passphrase}
        onChange={edit('passphrase')}
        error={errors.passphrase}
        hint={`At least ${BACKUP_PASSPHRASE_MIN_LENGTH} characters. A few unrelated words make a good one; keep it apart from the file.`}
        shown={shown}
        onToggleShown={() => setShown(!shown)}
        autoComplete="new-password"
        autoFocus
      />
      <PassphraseField
        id={ids.confirmPassphrase}
        label="Confirm passphrase"
        value={values.confirmPassphrase}
        onChange={edit('confirmPassphrase')}
        error={errors.confirmPassphrase}
        shown={shown}
        autoComplete="new-password"
      />
    </DialogForm>
  )
}
