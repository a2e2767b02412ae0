import { useState } from 'react'
import type { NexeticSubscription } from '../../../../main/common/vendors/nexetic/subscription'
import { STORAGE_TYPE_LOCKED_NOTE } from '../../../../main/common/vendors/nexetic/subscription'
import { DetailField } from '../../components/DetailField'
import { LicenseEditor } from '../../features/licenses'
import { formats } from '../../formats'
import type { VendorDetailSectionProps } from '../screens'

/** The subscription's fields in the Nexetic Portal's words, each with Copy, and the license and storage editor. */
export function NexeticDetailSection({ customer, account, onCopy }: VendorDetailSectionProps) {
  const nexetic = account as NexeticSubscription
  const [editingLicenses, setEditingLicenses] = useState(false)
  return (
    <>
      <dl className="detail-fields">
        <DetailField label="Organization name" value={nexetic.organizationName} onCopy={onCopy} />
        <DetailField label="Domain" value={nexetic.domain} onCopy={onCopy} />
        <DetailField label="User Licenses" value={String(nexetic.userLicenses)} display={formats.number(nexetic.userLicenses)} onCopy={onCopy} />
        <DetailField
          label="Extra Storage"
          value={String(nexetic.extraStorageGb)}
          display={formats.storage(nexetic.extraStorageGb)}
          hint="Copy gives the number of GB, as the portal asks."
          onCopy={onCopy}
        />
        <DetailField
          label="Notify Users"
          value={nexetic.notifyUsers.join('; ')}
          display={
            <span className="detail-list">
              {nexetic.notifyUsers.map((address, index) => (
                <span key={address}>
                  {index > 0 ? <span className="visually-hidden">; </span> : null}
                  {address}
                </span>
              ))}
            </span>
          }
          onCopy={onCopy}
        />
        <DetailField label="Storage Type" value={nexetic.storageType} hint={STORAGE_TYPE_LOCKED_NOTE} onCopy={onCopy} />
      </dl>
      <div className="actions">
        <button type="button" onClick={() => setEditingLicenses(true)}>
          Edit licenses and storage
        </button>
      </div>
      {editingLicenses ? <LicenseEditor customer={customer} onClose={() => setEditingLicenses(false)} /> : null}
    </>
  )
}
