import { useId, useState } from 'react'
import type { KeychainReport } from '../../../../main/common/contract'
import type { DeskError } from '../../../../main/common/result'
import { passwordWords } from '../../../../main/common/vendors/password-words'
import { NestedConfirm } from './NestedConfirm'
import { useDesk, useDeskApi } from '../../store/desk-context'
import { KEYCHAIN_ALL_GOOD, plural } from './maintenance-text'

type Checked = null | { report: KeychainReport } | { error: DeskError }

function failureText(action: string, error: DeskError): string {
  // The vault's own message already says the keychain is locked or missing and that nothing was saved elsewhere.
  return error.code === 'keychain-unavailable' ? `${action}: ${error.message}` : `${action}. ${error.message}`
}

/**
 * Compares the keychain with the customers: customers with the password vendor's account but no password (open one and
 * use Change Password) and entries left by customers no longer on the desk (removed after a question).
 * The check runs on request: on some systems each keychain read may ask the user.
 */
export function KeychainCheck({ onOpenCustomer }: { onOpenCustomer(id: string): void }) {
  const api = useDeskApi()
  const showNotice = useDesk((state) => state.showNotice)
  const headingId = useId()
  const [checked, setChecked] = useState<Checked>(null)
  const [busy, setBusy] = useState<null | 'checking' | 'removing'>(null)
  const [asking, setAsking] = useState(false)
  const [removed, setRemoved] = useState<string | null>(null)
  const [removeError, setRemoveError] = useState<string | null>(null)

  async function check() {
    if (busy) return
    setBusy('checking')
    const result = await api.maintenance.checkKeychain({})
    setBusy(null)
    setChecked(result.ok ? { report: result.value } : { error: result.error })
  }

  async function removeLeftovers(report: KeychainReport) {
    setBusy('removing')
    setRemoveError(null)
    const result = await api.maintenance.removeLeftoverPasswords({ customerIds: report.leftover.map((entry) => entry.customerId) })
    setBusy(null)
    setAsking(false)
    if (!result.ok) {
      setRemoveError(failureText('The leftover entries were not removed', result.error))
      return
    }
    const text = `Removed ${plural(result.value.removed, { one: '# leftover entry', other: '# leftover entries' })} from the keychain.`
    setRemoved(text)
    showNotice('info', text)
    await check()
  }

  const report = checked && 'report' in checked ? checked.report : null
  return (
    <section className="maintenance-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Keychain check</h3>
      <p className="field__hint">
        Compares the Vault passwords in the system keychain with the customers on this desk. The check itself changes nothing.
      </p>
      <div className="actions maintenance-actions">
        <button type="button" onClick={() => void check()} aria-disabled={busy !== null || undefined} aria-busy={busy === 'checking' || undefined}>
          {checked === null ? 'Check the keychain' : 'Check again'}
        </button>
      </div>
      {busy === 'checking' ? <p aria-busy="true">Checking the keychain…</p> : null}
      {checked && 'error' in checked ? (
        <p className="form-error" role="alert">
          {failureText('The keychain could not be checked', checked.error)}
        </p>
      ) : null}
      {removed ? (
        <p className="maintenance-done" role="status">
          {removed}
        </p>
      ) : null}
      {report && report.missing.length === 0 && report.leftover.length === 0 ? (
        <p className="maintenance-done" role="status">
          {KEYCHAIN_ALL_GOOD}
        </p>
      ) : null}
      {report && report.missing.length > 0 ? <MissingPasswords missing={report.missing} onOpenCustomer={onOpenCustomer} /> : null}
      {report && report.leftover.length > 0 ? (
        <LeftoverEntries leftover={report.leftover} error={removeError} onRemove={() => setAsking(true)} />
      ) : null}
      {asking && report ? (
        <NestedConfirm
          title="Remove leftover entries"
          message={`Remove ${plural(report.leftover.length, 'password')} from the keychain? They belong to customers that are no longer on this desk or no longer have ${passwordWords().anAccount}, and cannot be recovered once removed. If you mean to restore a backup that still has those customers, restore it first.`}
          confirmLabel="Remove"
          danger
          busy={busy === 'removing'}
          onConfirm={() => void removeLeftovers(report)}
          onCancel={() => setAsking(false)}
        />
      ) : null}
    </section>
  )
}

function MissingPasswords({ missing, onOpenCustomer }: { missing: KeychainReport['missing']; onOpenCustomer(id: string): void }) {
  const headingId = useId()
  return (
    <div className="maintenance-finding" role="group" aria-labelledby={headingId}>
      <h4 id={headingId}>Customers without a password ({missing.length})</h4>
      <p className="field__hint">
        Their Vault password is not in the keychain (the entry was removed, or the keychain was reset). Open each one and use Change Password to
        record the password the Vault has, or set a new one there and in the portal.
      </p>
      <ul className="maintenance-list">
        {missing.map((entry) => (
          <li key={entry.customerId}>
            <span>
              <strong>{entry.companyName}</strong> <span className="maintenance-list__detail">
                {passwordWords().name} username {entry.username}
              </span>
            </span>
            <button type="button" onClick={() => onOpenCustomer(entry.customerId)} aria-label={`Open ${entry.companyName}`}>
              Open
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}

const LEFTOVER_DETAIL: Record<KeychainReport['leftover'][number]['why'], string | null> = {
  deleted: 'deleted',
  'no-account': `no ${passwordWords().account}`,
  unknown: null,
}

function LeftoverEntries({ leftover, error, onRemove }: { leftover: KeychainReport['leftover']; error: string | null; onRemove(): void }) {
  const headingId = useId()
  return (
    <div className="maintenance-finding" role="group" aria-labelledby={headingId}>
      <h4 id={headingId}>Entries left over ({leftover.length})</h4>
      <p className="field__hint">
        These passwords belong to customers that are no longer on this desk (deleted, or not in a restored backup) or no longer have{' '}
        {passwordWords().anAccount}. Nothing uses them.
      </p>
      <ul className="maintenance-list">
        {leftover.map((entry) => (
          <li key={entry.customerId}>
            <span>
              <strong>{entry.companyName ?? 'A customer this desk does not know'}</strong>{' '}
              <span className="maintenance-list__detail">{LEFTOVER_DETAIL[entry.why] ?? `entry ${entry.customerId}`}</span>
            </span>
          </li>
        ))}
      </ul>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" className="danger" onClick={onRemove}>
          Remove leftover entries…
        </button>
      </div>
    </div>
  )
}
