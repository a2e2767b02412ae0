import type { PortalForm } from '../../portal-fill'
import type { X360Account } from './account'

/**
 * The Customer Details window of x360Recover's Add User, field by field in the portal's order. Locations are typed
 * separated by commas there, so they are copied that way.
 */
export function x360PortalForm(account: X360Account, companyName: string): PortalForm {
  return {
    vendor: 'x360',
    title: 'x360Recover: Customer Details',
    where: 'Licensing Portal, User Management > Users > Add User',
    steps: [
      { field: 'Customer Username', kind: 'text', text: account.username },
      { field: 'Customer Company Name', kind: 'text', text: companyName },
      { field: 'Customer Password', kind: 'password' },
      { field: 'Customer Confirm Password', kind: 'password' },
      { field: 'Customer Email Address', kind: 'text', text: account.email },
      { field: 'Locations', kind: 'text', text: account.locations.join(', ') },
    ],
  }
}
