import { useId, useState, type FormEvent } from 'react'
import type { CustomerListItem } from '../../../../main/common/contract'
import { STORAGE_TYPE_LOCKED_NOTE } from '../../../../main/common/vendors/nexetic/subscription'
import { checkLicenseForm, describeLicenseChange, nothingChangedMessage, type LicenseForm } from '../../../../main/common/vendors/nexetic/license-change'
import { formats, pageLocale } from '../../formats'
import { TextField } from '../../components/TextField'
import { useDesk, useDeskApi } from '../../store/desk-context'
import { DialogForm } from '../../components/DialogForm'
import './licenses.css'

type FieldErrors = Partial<Record<keyof LicenseForm, string>>

interface LicenseEditorProps {
  /** A Nexetic customer; one without a subscription gets an explanation instead of the form. */
  customer: CustomerListItem
  /** `saved` is true when a change was recorded. */
  onClose(saved: boolean): void
}

/** The difference before saving, from what is typed now: nothing is guessed while a value is invalid. */
function Difference({ customer, form }: { customer: CustomerListItem; form: LicenseForm }) {
  const headingId = useId()
  const checked = checkLicenseForm(form)
  let lines: string[]
  if (!customer.nexetic) lines = []
  else if (!checked.ok) lines = ['Correct the values to see the difference.']
  else {
    const change = describeLicenseChange(customer.nexetic, checked.values, pageLocale)
    lines = change.changed ? change.lines : ['No change yet.']
  }
  return (
    <section className="license-diff" aria-labelledby={headingId}>
      <h3 id={headingId}>Difference</h3>
      <ul aria-live="polite">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  )
}

/**
 * The Nexetic Portal's "Edit customer": User Licenses and Extra Storage (TB accepted) with the
 * difference shown before saving; Enter saves, Esc cancels, and each error is shown at its field.
 */
export function LicenseEditor({ customer, onClose }: LicenseEditorProps) {
  const api = useDeskApi()
  const upsertCustomer = useDesk((state) => state.upsertCustomer)
  const showNotice = useDesk((state) => state.showNotice)
  const idPrefix = useId()
  const ids = { userLicenses: `${idPrefix}-licenses`, extraStorage: `${idPrefix}-storage`, formError: `${idPrefix}-error` }
  const nexetic = customer.nexetic
  const [form, setForm] = useState<LicenseForm>({
    userLicenses: nexetic ? String(nexetic.userLicenses) : '',
    extraStorage: nexetic ? String(nexetic.extraStorageGb) : '',
  })
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const edit = (field: keyof LicenseForm) => (value: string) => {
    setForm((current) => ({ ...current, [field]: value }))
    setErrors((current) => ({ ...current, [field]: undefined }))
    setFormError(null)
  }

  function fail(fields: FieldErrors, message: string | null) {
    setErrors(fields)
    setFormError(message)
    const focusId = fields.userLicenses ? ids.userLicenses : fields.extraStorage ? ids.extraStorage : ids.formError
    // After React has drawn the message, so it is announced with the focus.
    requestAnimationFrame(() => document.getElementById(focusId)?.focus())
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (busy || !nexetic) return
    // The same rules main applies, checked here first for instant feedback; main checks again.
    const checked = checkLicenseForm(form)
    if (!checked.ok) return fail(checked.fields, null)
    const change = describeLicenseChange(nexetic, checked.values, pageLocale)
    if (!change.changed) return fail({}, nothingChangedMessage(nexetic, pageLocale))
    setBusy(true)
    const result = await api.licenses.change({ id: customer.id, ...form, reason })
    setBusy(false)
    if (!result.ok) {
      const fields: FieldErrors = { userLicenses: result.error.fields?.userLicenses, extraStorage: result.error.fields?.extraStorage }
      return fail(fields, fields.userLicenses || fields.extraStorage ? null : result.error.message)
    }
    upsertCustomer(result.value)
    showNotice('info', `${customer.companyName}: ${change.lines.join('; ')}. Recorded in the history.`)
    onClose(true)
  }

  return (
    <DialogForm
      title={`Edit licenses and storage of ${customer.companyName}`}
      onEscape={() => onClose(false)}
      onSubmit={submit}
      error={{ id: ids.formError, message: formError }}
      onCancel={() => onClose(false)}
      primary={nexetic ? { label: 'Save', busy, busyLabel: 'Saving…' } : undefined}
    >
      {nexetic ? (
        <>
          <dl className="license-current">
            <dt>Current User Licenses</dt>
            <dd>{formats.number(nexetic.userLicenses)}</dd>
            <dt>Current Extra Storage</dt>
            <dd>{formats.storage(nexetic.extraStorageGb)}</dd>
          </dl>
          <TextField
            id={ids.userLicenses}
            label="User Licenses"
            value={form.userLicenses}
            onChange={edit('userLicenses')}
            error={errors.userLicenses}
            inputMode="numeric"
            maxLength={50}
            autoComplete="off"
            data-autofocus
            hint="A whole number, at least 1; required even when not relevant, so enter a large enough number."
          />
          <TextField
            id={ids.extraStorage}
            label="Extra Storage"
            value={form.extraStorage}
            onChange={edit('extraStorage')}
            error={errors.extraStorage}
            maxLength={50}
            autoComplete="off"
            hint="The total storage for the customer, in whole GB; TB is accepted, such as 2 TB (1 TB = 1024 GB)."
          />
          <TextField label="Storage Type" value={nexetic.storageType} onChange={() => {}} readOnly hint={STORAGE_TYPE_LOCKED_NOTE} />
          <TextField
            label="Reason (optional)"
            value={reason}
            onChange={setReason}
            maxLength={500}
            autoComplete="off"
            hint="Kept in the history with the change, such as a ticket number."
          />
          <Difference customer={customer} form={form} />
        </>
      ) : (
        <p className="form-error" role="alert">
          {customer.companyName} has no Nexetic subscription, so it has no User Licenses or Extra Storage to change. Use Edit to add one.
        </p>
      )}
    </DialogForm>
  )
}
