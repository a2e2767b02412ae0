import type { IdleMinutes } from '../../common/lock-rules'
import type { LockRecord } from './lock-record'

/**
 * The access log's detail for each change of the lock's settings: what changed, in a few words, never
 * a passphrase nor anything made from one.
 */
export const SETTINGS_DETAIL = {
  firstPassphrase: 'passphrase set on first start',
  firstNoLock: 'no lock chosen on first start',
  turnedOn: 'lock turned on with a new passphrase',
  changed: 'passphrase changed',
  turnedOff: 'lock turned off',
  changeRefused: 'passphrase not changed: wrong current passphrase',
  turnOffRefused: 'lock not turned off: wrong current passphrase',
} as const

const idleDetail = (minutes: IdleMinutes): string => (minutes === null ? 'idle never' : minutes === 1 ? 'idle 1 minute' : `idle ${minutes} minutes`)

/** "idle 15 minutes; Touch ID on": only what Save changed; null when it changed nothing. */
export function savedSettingsDetail(before: Pick<LockRecord, 'idleMinutes' | 'touchId'>, after: Pick<LockRecord, 'idleMinutes' | 'touchId'>): string | null {
  const parts = [
    ...(before.idleMinutes === after.idleMinutes ? [] : [idleDetail(after.idleMinutes)]),
    ...(before.touchId === after.touchId ? [] : [after.touchId ? 'Touch ID on' : 'Touch ID off']),
  ]
  return parts.length === 0 ? null : parts.join('; ')
}
