import { useEffect, useId, useRef, useState } from 'react'
import type { Customer, HistoryEntry } from '../../../../main/common/customer-model'
import { describeHistoryValue, historyFieldLabel } from '../../../../main/common/history-labels'
import { undoableEntryIds } from '../../../../main/common/vendors/adjustable'
import { pageLocale } from '../../formats'
import { useDesk, useDeskApi } from '../../store/desk-context'
import { formatWhen } from './history-format'
import './history.css'

type Loaded = { customer: Customer } | { error: string } | null

function EntryRow({ entry, undoing, onUndo }: { entry: HistoryEntry; undoing: boolean; onUndo?: () => void }) {
  const label = historyFieldLabel(entry.field)
  const value = describeHistoryValue(entry, pageLocale)
  return (
    <li className="history-entry">
      <div className="history-entry__text">
        <span className="history-entry__what">
          <strong>{label}</strong> {value}
        </span>
        <time dateTime={entry.at}>{formatWhen(entry.at)}</time>
        {entry.reason ? <span className="history-entry__reason">Reason: {entry.reason}</span> : null}
      </div>
      {onUndo ? (
        <button type="button" onClick={onUndo} disabled={undoing} aria-label={`Undo: ${label} ${value}`}>
          {undoing ? 'Undoing…' : 'Undo'}
        </button>
      ) : null}
    </li>
  )
}

/**
 * A customer's history, newest first: when, which field, from → to, and the reason. The latest
 * change of each figure the licence editor adjusts (User Licenses, Extra Storage) can be undone; the
 * undo is recorded as a change too.
 */
export function HistoryTimeline({ customerId, className }: { customerId: string; className?: string }) {
  const api = useDeskApi()
  const upsertCustomer = useDesk((state) => state.upsertCustomer)
  const showNotice = useDesk((state) => state.showNotice)
  // The list row changes whenever main saves this customer: then the history is read again.
  const updatedAt = useDesk((state) => state.customers.find((item) => item.id === customerId)?.updatedAt)
  const headingId = useId()
  const headingRef = useRef<HTMLHeadingElement>(null)
  const [loaded, setLoaded] = useState<Loaded>(null)
  const [undoingId, setUndoingId] = useState<string | null>(null)

  useEffect(() => {
    let current = true
    void api.customers.get({ id: customerId }).then((result) => {
      if (current) setLoaded(result.ok ? { customer: result.value } : { error: result.error.message })
    })
    return () => {
      current = false
    }
  }, [api, customerId, updatedAt])

  async function undo(entry: HistoryEntry) {
    setUndoingId(entry.id)
    const result = await api.licenses.undo({ id: customerId, entryId: entry.id })
    setUndoingId(null)
    if (!result.ok) {
      showNotice('error', result.error.message)
      return
    }
    setLoaded({ customer: result.value })
    upsertCustomer(result.value)
    // The Undo button pressed is gone now; the focus stays in the history instead of falling to the page.
    headingRef.current?.focus()
    const last = result.value.history.at(-1)
    const what = last ? `${historyFieldLabel(last.field)} ${describeHistoryValue(last, pageLocale)}` : historyFieldLabel(entry.field)
    showNotice('info', `Undone: ${what}. The undo is recorded in the history.`)
  }

  let body
  if (loaded === null) body = <p aria-busy="true">Loading the history…</p>
  else if ('error' in loaded) body = <p role="alert" className="form-error">{loaded.error}</p>
  else {
    const undoable = new Set(undoableEntryIds(loaded.customer))
    const newestFirst = loaded.customer.history.slice().reverse()
    body =
      newestFirst.length === 0 ? (
        <p className="field__hint">No changes recorded yet.</p>
      ) : (
        <ol className="history-timeline">
          {newestFirst.map((entry) => (
            <EntryRow
              key={entry.id}
              entry={entry}
              undoing={undoingId === entry.id}
              {...(undoable.has(entry.id) ? { onUndo: () => void undo(entry) } : {})}
            />
          ))}
        </ol>
      )
  }

  return (
    <section className={['history', className ?? ''].filter(Boolean).join(' ')} aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        History
      </h3>
      {body}
    </section>
  )
}
