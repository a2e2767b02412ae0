import { useEffect } from 'react'
import { NEW_CUSTOMER } from '../../main/common/vocabulary'
import { NoticeBar } from './components/NoticeBar'
import { StatusBanner } from './components/StatusBanner'
import { useMenuCommands } from './components/use-menu-commands'
import { BillingButton } from './features/billing'
import { CustomerFormDialog } from './features/customer-form'
import { CustomerDetail, CustomerList } from './features/customers'
import { DataMenu } from './features/exports'
import { LockControls } from './features/lock'
import { formatBackupDay, MaintenanceButton, MaintenanceDialog } from './features/maintenance'
import { useDesk } from './store/desk-context'

export function App() {
  const loadCustomers = useDesk((state) => state.loadCustomers)
  const loadStatus = useDesk((state) => state.loadStatus)
  const openCreate = useDesk((state) => state.openCreate)
  const editing = useDesk((state) => state.editor !== null)

  useMenuCommands({ 'new-customer': openCreate })

  useEffect(() => {
    void loadStatus()
    void loadCustomers()
  }, [loadCustomers, loadStatus])

  return (
    <div className="app">
      <header className="app-header">
        <h1>MSP Customer Desk</h1>
        <MaintenanceButton />
        <LockControls />
        <BillingButton />
        <DataMenu />
        <button type="button" className="primary" onClick={openCreate}>
          {NEW_CUSTOMER}
        </button>
      </header>
      <StatusBanner backupDayLabel={formatBackupDay} renderMaintenance={(onClose) => <MaintenanceDialog onClose={onClose} />} />
      <main className="app-main">
        <CustomerFormDialog />
        <CustomerList onAdd={openCreate} />
        {/* The form shows the customer while it is open; two copies of each label would confuse a screen reader. */}
        {editing ? null : <CustomerDetail />}
      </main>
      <NoticeBar />
    </div>
  )
}
