import { useEffect, useId, useState } from 'react'
import { endOfLocalDay, localDayOf, localMonthBounds, localMonthOf } from '../../../../main/common/billing/local-days'
import type { BillingAsOfView, BillingMonthView, ListFormat } from '../../../../main/common/contract'
import { ModalDialog } from '../../components/ModalDialog'
import { formats } from '../../formats'
import { useDesk, useDeskApi } from '../../store/desk-context'
import { AsOfPanel } from './AsOfPanel'
import { formatDay, formatMonth, untracedNote } from './billing-text'
import { MonthTable, ROWS_PER_PAGE } from './MonthTable'
import './billing.css'

type Loaded<T> = { view: T } | { error: string } | null

const FORMAT_NAMES: Record<ListFormat, string> = { csv: 'CSV', xlsx: 'spreadsheet' }

/** Reads a view again whenever its request or the customers change (an edit made behind the dialog). */
/** `keeps(previousKey)`: while the new request loads, the previous answer stays shown (more rows of the same month). */
function useLoaded<T>(load: (() => Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>) | null, key: string, keeps: (previousKey: string) => boolean = () => false): Loaded<T> {
  const customers = useDesk((state) => state.customers)
  const [loaded, setLoaded] = useState<{ key: string; value: Loaded<T> }>({ key: '', value: null })
  useEffect(() => {
    if (!load) return
    let current = true
    void load().then((result) => {
      if (current) setLoaded({ key, value: result.ok ? { view: result.value } : { error: result.error.message } })
    })
    return () => {
      current = false
    }
    // `load` is rebuilt on every render; `key` says what it asks for.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, customers])
  return loaded.key === key || keeps(loaded.key) ? loaded.value : null
}

/**
 * The Billing view: for a chosen month one row per Nexetic customer (figures at the start, the end
 * and their highest, the changes, the totals), exportable; and the totals as they stood at the end of
 * any day. Days and months are the user's own, in this machine's time zone (see local-days.ts).
 */
export function BillingDialog({ onClose }: { onClose(): void }) {
  const api = useDeskApi()
  const showNotice = useDesk((state) => state.showNotice)
  const monthId = useId()
  const dayId = useId()
  const [month, setMonth] = useState(() => localMonthOf(new Date()))
  const [day, setDay] = useState(() => localDayOf(new Date()))
  const [exporting, setExporting] = useState(false)
  const [shown, setShown] = useState({ month, rows: ROWS_PER_PAGE })
  const shownRows = shown.month === month ? shown.rows : ROWS_PER_PAGE
  const bounds = localMonthBounds(month)
  const until = endOfLocalDay(day)

  const monthView = useLoaded<BillingMonthView>(bounds ? () => api.billing.month({ month, ...bounds, rows: shownRows }) : null, bounds ? `${month}:${shownRows}` : '', (previous) => previous.startsWith(`${month}:`))
  const asOfView = useLoaded<BillingAsOfView>(until ? () => api.billing.asOf({ until }) : null, until ?? '')

  async function exportMonth(format: ListFormat) {
    if (!bounds) return
    setExporting(true)
    try {
      const result = await api.billing.monthExport({ month, ...bounds, format })
      if (!result.ok) showNotice('error', `The billing ${FORMAT_NAMES[format]} was not saved. ${result.error.message}`)
      else if (result.value.kind === 'saved') showNotice('info', `Exported the billing of ${formatMonth(month)} (${formats.plural(result.value.rows, 'customer')}) to ${result.value.filePath}`)
    } finally {
      setExporting(false)
    }
  }

  const monthNote = monthView && 'view' in monthView ? untracedNote(monthView.view.untracedDeletions, `the start of ${formatMonth(month)}`) : null
  const dayNote = asOfView && 'view' in asOfView ? untracedNote(asOfView.view.untracedDeletions, `the end of ${formatDay(day)}`) : null

  return (
    <ModalDialog title="Billing" onEscape={onClose} className="modal--billing">
      <div className="modal__body">
        <section className="billing-section" aria-labelledby={`${monthId}-heading`}>
          <h3 id={`${monthId}-heading`}>Nexetic month by month</h3>
          <div className="billing-controls">
            <div className="field">
              <label htmlFor={monthId}>Month</label>
              <input id={monthId} type="month" value={month} required data-autofocus onChange={(event) => setMonth(event.target.value)} />
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
              <p className="field__hint">No customer had a Nexetic subscription in {formatMonth(month)}.</p>
            ) : (
              <div className="billing-scroll">
                <MonthTable
                  view={monthView.view}
                  caption={`Nexetic billing for ${formatMonth(month)}`}
                  onShowMore={() => setShown({ month, rows: shownRows + ROWS_PER_PAGE })}
                />
              </div>
            )
          ) : null}
        </section>
        <section className="billing-section" aria-labelledby={`${dayId}-heading`}>
          <h3 id={`${dayId}-heading`}>Totals as of a day</h3>
          <div className="billing-controls">
            <div className="field">
              <label htmlFor={dayId}>As of the end of</label>
              <input id={dayId} type="date" value={day} required onChange={(event) => setDay(event.target.value)} />
            </div>
          </div>
          {!until ? <p className="field__error">Choose a day.</p> : null}
          {dayNote ? <p className="field__hint">{dayNote}</p> : null}
          {asOfView && 'error' in asOfView ? (
            <p role="alert" className="form-error">
              {asOfView.error}
            </p>
          ) : null}
          {asOfView && 'view' in asOfView ? <AsOfPanel view={asOfView.view} caption={`Nexetic totals at the end of ${formatDay(day)}`} /> : null}
        </section>
      </div>
      <div className="modal__footer">
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </ModalDialog>
  )
}
