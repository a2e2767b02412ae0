import { billingVendors } from '../../../../main/common/vendors/registry'
import { ModalDialog } from '../../components/ModalDialog'
import { DaySection } from './DaySection'
import { MonthSection } from './MonthSection'

/**
 * The Billing view: for each billing vendor, a chosen month's rows, exportable; and every billing
 * vendor's totals as they stood at the end of any day. Days and months are the user's own, in this
 * machine's time zone (see local-days.ts).
 */
export function BillingDialog({ onClose }: { onClose(): void }) {
  const vendors = billingVendors()
  return (
    <ModalDialog title="Billing" onEscape={onClose} className="modal--billing">
      <div className="modal__body">
        {vendors.map((vendor, index) => (
          <MonthSection key={vendor.key} vendor={vendor} autoFocus={index === 0} />
        ))}
        <DaySection vendors={vendors} />
      </div>
      <div className="modal__footer">
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </ModalDialog>
  )
}
