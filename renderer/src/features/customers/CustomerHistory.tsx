import { useEffect, useState } from 'react'
import type { HistoryEntry } from '../../../../main/common/customer-model'
import { describeHistoryValue, historyFieldLabel } from '../../../../main/common/history-labels'
import { useDeskApi } from '../../store/desk-context'
import { formatDateTime } from './customer-format'

type Loaded = { key: string; entries: HistoryEntry[] } | { key: string; error: string }

/** The customer's history, newest first; the list items leave it out, so it is fetched for the open customer. */
export function CustomerHistory({ id, updatedAt }: { id: string; updatedAt: string }) {
  const api = useDeskApi()
  const key = `${id}@${updatedAt}`
  const [loaded, setLoaded] = useState<Loaded | null>(null)

  useEffect(() => {
    let current = true
    void api.customers.get({ id }).then((result) => {
      if (!current) return
      setLoaded(result.ok ? { key, entries: [...result.value.history].reverse() } : { key, error: result.error.message })
    })
    return () => {
      current = false
    }
  }, [api, id, key])

  return (
    <section className="detail-section" aria-label="History">
      <h3>History</h3>
      {loaded === null || loaded.key !== key ? (
        <p className="detail-section__empty" aria-busy="true">
          Loading…
        </p>
      ) : 'error' in loaded ? (
        <p className="detail-section__empty">The history could not be loaded. {loaded.error}</p>
      ) : (
        <ol className="history-list">
          {loaded.entries.map((entry) => (
            <li key={entry.id}>
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              <span>
                <strong>{historyFieldLabel(entry.field)}</strong> {describeHistoryValue(entry)}
                {entry.reason ? <span className="history-list__reason"> — {entry.reason}</span> : null}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
