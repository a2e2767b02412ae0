import type { CustomerListItem } from '../../../../main/common/contract'

/** The Vault credentials of one customer: reveal, copy, Change Password (placeholder). */
export function CredentialsPanel({ customer }: { customer: CustomerListItem }) {
  if (!customer.x360) return null
  return <p>Vault password: stored in the keychain.</p>
}
