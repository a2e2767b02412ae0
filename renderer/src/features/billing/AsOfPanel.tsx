import { byCompanyName } from '../../../../main/common/company-order'
import type { BillingAsOfView } from '../../../../main/common/contract'
import { nexeticBilling } from '../../../../main/common/vendors/nexetic/billing'
import { formats } from '../../formats'
import { showFigure } from './billing-text'

const vendor = nexeticBilling

/** The totals as they stood at the end of the chosen day, and the customers behind them. */
export function AsOfPanel({ view, caption }: { view: BillingAsOfView; caption: string }) {
  const customers = [...view.customers].sort(byCompanyName)
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
            {vendor.group.values.map((value) => (
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
            {vendor.group.values.map((value) => (
              <td key={value}>{formats.number(view.totals.byGroup[value] ?? 0)}</td>
            ))}
          </tr>
        </tbody>
      </table>
      <details className="billing-details">
        <summary>The {formats.plural(customers.length, `${vendor.label} customer`)} on that day</summary>
        <table className="billing-table">
          <thead>
            <tr>
              <th scope="col">Customer</th>
              <th scope="col">{vendor.group.label}</th>
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
                <td>{state.group}</td>
                {vendor.measures.map((measure) => (
                  <td key={measure.key} className="billing-table__figure">
                    {showFigure(measure, state.measures[measure.key])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  )
}
