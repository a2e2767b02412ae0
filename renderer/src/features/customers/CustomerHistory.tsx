import { useEffect, useState } from 'react'
import type { HistoryEntry } from '../../../../main/common/customer-model'
import { useDeskApi } from '../../store/desk-context'
import { formatDateTime, formatStorage } from './customer-format'

const FIELD_LABELS: Record<string, string> = {
  customer: 'Customer',
  companyName: 'Customer Company Name',
  notes: 'Notes',
  x360: 'x360Recover account',
  'x360.username': 'Customer Username',
  'x360.email': 'Customer Email Address',
  'x360.locations': 'Locations',
  'x360.password': 'Customer Password',
  nexetic: 'Nexetic subscription',
  'nexetic.organizationName': 'Organization name',
  'nexetic.domain': 'Domain',
  'nexetic.userLicenses': 'User Licenses',
  'nexetic.extraStorageGb': 'Extra Storage',
  'nexetic.notifyUsers': 'Notify Users',
  'nexetic.storageType': 'Storage Type',
}

function describe(entry: HistoryEntry): string {
  if (entry.field === 'customer') return entry.to ?? ''
  if (entry.field === 'x360.password') return 'changed'
  if (entry.field === 'x360' || entry.field === 'nexetic') return entry.to !== null ? 'added' : 'removed'
  const show = (value: string | null) => {
    if (value === null || value === '') return '(empty)'
    return entry.field === 'nexetic.extraStorageGb' && /^\d+$/.test(value) ? formatStorage(Number(value)) : value
  }
  return `${show(entry.from)} → ${show(entry.to)}`
}

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
                <strong>{FIELD_LABELS[entry.field] ?? entry.field}</strong> {describe(entry)}
                {entry.reason ? <span className="history-list__reason"> — {entry.reason}</span> : null}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
