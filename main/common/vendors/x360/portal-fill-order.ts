import type { Customer } from '../../customer-model'
import type { PortalForm } from '../../portal-fill'

/**
 * The Customer Details window of x360Recover's Add User, field by field in the portal's order. Locations are typed
 * separated by commas there, so they are copied that way.
 */
export function x360PortalForm(customer: Pick<Customer, 'companyName' | 'x360'>): PortalForm | null {
  const account = customer.x360
  if (!account) return null
  return {
    vendor: 'x360',
    title: 'x360Recover: Customer Details',
    where: 'Licensing Portal, User Management > Users > Add User',
    steps: [
      { field: 'Customer Username', kind: 'text', text: account.username },
      { field: 'Customer Company Name', kind: 'text', text: customer.companyName },
      { field: 'Customer Password', kind: 'password' },
      { field: 'Customer Confirm Password', kind: 'password' },
      { field: 'Customer Email Address', kind: 'text', text: account.email },
      { field: 'Locations', kind: 'text', text: account.locations.join(', ') },
    ],
  }
}
