import { useEffect, useState } from 'react'
import type { Customer } from '../../../../main/common/customer-model'
import { useDesk, useDeskApi } from '../../store/desk-context'
import { CustomerForm } from './CustomerForm'
import { emptyFormState, formStateFromCustomer } from './form-state'
import { DialogForm } from '../../components/DialogForm'

/** Loads the customer fresh from main, so the form starts from what is saved, not from a list row. */
function EditCustomer({ id }: { id: string }) {
  const api = useDeskApi()
  const closeEditor = useDesk((state) => state.closeEditor)
  const [loaded, setLoaded] = useState<{ customer: Customer } | { error: string } | null>(null)

  useEffect(() => {
    let current = true
    void api.customers.get({ id }).then((result) => {
      if (current) setLoaded(result.ok ? { customer: result.value } : { error: result.error.message })
    })
    return () => {
      current = false
    }
  }, [api, id])

  if (loaded && 'customer' in loaded) {
    return <CustomerForm initial={formStateFromCustomer(loaded.customer)} target={{ mode: 'edit', existing: loaded.customer }} />
  }
  return (
    <DialogForm title="Edit customer" onEscape={closeEditor} onCancel={closeEditor} cancelLabel="Close">
      {loaded ? (
        <p role="alert" className="form-error">
          {loaded.error}
        </p>
      ) : (
        <p aria-busy="true">Loading the customer…</p>
      )}
    </DialogForm>
  )
}

/** The create/edit customer dialog, shown while the editor is open. */
export function CustomerFormDialog() {
  const editor = useDesk((state) => state.editor)
  if (!editor) return null
  if (editor.mode === 'edit') return <EditCustomer key={editor.id} id={editor.id} />
  return <CustomerForm initial={emptyFormState()} target={{ mode: 'create' }} />
}
