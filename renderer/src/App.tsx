import { useEffect, useState } from 'react'
import { NoticeBar } from './components/NoticeBar'
import { StatusBanner } from './components/StatusBanner'
import { AddCompanyForm } from './features/customers/AddCompanyForm'
import { CustomerList } from './features/customers/CustomerList'
import { useDesk } from './store/desk-context'

export function App() {
  const loadCustomers = useDesk((state) => state.loadCustomers)
  const loadStatus = useDesk((state) => state.loadStatus)
  const [adding, setAdding] = useState(false)

  useEffect(() => {
    void loadStatus()
    void loadCustomers()
  }, [loadCustomers, loadStatus])

  return (
    <div className="app">
      <header className="app-header">
        <h1>MSP Customer Desk</h1>
        <button type="button" className="primary" onClick={() => setAdding(true)}>
          Add company
        </button>
      </header>
      <StatusBanner />
      <main className="app-main">
        {adding ? <AddCompanyForm onDone={() => setAdding(false)} /> : null}
        <CustomerList onAdd={() => setAdding(true)} />
      </main>
      <NoticeBar />
    </div>
  )
}
