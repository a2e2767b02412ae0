import { useState } from 'react'
import { useDesk } from '../../store/desk-context'
import { AccessLogSection, ExposedSinceChanged } from '../access-log'
import { DialogForm } from '../../components/DialogForm'
import { DailyBackups } from './DailyBackups'
import { KeychainCheck } from './KeychainCheck'
import './maintenance.css'

/** Daily backups of the customer file and the keychain check, in one dialog. */
export function MaintenanceDialog({ onClose }: { onClose(): void }) {
  const selectCustomer = useDesk((state) => state.selectCustomer)
  // A restore changes which customers exist, so an earlier keychain result no longer holds: start it afresh.
  const [restores, setRestores] = useState(0)

  function openCustomer(id: string) {
    selectCustomer(id)
    onClose()
  }

  return (
    <DialogForm title="Maintenance" onEscape={onClose} className="modal--maintenance" primary={{ label: 'Close', onClick: onClose, autoFocus: true }}>
      <DailyBackups onRestored={() => setRestores((n) => n + 1)} />
      <KeychainCheck key={restores} onOpenCustomer={openCustomer} />
      <AccessLogSection />
      <ExposedSinceChanged onOpenCustomer={openCustomer} />
    </DialogForm>
  )
}
