import { useId, useState } from 'react'
import { ACCESS_ACTIONS, type AccessAction } from '../../../../main/common/access-actions'
import type { AccessLogFilter, AccessLogPage, ChainReport } from '../../../../main/common/contract'
import { FieldFrame, TextField } from '../../components/TextField'
import { formats } from '../../formats'
import { useDesk, useDeskApi } from '../../store/desk-context'
import { actionLabel, ENTRIES, MATCHING_ENTRIES, chainSummary, filterFromInput, formatWhen, whoAndWhere, type FilterInput } from './access-log-text'
import { useAccessLog } from './use-access-log'
import './access-log.css'

const SHOWN = 200

type Outcome = null | { kind: 'info' | 'error'; text: string }

/**
 * The whole access log under Maintenance: filtered by action and by day, Verify chain (main reads the
 * file and says where the chain breaks) and Export CSV (main's save dialog, the list export's writer).
 */
export function AccessLogSection() {
  const api = useDeskApi()
  const showNotice = useDesk((state) => state.showNotice)
  const headingId = useId()
  const [input, setInput] = useState<FilterInput>({ action: '', fromDay: '', toDay: '' })
  const checked = filterFromInput(input)
  // A wrong day keeps the last list shown until it is put right (the message is at its field).
  const filter: AccessLogFilter | null = 'filter' in checked ? checked.filter : null
  const loaded = useAccessLog(filter, SHOWN)
  const [report, setReport] = useState<ChainReport | { error: string } | null>(null)
  const [outcome, setOutcome] = useState<Outcome>(null)
  const [busy, setBusy] = useState<null | 'verifying' | 'exporting'>(null)

  async function verify() {
    if (busy) return
    setBusy('verifying')
    const result = await api.accessLog.verify({})
    setBusy(null)
    setReport(result.ok ? result.value : { error: result.error.message })
  }

  async function exportCsv() {
    if (busy || filter === null) return
    setBusy('exporting')
    const result = await api.accessLog.exportCsv({ filter })
    setBusy(null)
    if (!result.ok) setOutcome({ kind: 'error', text: `The access log was not exported. ${result.error.message}` })
    else if (result.value.kind === 'saved') {
      const text = `Exported ${formats.plural(result.value.rows, ENTRIES)} to ${result.value.filePath}.`
      setOutcome({ kind: 'info', text })
      showNotice('info', text)
    }
  }

  const page = loaded && 'page' in loaded ? loaded.page : null
  let body
  if (loaded === null) body = <p aria-busy="true">Reading the access log…</p>
  else if ('error' in loaded) body = <p className="form-error" role="alert">The access log could not be read. {loaded.error}</p>
  else if (loaded.page.entries.length === 0) body = <p className="field__hint">No entries match.</p>
  else body = <EntryTable page={loaded.page} />

  return (
    <section className="maintenance-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Access log</h3>
      <p className="field__hint">
        Every reveal, copy and printed password, encrypted backup, restore, password change and import, lock, unlock and change of the lock’s settings, with the computer’s user and
        name. Each entry carries the hash of the one before it, so an entry edited, removed or moved outside the desk is found by Verify chain.
      </p>
      {page ? (
        <p className="field__hint maintenance-folder">
          Log file: <code>{page.file}</code>
        </p>
      ) : null}
      <div className="access-log-filter" role="group" aria-label="Filter the access log">
        <FieldFrame label="Action">
          {(control) => (
            <select {...control} value={input.action} onChange={(event) => setInput({ ...input, action: event.target.value as AccessAction | '' })}>
              <option value="">All actions</option>
              {ACCESS_ACTIONS.map((action) => (
                <option key={action} value={action}>
                  {actionLabel(action)}
                </option>
              ))}
            </select>
          )}
        </FieldFrame>
        <TextField type="date" label="From" value={input.fromDay} onChange={(fromDay) => setInput({ ...input, fromDay })} error={'field' in checked && checked.field === 'fromDay' ? checked.message : undefined} />
        <TextField type="date" label="To" value={input.toDay} onChange={(toDay) => setInput({ ...input, toDay })} error={'field' in checked && checked.field === 'toDay' ? checked.message : undefined} />
      </div>
      {body}
      <div className="actions maintenance-actions">
        <button type="button" onClick={() => void verify()} aria-disabled={busy !== null || undefined} aria-busy={busy === 'verifying' || undefined}>
          Verify chain
        </button>
        <button type="button" onClick={() => void exportCsv()} aria-disabled={busy !== null || undefined} aria-busy={busy === 'exporting' || undefined}>
          Export CSV…
        </button>
      </div>
      {report ? <ChainResult report={report} /> : null}
      {outcome ? (
        <p className={outcome.kind === 'error' ? 'form-error' : 'maintenance-done'} role={outcome.kind === 'error' ? 'alert' : 'status'}>
          {outcome.text}
        </p>
      ) : null}
    </section>
  )
}

function EntryTable({ page }: { page: AccessLogPage }) {
  return (
    <>
      <div className="maintenance-table-scroll">
        <table className="maintenance-table access-log-table" aria-label="Access log entries">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Action</th>
              <th scope="col">Customer</th>
              <th scope="col">Who</th>
            </tr>
          </thead>
          <tbody>
            {page.entries.map((entry) => (
              <tr key={entry.seq}>
                <td>
                  <time dateTime={entry.at}>{formatWhen(entry.at)}</time>
                </td>
                <td>
                  {actionLabel(entry.action)}
                  {entry.detail ? <span className="maintenance-table__kind">{entry.detail}</span> : null}
                </td>
                <td>{entry.companyName ?? '—'}</td>
                <td>{whoAndWhere(entry)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="field__hint">
        {page.matching > page.entries.length
          ? `The newest ${page.entries.length} of ${formats.plural(page.matching, MATCHING_ENTRIES)}; Export CSV writes them all.`
          : `${formats.plural(page.matching, ENTRIES)}, newest first.`}
      </p>
    </>
  )
}

function ChainResult({ report }: { report: ChainReport | { error: string } }) {
  if ('error' in report) {
    return (
      <p className="form-error" role="alert">
        The chain could not be checked. {report.error}
      </p>
    )
  }
  const summary = chainSummary(report)
  const shown = report.breaks.slice(0, 10)
  return (
    <div className={report.intact ? 'maintenance-done' : 'form-error'} role={report.intact ? 'status' : 'alert'}>
      <p>{summary}</p>
      {shown.length > 0 ? (
        <ul className="access-log-breaks">
          {shown.map((found) => (
            <li key={`${found.line}-${found.kind}`}>{found.message}</li>
          ))}
        </ul>
      ) : null}
      {report.breaks.length > shown.length ? <p>And {formats.plural(report.breaks.length - shown.length, 'more place')}.</p> : null}
    </div>
  )
}
