import { useState } from 'react'
import { BillingDialog } from './BillingDialog'
// Here rather than in the dialog, so the dialog's sections render in Node too (test/unit/third-vendor.test.ts).
import './billing.css'

/** The header's way into the Billing view: the month's rows and the totals as of any day. */
export function BillingButton() {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Billing
      </button>
      {open ? <BillingDialog onClose={() => setOpen(false)} /> : null}
    </>
  )
}
