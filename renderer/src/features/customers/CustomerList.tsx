import { useDesk } from '../../store/desk-context'

export function CustomerList({ onAdd }: { onAdd(): void }) {
  const customers = useDesk((state) => state.customers)
  const loaded = useDesk((state) => state.loaded)
  const loadError = useDesk((state) => state.loadError)

  if (loadError) return <p role="alert">The customers could not be loaded: {loadError}</p>
  if (!loaded) return <p aria-busy="true">Loading customers…</p>
  if (customers.length === 0) {
    return (
      <section className="empty-state" aria-label="No customers">
        <h2>No customers yet</h2>
        <p>Record the customers you create in the x360Recover and Nexetic portals, with their Vault credentials kept in your keychain.</p>
        <button type="button" className="primary" onClick={onAdd}>
          Add your first customer
        </button>
      </section>
    )
  }
  return (
    <table className="customer-table" aria-label="Customers">
      <thead>
        <tr>
          <th scope="col">Company</th>
        </tr>
      </thead>
      <tbody>
        {customers.map((customer) => (
          <tr key={customer.id}>
            <td>{customer.companyName}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
