import { holdsPassword } from '../../../../main/common/vendors/accounts'
import { useState } from 'react'
import type { CustomerListItem } from '../../../../main/common/contract'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { useDesk, useDeskApi } from '../../store/desk-context'

/** The Delete button and the question that names the customer before anything is removed. */
export function DeleteCustomer({ customer }: { customer: CustomerListItem }) {
  const api = useDeskApi()
  const removeCustomer = useDesk((state) => state.removeCustomer)
  const showNotice = useDesk((state) => state.showNotice)
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)

  async function confirm() {
    setBusy(true)
    const result = await api.customers.delete({ id: customer.id })
    setBusy(false)
    setAsking(false)
    if (result.ok) {
      removeCustomer(customer.id)
      showNotice('info', `${customer.companyName} was deleted.`)
    } else {
      showNotice('error', `${customer.companyName} was not deleted. ${result.error.message}`)
    }
  }

  const consequence = holdsPassword(customer)
    ? 'This also removes its Vault password from the keychain.'
    : 'Its record is removed from this desk.'
  return (
    <>
      <button type="button" className="danger" onClick={() => setAsking(true)}>
        Delete
      </button>
      {asking ? (
        <ConfirmDialog
          title="Delete customer"
          message={`Delete ${customer.companyName}? ${consequence}`}
          confirmLabel="Delete"
          danger
          busy={busy}
          onConfirm={() => void confirm()}
          onCancel={() => setAsking(false)}
        />
      ) : null}
    </>
  )
}
