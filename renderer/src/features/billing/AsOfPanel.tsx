import { useState } from 'react'
import type { BillingVendor } from '../../../../main/common/billing/billing-vendor'
import { byCompanyName } from '../../../../main/common/company-order'
import type { BillingAsOfView } from '../../../../main/common/contract'
import { formats } from '../../formats'
import { showFigure } from './billing-text'
import { ROWS_PER_PAGE } from './MonthTable'

/** One vendor's totals as they stood at the end of the chosen day, and the customers behind them. */
export function AsOfPanel({ vendor, view, caption }: { vendor: BillingVendor; view: BillingAsOfView; caption: string }) {
  // The list is drawn only while it is open: thousands of rows nobody asked to see would slow every day chosen.
  const [listOpen, setListOpen] = useState(false)
  const [shown, setShown] = useState(ROWS_PER_PAGE)
  const customers = listOpen ? [...view.customers].sort(byCompanyName).slice(0, shown) : []
  const rest = view.customers.length - customers.length
  const groupValues = vendor.group?.values ?? []
  return (
    <>
      <table className="billing-table billing-table--totals">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Customers</th>
            {vendor.measures.map((measure) => (
              <th key={measure.key} scope="col">
                {measure.label}
              </th>
            ))}
            {groupValues.map((value) => (
              <th key={value} scope="col" title={`${vendor.label} customers on ${value}`}>
                {value}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{formats.number(view.totals.customers)}</td>
            {vendor.measures.map((measure) => (
              <td key={measure.key}>{showFigure(measure, view.totals.measures[measure.key] ?? 0)}</td>
            ))}
            {groupValues.map((value) => (
              <td key={value}>{formats.number(view.totals.byGroup[value] ?? 0)}</td>
            ))}
          </tr>
        </tbody>
      </table>
      <details className="billing-details" open={listOpen} onToggle={(event) => setListOpen(event.currentTarget.open)}>
        <summary>The {formats.plural(view.customers.length, `${vendor.label} customer`)} on that day</summary>
        {listOpen ? (
          <table className="billing-table">
            <thead>
              <tr>
                <th scope="col">Customer</th>
                {vendor.group ? <th scope="col">{vendor.group.label}</th> : null}
                {vendor.measures.map((measure) => (
                  <th key={measure.key} scope="col" className="billing-table__figure">
                    {measure.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {customers.map((state) => (
                <tr key={state.customerId}>
                  <th scope="row">{state.companyName}</th>
                  {vendor.group ? <td>{state.group}</td> : null}
                  {vendor.measures.map((measure) => (
                    <td key={measure.key} className="billing-table__figure">
                      {showFigure(measure, state.measures[measure.key])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {listOpen && rest > 0 ? (
          <p className="billing-more">
            {formats.number(customers.length)} of {formats.plural(view.customers.length, 'customer')} shown.{' '}
            <button type="button" onClick={() => setShown(shown + ROWS_PER_PAGE)}>
              Show {formats.number(Math.min(rest, ROWS_PER_PAGE))} more
            </button>
          </p>
        ) : null}
      </details>
    </>
  )
}
