import { useState } from 'react'
import type { CustomerListItem } from '../../../../main/common/contract'
import { DIRECT_TO_CLOUD_NOTE, STORAGE_TYPE_LOCKED_NOTE } from '../../../../main/common/customer-model'
import { CredentialsPanel } from '../credentials'
import { CustomerSheetButton } from '../exports'
import { useDesk } from '../../store/desk-context'
import { HistoryTimeline } from '../history'
import { LicenseEditor } from '../licenses'
import { OnboardingSteps } from '../onboarding'
import { ServiceBadges } from './customer-columns'
import { formatCount, formatDateTime, formatStorage } from './customer-format'
import { DeleteCustomer } from './DeleteCustomer'
import { DetailField } from './DetailField'
import { useCopyText } from './use-copy-text'

/** Every field of the selected customer, in the portals' words, each with a Copy button. */
export function CustomerDetail() {
  const customer = useDesk((state) => state.customers.find((item) => item.id === state.selectedId))
  if (!customer) return null
  return <CustomerDetailView key={customer.id} customer={customer} />
}

function CustomerDetailView({ customer }: { customer: CustomerListItem }) {
  const openEdit = useDesk((state) => state.openEdit)
  const selectCustomer = useDesk((state) => state.selectCustomer)
  const copy = useCopyText()
  const [editingLicenses, setEditingLicenses] = useState(false)
  const { x360, nexetic } = customer

  return (
    <section className="detail-pane" aria-label={`Details of ${customer.companyName}`}>
      <header className="detail-pane__header">
        <div className="detail-pane__title">
          <h2>{customer.companyName}</h2>
          <ServiceBadges customer={customer} />
        </div>
        <div className="detail-pane__actions">
          <button type="button" className="primary" onClick={() => openEdit(customer.id)}>
            Edit
          </button>
          <DeleteCustomer customer={customer} />
          <CustomerSheetButton customer={customer} />
          <button type="button" className="icon-button" aria-label="Close details" title="Close details" onClick={() => selectCustomer(null)}>
            ×
          </button>
        </div>
      </header>

      <div className="detail-pane__body">
        <dl className="detail-fields">
          <DetailField label="Customer Company Name" value={customer.companyName} onCopy={copy} />
          <DetailField label="Notes" value={customer.notes} display={<span className="detail-notes">{customer.notes}</span>} onCopy={copy} />
          <DetailField label="Created" value={formatDateTime(customer.createdAt)} />
          <DetailField label="Updated" value={formatDateTime(customer.updatedAt)} />
        </dl>

        <section className="detail-section" aria-labelledby={`x360-${customer.id}`}>
          <h3 id={`x360-${customer.id}`}>
            x360Recover <span className="detail-section__kind">Direct-to-Cloud</span>
          </h3>
          {x360 ? (
            <>
              <dl className="detail-fields">
                <DetailField label="Customer Username" value={x360.username} onCopy={copy} />
                <DetailField label="Customer Email Address" value={x360.email} onCopy={copy} />
                <DetailField label="Locations" value={x360.locations.join(', ')} onCopy={copy} />
              </dl>
              <p className="note">{DIRECT_TO_CLOUD_NOTE}</p>
              <CredentialsPanel customer={customer} />
            </>
          ) : (
            <p className="detail-section__empty">No x360Recover account. Use Edit to add one.</p>
          )}
        </section>

        <section className="detail-section" aria-labelledby={`nexetic-${customer.id}`}>
          <h3 id={`nexetic-${customer.id}`}>
            Nexetic <span className="detail-section__kind">Wholesale</span>
          </h3>
          {nexetic ? (
            <>
              <dl className="detail-fields">
                <DetailField label="Organization name" value={nexetic.organizationName} onCopy={copy} />
                <DetailField label="Domain" value={nexetic.domain} onCopy={copy} />
                <DetailField label="User Licenses" value={String(nexetic.userLicenses)} display={formatCount(nexetic.userLicenses)} onCopy={copy} />
                <DetailField
                  label="Extra Storage"
                  value={String(nexetic.extraStorageGb)}
                  display={formatStorage(nexetic.extraStorageGb)}
                  hint="Copy gives the number of GB, as the portal asks."
                  onCopy={copy}
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
                  onCopy={copy}
                />
                <DetailField label="Storage Type" value={nexetic.storageType} hint={STORAGE_TYPE_LOCKED_NOTE} onCopy={copy} />
              </dl>
              <div className="actions">
                <button type="button" onClick={() => setEditingLicenses(true)}>
                  Edit licenses and storage
                </button>
              </div>
            </>
          ) : (
            <p className="detail-section__empty">No Nexetic subscription. Use Edit to add one.</p>
          )}
        </section>

        <OnboardingSteps customer={customer} className="detail-section" />
        <HistoryTimeline customerId={customer.id} className="detail-section" />
      </div>
      {editingLicenses ? <LicenseEditor customer={customer} onClose={() => setEditingLicenses(false)} /> : null}
    </section>
  )
}
