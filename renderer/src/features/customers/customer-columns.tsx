import type { CustomerListItem } from '../../../../main/common/contract'
import { accountOf } from '../../../../main/common/vendors/accounts'
import { vendors } from '../../../../main/common/vendors/registry'
import { vendorColumns } from '../../vendors/registry'
import type { CustomerColumn } from '../../vendors/screens'
import { formatDate } from './customer-format'

export type { CustomerColumn } from '../../vendors/screens'

export function ServiceBadges({ customer }: { customer: CustomerListItem }) {
  const held = vendors().filter((vendor) => accountOf(customer, vendor) !== null)
  if (held.length === 0) return <span className="none-value">No service</span>
  return (
    <span className="badges">
      {held.map((vendor) => (
        <span key={vendor.key} className={`badge badge--${vendor.key}`}>
          {vendor.name}
        </span>
      ))}
    </span>
  )
}

/** The company, each vendor's columns (renderer/src/vendors/<key>/screens.tsx), the services and the last change. */
export const CUSTOMER_COLUMNS: CustomerColumn[] = [
  { label: 'Company', sort: 'company', render: (customer) => customer.companyName },
  ...vendorColumns(),
  { label: 'Services', render: (customer) => <ServiceBadges customer={customer} /> },
  { label: 'Updated', sort: 'updated', render: (customer) => formatDate(customer.updatedAt) },
]
