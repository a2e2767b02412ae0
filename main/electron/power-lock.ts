import { IDLE_POLL_MS, type LockTrigger } from '../common/lock-rules'

/** The part of Electron's powerMonitor the lock uses; layer-1 tests pass an EventEmitter with an idle time they set. */
export interface PowerMonitorPart {
  on(event: 'lock-screen', listener: () => void): unknown
  on(event: 'suspend', listener: () => void): unknown
  getSystemIdleTime(): number
}

/**
 * Locks the desk when the OS locks the screen (macOS, Windows), when the machine goes to sleep, and when
 * the system has been idle for the chosen period, polled as Bitwarden's power monitor does (the idle
 * time is the whole system's, so typing in another app keeps the desk open, as in KeePassXC).
 * Which of these locks, and when, is shouldLock's decision. Returns the function that stops polling.
 */
export function lockOnPowerEvents(powerMonitor: PowerMonitorPart, lock: { trigger(cause: LockTrigger): Promise<boolean> }, pollMs = IDLE_POLL_MS): () => void {
  const fire = (cause: LockTrigger) => void lock.trigger(cause)
  powerMonitor.on('lock-screen', () => fire({ kind: 'lock-screen' }))
  powerMonitor.on('suspend', () => fire({ kind: 'suspend' }))
  const poll = setInterval(() => fire({ kind: 'idle', idleSeconds: powerMonitor.getSystemIdleTime() }), pollMs)
  // The poll must not keep a quitting app (or a test) alive.
  poll.unref?.()
  return () => clearInterval(poll)
}
