import { useState } from 'react'
import { DialogForm } from '../../components/DialogForm'
import { DeletionLog } from './DeletionLog'

/** Opens the deletion log in a dialog: deleted customers can be looked up later, even from an empty desk. */
export function DeletedCustomersButton() {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Deleted customers
      </button>
      {open ? (
        <DialogForm title="Deleted customers" onEscape={() => setOpen(false)} primary={{ label: 'Close', onClick: () => setOpen(false), autoFocus: true }}>
          <p className="field__hint">Deleting a customer removes its record and history from this desk; this log keeps which company was deleted and when.</p>
          <DeletionLog hideHeading />
        </DialogForm>
      ) : null}
    </>
  )
}
