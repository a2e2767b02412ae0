import { CredentialsPanel } from '../credentials/CredentialsPanel'
import { useDesk } from '../../store/desk-context'

/** Every field of the selected customer (placeholder until the full detail view lands). */
export function CustomerDetail() {
  const customer = useDesk((state) => state.customers.find((item) => item.id === state.selectedId))
  if (!customer) return null
  return (
    <section className="panel" aria-label={`Customer ${customer.companyName}`}>
      <h2>{customer.companyName}</h2>
      <CredentialsPanel customer={customer} />
    </section>
  )
}
