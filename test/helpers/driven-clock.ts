import { LOCK_HEARTBEAT_MS, LOCK_STALE_MS, type LockTiming } from '../../main/services/store-lock'

/** A monotonic clock for the store's lock that moves only when the test says, so no test waits minutes. */
export function drivenClock(): { timing: LockTiming; advance(ms: number): void } {
  let now = 0
  return {
    timing: { now: () => now, heartbeatMs: LOCK_HEARTBEAT_MS, staleMs: LOCK_STALE_MS },
    advance: (ms) => {
      now += ms
    },
  }
}
