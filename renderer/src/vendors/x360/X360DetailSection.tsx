import type { X360Account } from '../../../../main/common/vendors/x360/account'
import { DIRECT_TO_CLOUD_NOTE } from '../../../../main/common/vendors/x360/account'
import { DetailField } from '../../components/DetailField'
import { CredentialsPanel } from '../../features/credentials'
import type { VendorDetailSectionProps } from '../screens'

/** The Vault login, each field with Copy, the billing note and the password's own panel. */
export function X360DetailSection({ customer, account, onCopy }: VendorDetailSectionProps) {
  const x360 = account as X360Account
  return (
    <>
      <dl className="detail-fields">
        <DetailField label="Customer Username" value={x360.username} onCopy={onCopy} />
        <DetailField label="Customer Email Address" value={x360.email} onCopy={onCopy} />
        <DetailField label="Locations" value={x360.locations.join(', ')} onCopy={onCopy} />
      </dl>
      <p className="note">{DIRECT_TO_CLOUD_NOTE}</p>
      <CredentialsPanel customer={customer} />
    </>
  )
}
