import { useId, useState } from 'react'
import type { BillingVendor } from '../../../../main/common/billing/billing-vendor'
import { localMonthBounds, localMonthOf } from '../../../../main/common/billing/local-days'
import type { BillingMonthView, ListFormat } from '../../../../main/common/contract'
import { formats } from '../../formats'
import { useDesk, useDeskApi } from '../../store/desk-context'
import { formatMonth, untracedNote } from './billing-text'
import { MonthTable, ROWS_PER_PAGE } from './MonthTable'
import { useLoaded } from './use-loaded'

const FORMAT_NAMES: Record<ListFormat, string> = { csv: 'CSV', xlsx: 'spreadsheet' }

/** One billing vendor's month: one row per customer that had its service (figures at the start, the end and their highest, the changes, the totals), exportable. */
export function MonthSection({ vendor, autoFocus }: { vendor: BillingVendor; autoFocus: boolean }) {
  const api = useDeskApi()
  const showNotice = useDesk((state) => state.showNotice)
  const monthId = useId()
  const [month, setMonth] = useState(() => localMonthOf(new Date()))
  const [exporting, setExporting] = useState(false)
  const [shown, setShown] = useState({ month, rows: ROWS_PER_PAGE })
  const shownRows = shown.month === month ? shown.rows : ROWS_PER_PAGE
  const bounds = localMonthBounds(month)

  const monthView = useLoaded<BillingMonthView>(
    bounds ? () => api.billing.month({ vendor: vendor.key, month, ...bounds, rows: shownRows }) : null,
    bounds ? `${month}:${shownRows}` : '',
    (previous) => previous.startsWith(`${month}:`),
  )

  async function exportMonth(format: ListFormat) {
    if (!bounds) return
    setExporting(true)
    try {
      const result = await api.billing.monthExport({ vendor: vendor.key, month, ...bounds, format })
      if (!result.ok) showNotice('error', `The billing ${FORMAT_NAMES[format]} was not saved. ${result.error.message}`)
      else if (result.value.kind === 'saved') showNotice('info', `Exported the billing of ${formatMonth(month)} (${formats.plural(result.value.rows, 'customer')}) to ${result.value.filePath}`)
    } finally {
      setExporting(false)
    }
  }

  const monthNote = monthView && 'view' in monthView ? untracedNote(monthView.view.untracedDeletions, `the start of ${formatMonth(month)}`) : null

  return (
    <section className="billing-section" aria-labelledby={`${monthId}-heading`}>
      <h3 id={`${monthId}-heading`}>{vendor.label} month by month</h3>
      <div className="billing-controls">
        <div className="field">
          <label htmlFor={monthId}>Month</label>
          <input id={monthId} type="month" value={month} required data-autofocus={autoFocus || undefined} onChange={(event) => setMonth(event.target.value)} />
        </div>
        <button type="button" disabled={!bounds || exporting} onClick={() => void exportMonth('csv')}>
          Export month as CSV…
        </button>
        <button type="button" disabled={!bounds || exporting} onClick={() => void exportMonth('xlsx')}>
          Export month as spreadsheet (.xlsx)…
        </button>
      </div>
      {!bounds ? <p className="field__error">Choose a month.</p> : null}
      {monthNote ? <p className="field__hint">{monthNote}</p> : null}
      {monthView === null && bounds ? <p aria-busy="true">Loading the month…</p> : null}
      {monthView && 'error' in monthView ? (
        <p role="alert" className="form-error">
          {monthView.error}
        </p>
      ) : null}
      {monthView && 'view' in monthView ? (
        monthView.view.rows.length === 0 ? (
          <p className="field__hint">{`No customer had ${vendor.subscription} in ${formatMonth(month)}.`}</p>
        ) : (
          <div className="billing-scroll">
            <MonthTable
              vendor={vendor}
              view={monthView.view}
              caption={`${vendor.label} billing for ${formatMonth(month)}`}
              onShowMore={() => setShown({ month, rows: shownRows + ROWS_PER_PAGE })}
            />
          </div>
        )
      ) : null}
    </section>
  )
}
