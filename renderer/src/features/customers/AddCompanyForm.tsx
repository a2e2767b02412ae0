import { useState, type FormEvent } from 'react'
import { emptyCustomerForm } from '../../../../main/common/customer-form'
import { TextField } from '../../components/TextField'
import { useDesk, useDeskApi } from '../../store/desk-context'

/** The smallest add: a company with no services yet. The full customer form grows from here. */
export function AddCompanyForm({ onDone }: { onDone(): void }) {
  const api = useDeskApi()
  const upsertCustomer = useDesk((state) => state.upsertCustomer)
  const showNotice = useDesk((state) => state.showNotice)
  const [companyName, setCompanyName] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [confirmDuplicate, setConfirmDuplicate] = useState(false)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    const result = await api.customers.create({ form: { ...emptyCustomerForm(), companyName }, confirmDuplicateCompany: confirmDuplicate })
    setBusy(false)
    if (result.ok) {
      upsertCustomer(result.value)
      showNotice('info', `${result.value.companyName} was added.`)
      onDone()
      return
    }
    setErrors(result.error.fields ?? { companyName: result.error.message })
    if (result.error.code === 'needs-confirmation') setConfirmDuplicate(true)
  }

  return (
    <form className="panel" aria-label="Add company" onSubmit={submit} onKeyDown={(event) => event.key === 'Escape' && onDone()}>
      <h2>Add company</h2>
      <TextField
        label="Customer Company Name"
        value={companyName}
        onChange={(value) => {
          setCompanyName(value)
          setConfirmDuplicate(false)
        }}
        error={errors.companyName}
        autoFocus
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {confirmDuplicate ? 'Add anyway' : 'Add company'}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  )
}
