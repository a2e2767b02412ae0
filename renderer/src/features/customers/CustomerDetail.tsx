import type { CustomerListItem } from '../../../../main/common/contract'
import { accountOf } from '../../../../main/common/vendors/accounts'
import { vendors } from '../../../../main/common/vendors/registry'
import { DetailField } from '../../components/DetailField'
import { CustomerAccessLog } from '../access-log'
import { CustomerSheetButton } from '../exports'
import { useDesk } from '../../store/desk-context'
import { HistoryTimeline } from '../history'
import { FillPortalButton } from '../portal-fill'
import { screensOf } from '../../vendors/registry'
import { OnboardingSteps } from '../onboarding'
import { ServiceBadges } from './customer-columns'
import { formatDateTime } from './customer-format'
import { DeleteCustomer } from './DeleteCustomer'
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
          <FillPortalButton customers={[customer]} />
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

        {vendors().map((vendor) => {
          const { DetailSection, kind } = screensOf(vendor)
          const account = accountOf(customer, vendor)
          const headingId = `${vendor.key}-${customer.id}`
          return (
            <section key={vendor.key} className="detail-section" aria-labelledby={headingId}>
              <h3 id={headingId}>
                {vendor.name} {kind ? <span className="detail-section__kind">{kind}</span> : null}
              </h3>
              {account !== null ? (
                <DetailSection vendor={vendor} customer={customer} account={account} onCopy={copy} />
              ) : (
                <p className="detail-section__empty">No {vendor.accountLabel}. Use Edit to add one.</p>
              )}
            </section>
          )
        })}

        <OnboardingSteps customer={customer} className="detail-section" />
        <HistoryTimeline customerId={customer.id} className="detail-section" />
        <CustomerAccessLog customerId={customer.id} className="detail-section" />
      </div>
    </section>
  )
}
