import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react'
import type { LockStatus } from '../../../../main/common/contract'
import { useDesk, useDeskApi, useDeskEvents } from '../../store/desk-context'
import { FirstStartScreen } from './FirstStartScreen'
import { LockScreen } from './LockScreen'
import { lockedNoticeForNoLock } from './lock-text'
import './lock.css'

interface LockContextValue {
  status: LockStatus
  lockNow(): Promise<void>
  /** After Settings saved, or a passphrase was set, changed or turned off there. */
  applyStatus(status: LockStatus): void
  /** Reads the status from main again: after a change whose answer was a failure, main may hold a newer one. */
  refresh(): Promise<void>
}

const LockContext = createContext<LockContextValue | null>(null)

export function useLock(): LockContextValue {
  const value = useContext(LockContext)
  if (!value) throw new Error('LockGate is missing')
  return value
}

interface LockGateProps {
  children: ReactNode
  /** Drops the customer data the page holds (the store), so nothing of it stays in memory or the DOM while locked. */
  onLocked(): void
}

/**
 * Shows the desk only while main says it is unlocked; otherwise the first-start screen or the lock
 * screen. The desk's components are unmounted while locked, which hides a revealed password and closes
 * every dialog; they mount afresh on unlock and load the customers again.
 */
export function LockGate({ children, onLocked }: LockGateProps) {
  const api = useDeskApi()
  const on = useDeskEvents()
  const showNotice = useDesk((state) => state.showNotice)
  const [status, setStatus] = useState<LockStatus | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const latestOnLocked = useRef(onLocked)
  useEffect(() => {
    latestOnLocked.current = onLocked
  })

  const applyStatus = useCallback((next: LockStatus) => {
    if (next.state !== 'unlocked') latestOnLocked.current()
    setStatus(next)
  }, [])

  const refresh = useCallback(
    () =>
      api.lock.status({}).then((result) => {
        if (result.ok) applyStatus(result.value)
        else setLoadError(result.error.message)
      }),
    [api, applyStatus],
  )

  useEffect(() => {
    let current = true
    void api.lock.status({}).then((result) => {
      if (!current) return
      if (result.ok) applyStatus(result.value)
      else setLoadError(result.error.message)
    })
    return () => {
      current = false
    }
  }, [api, applyStatus])
  // main locks on idle, the OS lock screen, sleep and the menu, and says so.
  useEffect(() => on('lock.changed', () => void refresh()), [on, refresh])

  const lockNow = useCallback(async () => {
    const result = await api.lock.lock({})
    if (!result.ok) return
    applyStatus(result.value)
    if (result.value.state === 'unlocked') showNotice('info', lockedNoticeForNoLock)
  }, [api, applyStatus, showNotice])

  if (!status) {
    return loadError ? (
      <p className="lock-load-error" role="alert">
        {loadError}
      </p>
    ) : null
  }
  if (status.state === 'setup') return <FirstStartScreen onDone={applyStatus} />
  if (status.state !== 'unlocked') return <LockScreen status={status} onStatus={applyStatus} onRetry={refresh} />
  return <LockContext.Provider value={{ status, lockNow, applyStatus, refresh }}>{children}</LockContext.Provider>
}
