import { useState } from 'react'
import { MaintenanceDialog } from './MaintenanceDialog'

/** The header's entry to the Maintenance dialog. */
export function MaintenanceButton() {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Maintenance
      </button>
      {open ? <MaintenanceDialog onClose={() => setOpen(false)} /> : null}
    </>
  )
}
