import { useEffect, useId, useState } from 'react'
import type { ExposedCustomer } from '../../../../main/common/contract'
import { passwordWords } from '../../../../main/common/vendors/password-words'
import { useDeskApi } from '../../store/desk-context'
import { exposureText, formatWhen } from './access-log-text'
import { useLogChanges } from './use-access-log'
import './access-log.css'

type Loaded = null | { rows: ExposedCustomer[] } | { error: string }

/**
 * The customers whose current Vault password was revealed, copied or printed since it was last set,
 * newest first: the ones to change when a technician leaves or a laptop is lost.
 */
export function ExposedSinceChanged({ onOpenCustomer }: { onOpenCustomer(id: string): void }) {
  const api = useDeskApi()
  const changes = useLogChanges()
  const headingId = useId()
  const [loaded, setLoaded] = useState<Loaded>(null)

  useEffect(() => {
    let current = true
    void api.accessLog.exposedSinceChanged({}).then((result) => {
      if (current) setLoaded(result.ok ? { rows: result.value } : { error: result.error.message })
    })
    return () => {
      current = false
    }
  }, [api, changes])

  let body
  if (loaded === null) body = <p aria-busy="true">Reading the access log…</p>
  else if ('error' in loaded) body = <p className="form-error" role="alert">The access log could not be read. {loaded.error}</p>
  else if (loaded.rows.length === 0) body = <p className="maintenance-done" role="status">No customer’s current password has been revealed, copied or printed since it was set.</p>
  else {
    body = (
      <div className="maintenance-table-scroll">
        <table className="maintenance-table" aria-label="Customers exposed since their password was changed">
          <thead>
            <tr>
              <th scope="col">Customer</th>
              <th scope="col">Last exposed</th>
              <th scope="col">Since the password was set</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {loaded.rows.map((row) => (
              <tr key={row.customerId}>
                <td>{row.companyName}</td>
                <td>
                  <time dateTime={row.lastExposedAt}>{formatWhen(row.lastExposedAt)}</time>
                </td>
                <td>
                  {exposureText(row.counts)}
                  <span className="maintenance-table__kind">{row.passwordSetAt ? `Set ${formatWhen(row.passwordSetAt)}` : 'Never set on this desk'}</span>
                </td>
                <td className="maintenance-table__action">
                  <button type="button" onClick={() => onOpenCustomer(row.customerId)} aria-label={`Open ${row.companyName}`}>
                    Open
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )
  }

  return (
    <section className="maintenance-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Exposed since changed</h3>
      <p className="field__hint">
        Customers whose current Vault password was revealed, copied or printed since it was last set, newest first: change these passwords (Change
        Password, then in the {passwordWords().name} portal) when a technician leaves or a laptop is lost.
      </p>
      {body}
    </section>
  )
}
