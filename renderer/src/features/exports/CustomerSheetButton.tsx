import { useState } from 'react'
import type { CustomerListItem } from '../../../../main/common/contract'
import { holdsPassword } from '../../../../main/common/vendors/accounts'
import { SheetDialog } from './SheetDialog'

/** "Customer sheet (PDF)" for one customer, e.g. in its detail view. */
export function CustomerSheetButton({ customer }: { customer: CustomerListItem }) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Customer sheet (PDF)
      </button>
      {open ? (
        <SheetDialog
          title={`Customer sheet for ${customer.companyName}`}
          customerIds={[customer.id]}
          withVaultAccount={holdsPassword(customer) ? 1 : 0}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  )
}
