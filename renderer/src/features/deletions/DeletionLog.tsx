import { useEffect, useId, useState } from 'react'
import type { Tombstone } from '../../../../main/common/customer-model'
import { deletedLoginOf } from '../../../../main/common/vendors/accounts'
import { passwordWords } from '../../../../main/common/vendors/password-words'
import { useDesk, useDeskApi } from '../../store/desk-context'
// The history feature's entry also brings its timeline styles, which the log's entries share.
import { formatWhen } from '../history'

/**
 * The app-wide log of deleted customers, newest first: a deletion itself can be seen later.
 * `hideHeading` keeps the region's name for a screen reader where a dialog title already says it.
 */
export function DeletionLog({ hideHeading = false }: { hideHeading?: boolean }) {
  const api = useDeskApi()
  // Read again whenever the number of customers changes, as it does after a deletion.
  const customerCount = useDesk((state) => state.customers.length)
  const headingId = useId()
  const [loaded, setLoaded] = useState<{ deletions: Tombstone[] } | { error: string } | null>(null)

  useEffect(() => {
    let current = true
    void api.history.deletions({}).then((result) => {
      if (current) setLoaded(result.ok ? { deletions: result.value } : { error: result.error.message })
    })
    return () => {
      current = false
    }
  }, [api, customerCount])

  let body
  if (loaded === null) body = <p aria-busy="true">Loading the deletion log…</p>
  else if ('error' in loaded) body = <p role="alert" className="form-error">{loaded.error}</p>
  else if (loaded.deletions.length === 0) body = <p className="field__hint">No customer has been deleted.</p>
  else {
    body = (
      <ol className="history-timeline">
        {loaded.deletions.map((tombstone) => (
          <li key={`${tombstone.customerId}-${tombstone.deletedAt}`} className="history-entry">
            <div className="history-entry__text">
              <span className="history-entry__what">
                <strong>{tombstone.companyName}</strong> deleted
                {deletedLoginOf(tombstone) ? ` (${passwordWords().name} username ${deletedLoginOf(tombstone)})` : ''}
              </span>
              <time dateTime={tombstone.deletedAt}>{formatWhen(tombstone.deletedAt)}</time>
            </div>
          </li>
        ))}
      </ol>
    )
  }
  return (
    <section className="history" aria-labelledby={headingId}>
      <h3 id={headingId} className={hideHeading ? 'visually-hidden' : undefined}>
        Deleted customers
      </h3>
      {body}
    </section>
  )
}
