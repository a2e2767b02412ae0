import { useId } from 'react'
import { formats } from '../../formats'
import { actionLabel, ENTRIES, formatWhen, whoAndWhere } from './access-log-text'
import { useAccessLog } from './use-access-log'
import './access-log.css'

const SHOWN = 20

/** One customer's entries of the access log, newest first: who saw, copied or printed its password, and when. */
export function CustomerAccessLog({ customerId, className }: { customerId: string; className?: string }) {
  const headingId = useId()
  const loaded = useAccessLog({ customerId }, SHOWN)

  let body
  if (loaded === null) body = <p aria-busy="true">Reading the access log…</p>
  else if ('error' in loaded) body = <p role="alert" className="form-error">The access log could not be read. {loaded.error}</p>
  else if (loaded.page.entries.length === 0) body = <p className="field__hint">Nobody has revealed, copied or printed this customer’s password on this desk.</p>
  else {
    body = (
      <>
        <ol className="access-log-entries">
          {loaded.page.entries.map((entry) => (
            <li key={entry.seq} className="access-log-entry">
              <strong>{actionLabel(entry.action)}</strong>
              <span className="access-log-entry__meta">
                <time dateTime={entry.at}>{formatWhen(entry.at)}</time> · {whoAndWhere(entry)}
              </span>
            </li>
          ))}
        </ol>
        {loaded.page.matching > loaded.page.entries.length ? (
          <p className="field__hint">
            The newest {SHOWN} of {formats.plural(loaded.page.matching, ENTRIES)}; Maintenance › Access log shows them all.
          </p>
        ) : null}
      </>
    )
  }

  return (
    <section className={['access-log', className ?? ''].filter(Boolean).join(' ')} aria-labelledby={headingId}>
      <h3 id={headingId}>Access log</h3>
      {body}
    </section>
  )
}
