import type { Customer } from './customer-model'
import { accountOf } from './vendors/accounts'
import { vendors } from './vendors/registry'

/** One field of a portal's form, in the order the portal shows it, and what to put into it. */
export type FillStep =
  /** Copied as written: the portal takes this text in `field`. */
  | { field: string; kind: 'text'; text: string }
  /** Copied by main from the keychain through the protected clipboard; the page never holds it. */
  | { field: string; kind: 'password' }
  /** A list or option in the portal: the text is copied too, but the user picks it there. */
  | { field: string; kind: 'choose'; text: string }
  /** Nothing to paste: the portal's field is left as it is. */
  | { field: string; kind: 'leave-empty' }

/** One vendor's portal form for a new customer (its definition's portalForm) walked field by field. */
export interface PortalForm {
  vendor: string
  /** The portal and its window, in the portal's own words. */
  title: string
  /** Where the form is in the portal, so the user opens the right one. */
  where: string
  steps: FillStep[]
}

type CustomerRecord = Omit<Customer, 'history'>

/** The portal forms this customer's services fill, in the registry's vendor order; none for a customer without services. */
export function portalForms(customer: CustomerRecord): PortalForm[] {
  return vendors().flatMap((vendor) => {
    const account = accountOf(customer, vendor)
    return account !== null && vendor.portalForm ? [vendor.portalForm(account, customer.companyName)] : []
  })
}

/** What the panel says once a step's value is on the clipboard. */
export function pasteInstruction(step: FillStep): string {
  switch (step.kind) {
    case 'text':
      return `Paste it into ${step.field}.`
    case 'password':
      return `Paste it into ${step.field}. The clipboard is cleared after a short delay.`
    case 'choose':
      return `Choose it in ${step.field} (the text is on the clipboard too).`
    case 'leave-empty':
      return `Leave ${step.field} empty.`
  }
}
