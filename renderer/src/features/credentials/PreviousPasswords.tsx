import { useEffect, useId, useState } from 'react'
import type { CustomerListItem, PreviousPasswordInfo } from '../../../../main/common/contract'
import type { DeskError } from '../../../../main/common/result'
import { holdsPassword, passwordSetAtOf } from '../../../../main/common/vendors/accounts'
import { formats } from '../../formats'
import { useDesk, useDeskApi } from '../../store/desk-context'

/** As long as the current password: a revealed one is hidden again after this. */
const REVEAL_SECONDS = 20

type Loaded = { id: string; entries: PreviousPasswordInfo[] } | { id: string; error: DeskError } | null

/**
 * The replaced Vault passwords main keeps (newest 5), for when a change did not reach the portal. Only
 * dates reach the page until the user asks: Reveal shows one briefly, Copy goes through main's clipboard.
 */
export function PreviousPasswords({ customer }: { customer: CustomerListItem }) {
  const api = useDeskApi()
  const showNotice = useDesk((state) => state.showNotice)
  const headingId = useId()
  const [loaded, setLoaded] = useState<Loaded>(null)
  // Tied to the customer and entry it belongs to, so selecting another customer never shows this one's password.
  const [revealed, setRevealed] = useState<{ id: string; entryId: string; password: string } | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const setAt = passwordSetAtOf(customer)

  useEffect(() => {
    let current = true
    void api.passwordHistory.previous({ id: customer.id }).then((result) => {
      if (current) setLoaded(result.ok ? { id: customer.id, entries: result.value } : { id: customer.id, error: result.error })
    })
    return () => {
      current = false
    }
  }, [api, customer.id, setAt])

  useEffect(() => {
    if (!revealed) return
    const timer = setTimeout(() => setRevealed(null), REVEAL_SECONDS * 1000)
    return () => clearTimeout(timer)
  }, [revealed])

  if (!holdsPassword(customer) || loaded?.id !== customer.id) return null
  if ('error' in loaded) return <p className="form-error">The previous passwords could not be listed: {loaded.error.message}</p>
  if (loaded.entries.length === 0) return null

  async function reveal(entryId: string) {
    setBusy(true)
    const result = await api.passwordHistory.revealPrevious({ id: customer.id, entryId })
    setBusy(false)
    setProblem(result.ok ? null : result.error.message)
    setRevealed(result.ok ? { id: customer.id, entryId, password: result.value.password } : null)
  }

  async function copy(entryId: string) {
    setBusy(true)
    const result = await api.passwordHistory.copyPrevious({ id: customer.id, entryId })
    setBusy(false)
    setProblem(result.ok ? null : result.error.message)
    if (result.ok) showNotice('info', `Previous password copied; the clipboard is cleared in ${result.value.clearsAfterSeconds} s`)
  }

  return (
    <section className="previous-passwords" aria-labelledby={headingId}>
      <h5 id={headingId}>Previous passwords</h5>
      <p className="field__hint">Kept in the keychain (the newest 5), for when a change did not reach the portal.</p>
      {problem ? (
        <p className="form-error" role="alert">
          {problem}
        </p>
      ) : null}
      <ul className="previous-passwords__list">
        {loaded.entries.map((entry) => {
          const when = `Set ${formats.dateTime(entry.setAt)}, replaced ${formats.dateTime(entry.replacedAt)}`
          const shown = revealed?.id === customer.id && revealed.entryId === entry.entryId ? revealed.password : null
          return (
            <li key={entry.entryId} aria-label={when}>
              <span className="previous-passwords__when">{when}</span>
              {shown !== null ? (
                <input className="secret" readOnly value={shown} spellCheck={false} aria-label={`Previous password set ${formats.dateTime(entry.setAt)}`} />
              ) : null}
              <span className="previous-passwords__actions">
                {shown === null ? (
                  <button type="button" disabled={busy} onClick={() => void reveal(entry.entryId)}>
                    Reveal
                  </button>
                ) : (
                  <button type="button" onClick={() => setRevealed(null)}>
                    Hide
                  </button>
                )}
                <button type="button" disabled={busy} onClick={() => void copy(entry.entryId)}>
                  Copy
                </button>
              </span>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
