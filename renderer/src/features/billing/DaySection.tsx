import { useId, useState } from 'react'
import type { BillingVendor } from '../../../../main/common/billing/billing-vendor'
import { endOfLocalDay, localDayOf } from '../../../../main/common/billing/local-days'
import type { BillingAsOfView } from '../../../../main/common/contract'
import { useDeskApi } from '../../store/desk-context'
import { AsOfPanel } from './AsOfPanel'
import { formatDay, untracedNote } from './billing-text'
import { useLoaded } from './use-loaded'

/** The totals of every billing vendor as they stood at the end of one chosen day. */
export function DaySection({ vendors }: { vendors: readonly BillingVendor[] }) {
  const dayId = useId()
  const [day, setDay] = useState(() => localDayOf(new Date()))
  const until = endOfLocalDay(day)
  return (
    <section className="billing-section" aria-labelledby={`${dayId}-heading`}>
      <h3 id={`${dayId}-heading`}>Totals as of a day</h3>
      <div className="billing-controls">
        <div className="field">
          <label htmlFor={dayId}>As of the end of</label>
          <input id={dayId} type="date" value={day} required onChange={(event) => setDay(event.target.value)} />
        </div>
      </div>
      {!until ? <p className="field__error">Choose a day.</p> : null}
      {vendors.map((vendor, index) => (
        // The deletions without a billing record are the same for every vendor: said once.
        <VendorTotals key={vendor.key} vendor={vendor} day={day} until={until} withNote={index === 0} />
      ))}
    </section>
  )
}

function VendorTotals({ vendor, day, until, withNote }: { vendor: BillingVendor; day: string; until: string | null; withNote: boolean }) {
  const api = useDeskApi()
  const asOfView = useLoaded<BillingAsOfView>(until ? () => api.billing.asOf({ vendor: vendor.key, until }) : null, until ?? '')
  const dayNote = withNote && asOfView && 'view' in asOfView ? untracedNote(asOfView.view.untracedDeletions, `the end of ${formatDay(day)}`) : null
  return (
    <>
      {dayNote ? <p className="field__hint">{dayNote}</p> : null}
      {asOfView && 'error' in asOfView ? (
        <p role="alert" className="form-error">
          {asOfView.error}
        </p>
      ) : null}
      {asOfView && 'view' in asOfView ? <AsOfPanel vendor={vendor} view={asOfView.view} caption={`${vendor.label} totals at the end of ${formatDay(day)}`} /> : null}
    </>
  )
}
