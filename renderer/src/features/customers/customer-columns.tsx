import type { ReactNode } from 'react'
import type { CustomerListItem } from '../../../../main/common/contract'
import { formatCount, formatDate, formatStorage } from './customer-format'
import type { SortColumn } from './customer-query'

export interface CustomerColumn {
  label: string
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
  { label: 'x360 username', sort: 'username', render: (customer) => customer.x360?.username ?? <None /> },
  {
    label: 'Nexetic licenses',
    sort: 'licenses',
    numeric: true,
    render: (customer) => (customer.nexetic ? formatCount(customer.nexetic.userLicenses) : <None />),
  },
  {
    label: 'Nexetic storage',
    sort: 'storage',
    numeric: true,
    render: (customer) => (customer.nexetic ? formatStorage(customer.nexetic.extraStorageGb) : <None />),
  },
  { label: 'Services', render: (customer) => <ServiceBadges customer={customer} /> },
  { label: 'Updated', sort: 'updated', render: (customer) => formatDate(customer.updatedAt) },
]
