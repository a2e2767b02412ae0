import type { ComponentType, ReactNode } from 'react'
import type { CustomerListItem } from '../../../main/common/contract'
import type { AnyVendor } from '../../../main/common/vendors/vendor-definition'
import type { CustomerFormModel } from '../features/customer-form'

export interface VendorFormSectionProps {
  vendor: AnyVendor
  model: CustomerFormModel
}

export interface VendorDetailSectionProps {
  vendor: AnyVendor
  customer: CustomerListItem
  /** The account under the vendor's key (never null here: the section says so itself otherwise). */
  account: unknown
  onCopy(label: string, text: string): void
}

export interface CustomerColumn {
  /** The portal's own label, as in the form and the detail. */
  label: string
  /** The portal the value belongs to, shown above the label. */
  vendor?: string
  /** The list's sort column: 'company', 'updated', or a vendor's sort key. */
  sort?: string
  numeric?: boolean
  render(customer: CustomerListItem): ReactNode
}

/** One figure of the totals table: its header and how it is shown. */
export interface TotalsColumn {
  label: string
  title?: string
  value(figures: unknown): string
}

/**
 * What the page shows of a vendor beyond its definition. Every part is optional: a vendor without its
 * own form or detail section gets the generic ones, built from its definition's columns.
 */
export interface VendorScreens {
  FormSection?: ComponentType<VendorFormSectionProps>
  DetailSection?: ComponentType<VendorDetailSectionProps>
  /** The detail section's heading after the name ("Direct-to-Cloud"). */
  kind?: string
  /** The customer list's columns of this vendor, after the company. */
  columns?: readonly CustomerColumn[]
  /** The totals table's figures of this vendor. */
  totals?: readonly TotalsColumn[]
  // Licence editor:
  /** What the licence editor shows of the account besides its figures, before the reason (the locked Storage Type). */
  AdjustmentsExtra?: ComponentType<VendorAdjustmentsExtraProps>
}

export interface VendorAdjustmentsExtraProps {
  /** The account under the vendor's key, whose figures the editor changes. */
  account: unknown
}
