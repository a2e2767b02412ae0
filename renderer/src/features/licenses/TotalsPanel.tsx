import { useId, useMemo } from 'react'
import type { CustomerListItem } from '../../../../main/common/contract'
import { STORAGE_TYPES } from '../../../../main/common/customer-model'
import { formatStorage } from '../../../../main/common/license-change'
import { computeTotals } from '../../../../main/common/totals'
import './licenses.css'

interface TotalsPanelProps {
  /** The customers to total: the whole list, or the filtered view. */
  customers: readonly CustomerListItem[]
  /** The region's name; "Totals" unless a page shows more than one. */
  label?: string
  /** Says what was totalled, e.g. "Filtered view: 12 of 40 customers". */
  caption?: string
}

const count = (value: number): string => value.toLocaleString('en-US')
const customersOf = (value: number): string => `${count(value)} ${value === 1 ? 'customer' : 'customers'}`

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="totals__figure">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  )
}

/** The figures staff check a vendor's invoice against, for whatever list it is given. */
export function TotalsPanel({ customers, label = 'Totals', caption }: TotalsPanelProps) {
  const totals = useMemo(() => computeTotals(customers), [customers])
  const nexeticId = useId()
  const x360Id = useId()
  return (
    <section className="totals" aria-label={label}>
      {caption ? <p className="totals__caption">{caption}</p> : null}
      <div className="totals__groups">
        <div className="totals__group" role="group" aria-labelledby={nexeticId}>
          <h3 id={nexeticId}>Nexetic</h3>
          <dl className="totals__figures">
            <Figure label="Nexetic customers" value={count(totals.nexetic.customers)} />
            <Figure label="User Licenses" value={count(totals.nexetic.userLicenses)} />
            <Figure label="Extra Storage" value={formatStorage(totals.nexetic.extraStorageGb)} />
            {STORAGE_TYPES.map((type) => (
              <Figure key={type} label={type} value={customersOf(totals.nexetic.byStorageType[type])} />
            ))}
          </dl>
        </div>
        <div className="totals__group" role="group" aria-labelledby={x360Id}>
          <h3 id={x360Id}>x360Recover</h3>
          <dl className="totals__figures">
            <Figure label="x360Recover customers" value={count(totals.x360.customers)} />
            <Figure label="Locations" value={count(totals.x360.locations)} />
          </dl>
        </div>
      </div>
    </section>
  )
}
