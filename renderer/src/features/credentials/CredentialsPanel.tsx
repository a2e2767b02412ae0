import { useEffect, useState } from 'react'
import type { CustomerListItem } from '../../../../main/common/contract'
import { holdsPassword, passwordSetAtOf } from '../../../../main/common/vendors/accounts'
import { passwordWords } from '../../../../main/common/vendors/password-words'
import type { DeskError } from '../../../../main/common/result'
import { TextField } from '../../components/TextField'
import { formats } from '../../formats'
import { useDesk, useDeskApi } from '../../store/desk-context'
import { ChangePasswordDialog } from './ChangePasswordDialog'
import { FollowUpChecklist } from './FollowUpChecklist'
import { PasswordAge } from './PasswordAge'
import { PreviousPasswords } from './PreviousPasswords'
import './credentials.css'

/** How long a revealed password stays on screen before it is hidden again. */
export const REVEAL_SECONDS = 20

function problemText(error: DeskError): string {
  if (error.code === 'keychain-unavailable') return `The password could not be read: ${error.message}`
  return error.message
}

/** The Vault credentials of one customer: reveal (briefly), copy (done by main), Change Password. */
export function CredentialsPanel({ customer }: { customer: CustomerListItem }) {
  const api = useDeskApi()
  const showNotice = useDesk((state) => state.showNotice)
  // Tied to the customer it belongs to, so selecting another customer never shows this one's password.
  const [revealed, setRevealed] = useState<{ id: string; password: string } | null>(null)
  const [problem, setProblem] = useState<{ id: string; error: DeskError } | null>(null)
  const [changing, setChanging] = useState(false)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (!revealed) return
    const timer = setTimeout(() => setRevealed(null), REVEAL_SECONDS * 1000)
    return () => clearTimeout(timer)
  }, [revealed])

  if (!holdsPassword(customer)) return null
  const shownPassword = revealed?.id === customer.id ? revealed.password : null
  const shownProblem = problem?.id === customer.id ? problem.error : null

  async function reveal() {
    setBusy(true)
    const result = await api.customers.revealPassword({ id: customer.id })
    setBusy(false)
    setProblem(result.ok ? null : { id: customer.id, error: result.error })
    setRevealed(result.ok ? { id: customer.id, password: result.value.password } : null)
  }

  async function copy() {
    setBusy(true)
    const result = await api.customers.copyPassword({ id: customer.id })
    setBusy(false)
    setProblem(result.ok ? null : { id: customer.id, error: result.error })
    if (result.ok) showNotice('info', `Password copied; the clipboard is cleared in ${result.value.clearsAfterSeconds} s`)
  }

  const setAt = passwordSetAtOf(customer)
  return (
    <section className="credentials" aria-labelledby={`credentials-${customer.id}`}>
      <h4 id={`credentials-${customer.id}`}>Vault credentials</h4>
      <p className="field__hint">
        {passwordWords().loginNote} {setAt ? `Last set ${formats.dateTime(setAt)}.` : 'No password has been set here yet.'}
      </p>
      <PasswordAge setAt={setAt} />
      {shownPassword !== null ? (
        <TextField
          label="Vault password"
          value={shownPassword}
          onChange={() => undefined}
          readOnly
          spellCheck={false}
          className="secret"
          hint={`Hidden again in ${REVEAL_SECONDS} seconds.`}
          actions={
            <button type="button" onClick={() => setRevealed(null)}>
              Hide
            </button>
          }
        />
      ) : null}
      {shownProblem ? (
        <div className="form-error" role="alert">
          <p>{problemText(shownProblem)}</p>
          {shownProblem.code === 'not-found' ? (
            <button type="button" onClick={() => setChanging(true)}>
              Set a new password
            </button>
          ) : null}
        </div>
      ) : null}
      <div className="actions">
        {shownPassword === null ? (
          <button type="button" onClick={reveal} disabled={busy}>
            Reveal password
          </button>
        ) : null}
        <button type="button" onClick={copy} disabled={busy}>
          Copy password
        </button>
        <button type="button" onClick={() => setChanging(true)}>
          Change Password
        </button>
      </div>
      <FollowUpChecklist customer={customer} />
      <PreviousPasswords customer={customer} />
      {changing ? (
        <ChangePasswordDialog
          customer={customer}
          onClose={(changed) => {
            setChanging(false)
            if (changed) {
              setRevealed(null)
              setProblem(null)
            }
          }}
        />
      ) : null}
    </section>
  )
}
