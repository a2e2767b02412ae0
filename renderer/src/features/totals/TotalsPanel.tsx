import { useId } from 'react'
import type { CustomerListItem } from '../../../../main/common/contract'
import { STORAGE_TYPES } from '../../../../main/common/customer-model'
import { computeTotals, type Totals } from '../../../../main/common/totals'
import { formats } from '../../formats'
import './totals.css'

/** One row of totals: a name staff can tell apart ("All customers", "Shown (filtered)") and the customers it covers. */
export interface TotalsScope {
  label: string
  customers: readonly CustomerListItem[]
}

interface TotalsPanelProps {
  /** Usually the whole desk, and the filtered view under it while a search or filter is active. */
  scopes: readonly TotalsScope[]
  /** The region's name; "Totals" unless a page shows more than one. */
  label?: string
}

const count = (value: number): string => formats.number(value)

// Totals per list object: a list is replaced, never changed in place, and a search that comes back to a
// list already shown (every customer matches, or the search is cleared) finds its totals here.
const totalsByList = new WeakMap<readonly CustomerListItem[], Totals>()

function totalsOf(customers: readonly CustomerListItem[]): Totals {
  let totals = totalsByList.get(customers)
  if (!totals) {
    totals = computeTotals(customers)
    totalsByList.set(customers, totals)
  }
  return totals
}

/** Totalled only when its list changes: the whole desk is not summed again on each keystroke of a search. */
function TotalsRow({ scope }: { scope: TotalsScope }) {
  const totals = totalsOf(scope.customers)
  return (
    <tr>
      <th scope="row">
        {scope.label} <span className="totals__count">({count(totals.customers)})</span>
      </th>
      <td>{count(totals.nexetic.customers)}</td>
      <td>{count(totals.nexetic.userLicenses)}</td>
      <td>{formats.storage(totals.nexetic.extraStorageGb)}</td>
      {STORAGE_TYPES.map((type) => (
        <td key={type}>{count(totals.nexetic.byStorageType[type])}</td>
      ))}
      <td className="totals__group-start">{count(totals.x360.customers)}</td>
      <td>{count(totals.x360.locations)}</td>
    </tr>
  )
}

/** The figures staff check the vendors' invoices against, one row per list (the desk, the filtered view). */
export function TotalsPanel({ scopes, label = 'Totals' }: TotalsPanelProps) {
  const headingId = useId()
  return (
    <section className="totals" aria-labelledby={headingId}>
      <table className="totals__table">
        <caption id={headingId}>{label}</caption>
        <thead>
          <tr>
            <td rowSpan={2} />
            <th scope="colgroup" colSpan={3 + STORAGE_TYPES.length} className="totals__group">
              Nexetic
            </th>
            <th scope="colgroup" colSpan={2} className="totals__group totals__group-start">
              x360Recover
            </th>
          </tr>
          <tr>
            <th scope="col">Customers</th>
            <th scope="col">User Licenses</th>
            <th scope="col">Extra Storage</th>
            {STORAGE_TYPES.map((type) => (
              <th key={type} scope="col" title={`Nexetic customers on ${type}`}>
                {type}
              </th>
            ))}
            <th scope="col" className="totals__group-start">
              Customers
            </th>
            <th scope="col">Locations</th>
          </tr>
        </thead>
        <tbody>
          {scopes.map((scope) => (
            <TotalsRow key={scope.label} scope={scope} />
          ))}
        </tbody>
      </table>
    </section>
  )
}
