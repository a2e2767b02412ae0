import { useEffect, useState, type ReactNode } from 'react'
import type { AppStatus } from '../../../main/common/contract'
import { useDesk, useDeskApi } from '../store/desk-context'

/** undefined while the backups are still being read, so the banner never says there is none before it knows. */
type Restorable = undefined | null | { day: string }

/** What the banner offers from the maintenance feature, passed in by App so a component never imports a feature. */
export interface StatusBannerProps {
  /** A daily backup's day ("2026-05-04") in the user's words. */
  backupDayLabel(day: string): string
  /** The maintenance dialog, where a daily backup is restored. */
  renderMaintenance(onClose: () => void): ReactNode
}

/**
 * Tells the user, in plain words, when the store did not open normally: what happened, what the desk
 * does about it, where the file is, and the way back when a daily backup can be restored.
 */
export function StatusBanner({ backupDayLabel, renderMaintenance }: StatusBannerProps) {
  const status = useDesk((state) => state.status)
  const noCustomers = useDesk((state) => state.loaded && state.customers.length === 0)
  const restorable = useRestorableBackup(status)
  useStatusAfterFailures()
  useStatusAfterFirstCustomer(status)
  // Kept here, beside the banner rather than in it: a restore turns the status to ok and the banner goes, the dialog stays.
  const [maintenance, setMaintenance] = useState(false)

  return (
    <>
      {status ? (
        <Banner
          status={status}
          restorable={restorable}
          noCustomers={noCustomers}
          backupDayLabel={backupDayLabel}
          onOpenMaintenance={() => setMaintenance(true)}
        />
      ) : null}
      {maintenance ? renderMaintenance(() => setMaintenance(false)) : null}
    </>
  )
}

interface BannerProps {
  status: AppStatus
  restorable: Restorable
  noCustomers: boolean
  backupDayLabel(day: string): string
  onOpenMaintenance(): void
}

function Banner({ status, restorable, noCustomers, backupDayLabel, onOpenMaintenance }: BannerProps) {
  const store = status.store
  if (store.kind === 'recovered') {
    return (
      <div className="banner banner--warning" role="alert">
        <p>
          <strong>Your customer file could not be read.</strong> {store.reason} The damaged file was kept unchanged as <code>{store.keptAs}</code>,
          and the desk started with an empty list. Nothing in that file was deleted.
        </p>
        <p>
          Customers you add now go into a new customer file; the damaged one is never written to.{' '}
          {restorable === undefined
            ? null
            : restorable
              ? `To get your customers back, restore the backup of ${backupDayLabel(restorable.day)} in Maintenance (anything added here since is kept as a copy first).`
              : 'No daily backup can be restored: to get your customers back, restore an encrypted backup from the Data menu, or have the damaged file repaired.'}
        </p>
        {restorable ? (
          <div className="banner__actions">
            <button type="button" onClick={onOpenMaintenance}>
              Open Maintenance
            </button>
          </div>
        ) : null}
      </div>
    )
  }
  if (store.kind === 'read-only') {
    return (
      <div className="banner banner--error" role="alert">
        <p>
          <strong>Read-only: changes cannot be saved.</strong> {store.reason}
        </p>
        <p>
          The customers shown can still be searched, copied and revealed; adding, editing, deleting, importing and restoring are refused until MSP
          Customer Desk is restarted with this resolved. Customer file: <code>{status.dataFile}</code>
        </p>
      </div>
    )
  }
  if (store.kind === 'created' && noCustomers) {
    return (
      <section className="banner banner--info" aria-label="Customer file">
        <p>
          <strong>No customer file yet.</strong> The first customer you add creates it at <code>{status.dataFile}</code>.
        </p>
      </section>
    )
  }
  return null
}

/** For a recovered desk: the newest daily backup that can be restored, if any. */
function useRestorableBackup(status: AppStatus | null): Restorable {
  const api = useDeskApi()
  const recovered = status?.store.kind === 'recovered'
  const [restorable, setRestorable] = useState<Restorable>(undefined)
  useEffect(() => {
    if (!recovered) return
    let current = true
    void api.maintenance.listDailyBackups({}).then((result) => {
      if (!current) return
      const newest = result.ok ? result.value.backups.find((backup) => backup.customerCount !== null) : undefined
      setRestorable(newest ? { day: newest.day } : null)
    })
    return () => {
      current = false
    }
  }, [api, recovered])
  return recovered ? restorable : null
}

/** The first saved customer creates the file: read the status again, so deleting every customer later does not say "no file yet". */
function useStatusAfterFirstCustomer(status: AppStatus | null): void {
  const hasCustomers = useDesk((state) => state.customers.length > 0)
  const loadStatus = useDesk((state) => state.loadStatus)
  const created = status?.store.kind === 'created'
  useEffect(() => {
    if (created && hasCustomers) void loadStatus()
  }, [created, hasCustomers, loadStatus])
}

/** A failed action may mean the desk turned read-only meanwhile (another desk changed the file): read the status again. */
function useStatusAfterFailures(): void {
  const notice = useDesk((state) => state.notice)
  const loadStatus = useDesk((state) => state.loadStatus)
  useEffect(() => {
    if (notice?.kind === 'error') void loadStatus()
  }, [notice, loadStatus])
}
