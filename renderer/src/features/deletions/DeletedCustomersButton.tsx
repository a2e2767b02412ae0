import { useState } from 'react'
import { ModalDialog } from '../../components/ModalDialog'
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
        <ModalDialog title="Deleted customers" onEscape={() => setOpen(false)}>
          <div className="modal__body">
            <p className="field__hint">Deleting a customer removes its record and history from this desk; this log keeps which company was deleted and when.</p>
            <DeletionLog hideHeading />
          </div>
          <div className="modal__footer">
            <button type="button" className="primary" data-autofocus onClick={() => setOpen(false)}>
              Close
            </button>
          </div>
        </ModalDialog>
      ) : null}
    </>
  )
}
