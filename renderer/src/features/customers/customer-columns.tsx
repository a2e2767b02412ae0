import type { ReactNode } from 'react'
import type { CustomerListItem } from '../../../../main/common/contract'
import { formatCount, formatDate, formatStorage } from './customer-format'
import type { SortColumn } from './customer-query'

export interface CustomerColumn {
  /** The portal's own label, as in the form and the detail. */
  label: string
  /** The portal the value belongs to, shown above the label. */
  vendor?: 'x360Recover' | 'Nexetic'
  sort?: SortColumn
  numeric?: boolean
  render(customer: CustomerListItem): ReactNode
}

/** A cell without a value: a dash to the eye, "None" to a screen reader. */
function None() {
  return (
    <>
      <span className="none-value" aria-hidden="true">
        —
      </span>
      <span className="visually-hidden">None</span>
    </>
  )
}

export function ServiceBadges({ customer }: { customer: CustomerListItem }) {
  if (!customer.x360 && !customer.nexetic) return <span className="none-value">No service</span>
  return (
    <span className="badges">
      {customer.x360 ? <span className="badge badge--x360">x360Recover</span> : null}
      {customer.nexetic ? <span className="badge badge--nexetic">Nexetic</span> : null}
    </span>
  )
}

export const CUSTOMER_COLUMNS: CustomerColumn[] = [
  { label: 'Company', sort: 'company', render: (customer) => customer.companyName },
  { label: 'Customer Username', vendor: 'x360Recover', sort: 'username', render: (customer) => customer.x360?.username ?? <None /> },
  {
    label: 'User Licenses',
    vendor: 'Nexetic',
    sort: 'licenses',
    numeric: true,
    render: (customer) => (customer.nexetic ? formatCount(customer.nexetic.userLicenses) : <None />),
  },
  {
    label: 'Extra Storage',
    vendor: 'Nexetic',
    sort: 'storage',
    numeric: true,
    render: (customer) => (customer.nexetic ? formatStorage(customer.nexetic.extraStorageGb) : <None />),
  },
  { label: 'Services', render: (customer) => <ServiceBadges customer={customer} /> },
  { label: 'Updated', sort: 'updated', render: (customer) => formatDate(customer.updatedAt) },
]
