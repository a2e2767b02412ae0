import { useId, useState, type FormEvent } from 'react'
import type { CustomerListItem } from '../../../../main/common/contract'
import { accountOf } from '../../../../main/common/vendors/accounts'
import { adjustableVendor, adjustableVendorOf, type AdjustableVendor } from '../../../../main/common/vendors/adjustable'
import type { AdjustedFigure } from '../../../../main/common/vendors/vendor-adjustments'
import { pageLocale } from '../../formats'
import { TextField } from '../../components/TextField'
import { useDesk, useDeskApi } from '../../store/desk-context'
import { DialogForm } from '../../components/DialogForm'
import { screensOf } from '../../vendors/registry'
import './licenses.css'

/** The editor's inputs exactly as typed, by input name; errors are keyed by the same names. */
type Form = Record<string, string>
type FieldErrors = Record<string, string | undefined>
type Figure = AdjustedFigure<unknown>

interface LicenseEditorProps {
  /** A customer with adjustable figures; one without gets an explanation instead of the form. */
  customer: CustomerListItem
  /** `saved` is true when a change was recorded. */
  onClose(saved: boolean): void
}

/** The difference before saving, from what is typed now: nothing is guessed while a value is invalid. */
function Difference({ vendor, account, form }: { vendor: AdjustableVendor; account: unknown; form: Form }) {
  const headingId = useId()
  const checked = vendor.adjustments.check(form)
  let lines: readonly string[]
  if (!checked.ok) lines = ['Correct the values to see the difference.']
  else {
    const change = vendor.adjustments.describe(account, checked.values, pageLocale)
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
 * The licence editor (a portal's "Edit customer"): the figures the customer's vendor adjusts
 * month to month, with the difference shown before saving; Enter saves, Esc cancels, and each error is
 * shown at its field.
 */
export function LicenseEditor({ customer, onClose }: LicenseEditorProps) {
  const vendor = adjustableVendorOf(customer)
  const account = vendor ? accountOf(customer, vendor) : null
  if (vendor && account !== null) return <AdjustmentsForm customer={customer} vendor={vendor} account={account} onClose={onClose} />
  return <NoFigures customer={customer} onClose={onClose} />
}

/** A customer without the account: the dialog explains why there is nothing to change. */
function NoFigures({ customer, onClose }: LicenseEditorProps) {
  const errorId = useId()
  const texts = adjustableVendor()?.adjustments.texts
  return (
    <DialogForm
      title={texts?.editorTitle(customer.companyName) ?? customer.companyName}
      onEscape={() => onClose(false)}
      onSubmit={(event) => event.preventDefault()}
      error={{ id: errorId, message: null }}
      onCancel={() => onClose(false)}
    >
      <p className="form-error" role="alert">
        {texts?.editorNoAccount(customer.companyName)}
      </p>
    </DialogForm>
  )
}

function AdjustmentsForm({ customer, vendor, account, onClose }: LicenseEditorProps & { vendor: AdjustableVendor; account: unknown }) {
  const api = useDeskApi()
  const upsertCustomer = useDesk((state) => state.upsertCustomer)
  const showNotice = useDesk((state) => state.showNotice)
  const idPrefix = useId()
  const { adjustments } = vendor
  const figures: readonly Figure[] = adjustments.figures
  const inputId = (figure: Figure) => `${idPrefix}-${figure.input}`
  const formErrorId = `${idPrefix}-error`
  const [form, setForm] = useState<Form>(() => Object.fromEntries(figures.map((figure) => [figure.input, String(figure.read(account))])))
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const { AdjustmentsExtra } = screensOf(vendor)

  const edit = (input: string) => (value: string) => {
    setForm((current) => ({ ...current, [input]: value }))
    setErrors((current) => ({ ...current, [input]: undefined }))
    setFormError(null)
  }

  function fail(fields: FieldErrors, message: string | null) {
    setErrors(fields)
    setFormError(message)
    const first = figures.find((figure) => fields[figure.input])
    const focusId = first ? inputId(first) : formErrorId
    // After React has drawn the message, so it is announced with the focus.
    requestAnimationFrame(() => document.getElementById(focusId)?.focus())
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (busy) return
    // The same rules main applies, checked here first for instant feedback; main checks again.
    const checked = adjustments.check(form)
    if (!checked.ok) return fail(checked.fields, null)
    const change = adjustments.describe(account, checked.values, pageLocale)
    if (!change.changed) return fail({}, adjustments.nothingChanged(account, pageLocale))
    setBusy(true)
    const result = await api.licenses.change({ id: customer.id, ...form, reason })
    setBusy(false)
    if (!result.ok) {
      const fields: FieldErrors = Object.fromEntries(figures.map((figure) => [figure.input, result.error.fields?.[figure.input]]))
      return fail(fields, Object.values(fields).some(Boolean) ? null : result.error.message)
    }
    upsertCustomer(result.value)
    showNotice('info', `${customer.companyName}: ${change.lines.join('; ')}. Recorded in the history.`)
    onClose(true)
  }

  return (
    <DialogForm
      title={adjustments.texts.editorTitle(customer.companyName)}
      onEscape={() => onClose(false)}
      onSubmit={submit}
      error={{ id: formErrorId, message: formError }}
      onCancel={() => onClose(false)}
      primary={{ label: 'Save', busy, busyLabel: 'Saving…' }}
    >
      <dl className="license-current">
        {figures.map((figure) => (
          <CurrentFigure key={figure.input} figure={figure} account={account} />
        ))}
      </dl>
      {figures.map((figure, index) => (
        <TextField
          key={figure.input}
          id={inputId(figure)}
          label={figure.label}
          value={form[figure.input] ?? ''}
          onChange={edit(figure.input)}
          error={errors[figure.input]}
          {...(figure.numeric ? { inputMode: 'numeric' as const } : {})}
          maxLength={50}
          autoComplete="off"
          {...(index === 0 ? { 'data-autofocus': true } : {})}
          hint={figure.hint}
        />
      ))}
      {AdjustmentsExtra ? <AdjustmentsExtra account={account} /> : null}
      <TextField
        label="Reason (optional)"
        value={reason}
        onChange={setReason}
        maxLength={500}
        autoComplete="off"
        hint="Kept in the history with the change, such as a ticket number."
      />
      <Difference vendor={vendor} account={account} form={form} />
    </DialogForm>
  )
}

function CurrentFigure({ figure, account }: { figure: Figure; account: unknown }) {
  return (
    <>
      <dt>Current {figure.label}</dt>
      <dd>{figure.show(figure.read(account), pageLocale)}</dd>
    </>
  )
}
