import { useState } from 'react'
import type { CustomerListItem } from '../../../../main/common/contract'
import { portalForms } from '../../../../main/common/portal-fill'
import { FillPortalPanel } from './FillPortalPanel'

/** Opens the fill-in panel for the customers (one in the detail, the list's selection) that have a portal form to fill. */
export function FillPortalButton({ customers, label = 'Fill in the portal' }: { customers: readonly CustomerListItem[]; label?: string }) {
  const [open, setOpen] = useState(false)
  if (!customers.some((customer) => portalForms(customer).length > 0)) return null
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        {label}
      </button>
      {open ? <FillPortalPanel customers={customers} onClose={() => setOpen(false)} /> : null}
    </>
  )
}
