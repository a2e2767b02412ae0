import { useEffect, useId, useState } from 'react'
import type { BackupInfo, BackupList } from '../../../../main/common/contract'
import { NestedConfirm } from './NestedConfirm'
import { useDesk, useDeskApi } from '../../store/desk-context'
import { formatBackupDay, localDay, plural } from './maintenance-text'

type Loaded = null | { list: BackupList } | { error: string }
type Outcome = null | { kind: 'info' | 'error'; text: string }

/**
 * The dated copies of the customer file, newest first, each restorable after a question that names
 * its day and says the current file is kept first. `onRestored` lets the dialog refresh what depends on it.
 */
export function DailyBackups({ onRestored }: { onRestored(): void }) {
  const api = useDeskApi()
  const loadCustomers = useDesk((state) => state.loadCustomers)
  const loadStatus = useDesk((state) => state.loadStatus)
  const showNotice = useDesk((state) => state.showNotice)
  const store = useDesk((state) => state.status?.store)
  const headingId = useId()
  const [loaded, setLoaded] = useState<Loaded>(null)
  const [asking, setAsking] = useState<BackupInfo | null>(null)
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>(null)

  // Read again after each restore: it adds the copy of the file it replaced.
  const [reads, setReads] = useState(0)

  useEffect(() => {
    let current = true
    void api.maintenance.listDailyBackups({}).then((result) => {
      if (current) setLoaded(result.ok ? { list: result.value } : { error: result.error.message })
    })
    return () => {
      current = false
    }
  }, [api, reads])

  async function restore(backup: BackupInfo) {
    setBusy(true)
    const result = await api.maintenance.restoreDailyBackup({ name: backup.name })
    setBusy(false)
    setAsking(null)
    if (!result.ok) {
      setOutcome({ kind: 'error', text: `The backup was not restored. ${result.error.message}` })
      void loadStatus()
      return
    }
    await Promise.all([loadCustomers(), loadStatus()])
    setReads((n) => n + 1)
    const kept = result.value.keptCurrentAs ? ` The file it replaced was kept as ${result.value.keptCurrentAs} in the backups folder.` : ''
    const text = `Restored the backup of ${formatBackupDay(backup.day)}: ${plural(result.value.customerCount, 'customer')}.${kept}`
    setOutcome({ kind: 'info', text })
    showNotice('info', text)
    onRestored()
  }

  let body
  if (loaded === null) body = <p aria-busy="true">Reading the backups…</p>
  else if ('error' in loaded) body = <p className="form-error" role="alert">The backups could not be listed. {loaded.error}</p>
  else if (loaded.list.backups.length === 0) {
    body = <p className="field__hint">No backups yet. The first is taken before the first change of a day, once the desk has a customer file.</p>
  } else {
    body = <BackupTable backups={loaded.list.backups} onRestore={setAsking} />
  }

  return (
    <section className="maintenance-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Daily backups</h3>
      <p className="field__hint">
        Before the first change of each day, the customer file as it was is copied to the backups folder
        {loaded && 'list' in loaded ? `; the newest ${loaded.list.keepDaily} days are kept` : ''}. Restoring one replaces the customer list; the
        current file is kept as a copy first.
      </p>
      {loaded && 'list' in loaded ? (
        <p className="field__hint maintenance-folder">
          Backups folder: <code>{loaded.list.folder}</code>
        </p>
      ) : null}
      {store?.kind === 'read-only' ? (
        <p className="note">This desk is read-only, so a backup cannot be restored now: {store.reason}</p>
      ) : null}
      {loaded && 'list' in loaded && loaded.list.problem ? (
        <p className="form-error" role="alert">
          {loaded.list.problem} Your customer file itself was saved; check the free space and permissions of the backups folder.
        </p>
      ) : null}
      {body}
      {outcome ? (
        <p className={outcome.kind === 'error' ? 'form-error' : 'maintenance-done'} role={outcome.kind === 'error' ? 'alert' : 'status'}>
          {outcome.text}
        </p>
      ) : null}
      {asking ? (
        <NestedConfirm
          title="Restore a backup"
          message={
            <>
              Restore the backup of <strong>{formatBackupDay(asking.day)}</strong> ({plural(asking.customerCount ?? 0, 'customer')})? The current customer
              file is kept as a copy in the backups folder first, then replaced by this backup: customers added or changed since then leave the list.
              Passwords in the keychain are not changed; run the keychain check afterwards.
            </>
          }
          confirmLabel="Restore"
          busy={busy}
          onConfirm={() => void restore(asking)}
          onCancel={() => setAsking(null)}
        />
      ) : null}
    </section>
  )
}

function BackupTable({ backups, onRestore }: { backups: BackupInfo[]; onRestore(backup: BackupInfo): void }) {
  const today = localDay(new Date())
  return (
    <div className="maintenance-table-scroll">
      <table className="maintenance-table">
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Customers</th>
            <th scope="col">File</th>
            <th scope="col">
              <span className="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {backups.map((backup) => (
            <tr key={backup.name}>
              <td>
                <time dateTime={backup.day}>{formatBackupDay(backup.day)}</time>
                {backup.day === today ? <span className="maintenance-table__today"> (today)</span> : null}
                {backup.kind === 'before-restore' ? <span className="maintenance-table__kind">kept before a restore</span> : null}
              </td>
              <td className={backup.problem ? 'maintenance-table__problem' : 'maintenance-table__number'}>
                {backup.customerCount === null ? `Cannot be restored: ${backup.problem ?? 'it could not be read.'}` : plural(backup.customerCount, 'customer')}
              </td>
              <td>
                <code>{backup.name}</code>
              </td>
              <td className="maintenance-table__action">
                {backup.customerCount === null ? null : (
                  <button type="button" onClick={() => onRestore(backup)}>
                    Restore…
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
