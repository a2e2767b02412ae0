import { useId } from 'react'
import type { CustomerListItem } from '../../../../main/common/contract'
import { computeTotals, type Totals } from '../../../../main/common/totals'
import { formats } from '../../formats'
import { screensOf, totalsVendors } from '../../vendors/registry'
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
      {totalsVendors().flatMap((vendor, group) =>
        screensOf(vendor).totals.map((column, index) => (
          <td key={`${vendor.key}:${column.label}`} className={group > 0 && index === 0 ? 'totals__group-start' : undefined}>
            {column.value((totals as unknown as Record<string, unknown>)[vendor.key])}
          </td>
        )),
      )}
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
            {totalsVendors().map((vendor, group) => (
              <th key={vendor.key} scope="colgroup" colSpan={screensOf(vendor).totals.length} className={group > 0 ? 'totals__group totals__group-start' : 'totals__group'}>
                {vendor.name}
              </th>
            ))}
          </tr>
          <tr>
            {totalsVendors().flatMap((vendor, group) =>
              screensOf(vendor).totals.map((column, index) => (
                <th
                  key={`${vendor.key}:${column.label}`}
                  scope="col"
                  title={column.title}
                  className={group > 0 && index === 0 ? 'totals__group-start' : undefined}
                >
                  {column.label}
                </th>
              )),
            )}
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
