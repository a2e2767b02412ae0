import type { BillingVendor } from '../../../../main/common/billing/billing-vendor'
import type { BillingMonthView } from '../../../../main/common/contract'
import { describeHistoryValue, historyFieldLabel } from '../../../../main/common/history-labels'
import { formats, pageLocale } from '../../formats'
import { showFigure } from './billing-text'

const PARTS = [
  { key: 'start', label: 'Start' },
  { key: 'end', label: 'End' },
  { key: 'highest', label: 'Highest' },
] as const

/** Rows asked for and drawn at first and per "Show more": a month of 10,000 customers at once would hold the page for seconds. */
export const ROWS_PER_PAGE = 200

/**
 * One row per customer of the month: each figure at the start, at the end and at its highest, the
 * changes, and the sums (always of every row, however many are drawn).
 */
export function MonthTable({ vendor, view, caption, onShowMore }: { vendor: BillingVendor; view: BillingMonthView; caption: string; onShowMore(): void }) {
  const rows = view.rows
  const rest = view.rowCount - rows.length
  return (
    <>
      <table className="billing-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              Customer
            </th>
            {vendor.group ? (
              <th scope="col" rowSpan={2}>
                {vendor.group.label}
              </th>
            ) : null}
            {vendor.measures.map((measure) => (
              <th key={measure.key} scope="colgroup" colSpan={PARTS.length} className="billing-table__group">
                {measure.label}
              </th>
            ))}
            <th scope="col" rowSpan={2}>
              Changes
            </th>
          </tr>
          <tr>
            {vendor.measures.flatMap((measure) =>
              PARTS.map((part) => (
                <th key={`${measure.key}-${part.key}`} scope="col" className="billing-table__figure">
                  {part.label}
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.customerId}>
              <th scope="row">
                {row.companyName}
                {row.createdInMonth ? ' ' : null}
                {row.createdInMonth ? <span className="billing-mark billing-mark--new">New in month</span> : null}
                {row.deletedInMonth ? ' ' : null}
                {row.deletedInMonth ? <span className="billing-mark billing-mark--gone">Deleted in month</span> : null}
              </th>
              {vendor.group ? <td>{row.group}</td> : null}
              {vendor.measures.flatMap((measure) =>
                PARTS.map((part) => (
                  <td key={`${measure.key}-${part.key}`} className="billing-table__figure">
                    {showFigure(measure, row.measures[measure.key]?.[part.key])}
                  </td>
                )),
              )}
              <td className="billing-table__changes">
                {row.changes.length === 0 ? null : (
                  <ul>
                    {row.changes.map((entry) => (
                      <li key={entry.id}>
                        <time dateTime={entry.at}>{formats.dateTime(entry.at)}</time> {historyFieldLabel(entry.field)}: {describeHistoryValue(entry, pageLocale)}
                        {entry.reason ? <span className="billing-table__reason"> ({entry.reason})</span> : null}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total ({formats.plural(view.totals.customers, 'customer')})</th>
            {vendor.group ? <td /> : null}
            {vendor.measures.flatMap((measure) =>
              PARTS.map((part) => (
                <td key={`${measure.key}-${part.key}`} className="billing-table__figure">
                  {showFigure(measure, view.totals.measures[measure.key]?.[part.key] ?? 0)}
                </td>
              )),
            )}
            <td />
          </tr>
        </tfoot>
      </table>
      {rest > 0 ? (
        <p className="billing-more">
          {formats.number(rows.length)} of {formats.plural(view.rowCount, 'customer')} shown; the totals cover all of them.{' '}
          <button type="button" onClick={onShowMore}>
            Show {formats.number(Math.min(rest, ROWS_PER_PAGE))} more
          </button>
        </p>
      ) : null}
    </>
  )
}
