import { useState } from 'react'
import type { CustomerListItem } from '../../../../main/common/contract'
import { portalForms } from '../../../../main/common/portal-fill'
import { FillPortalPanel } from './FillPortalPanel'

/** Opens the fill-in panel for a customer that has at least one portal form to fill. */
export function FillPortalButton({ customer }: { customer: CustomerListItem }) {
  const [open, setOpen] = useState(false)
  if (portalForms(customer).length === 0) return null
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Fill in the portal
      </button>
      {open ? <FillPortalPanel customer={customer} onClose={() => setOpen(false)} /> : null}
    </>
  )
}
