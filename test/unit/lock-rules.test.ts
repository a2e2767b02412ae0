import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  DEFAULT_IDLE_MINUTES,
  IDLE_CHOICES,
  MAX_UNLOCK_DELAY_MS,
  newPassphraseProblems,
  retryInMs,
  shouldLock,
  touchIdAvailable,
  touchIdOffered,
  unlockDelayMs,
  type LockSituation,
} from '../../main/common/lock-rules'

const open: LockSituation = { hasPassphrase: true, locked: false, idleMinutes: 5 }

describe('when the desk locks', () => {
  test('the Settings choices are 1, 5, 15, 30, 60 minutes or never, 5 by default', () => {
    assert.deepEqual([...IDLE_CHOICES], [1, 5, 15, 30, 60, null])
    assert.equal(DEFAULT_IDLE_MINUTES, 5)
  })

  test('Lock, Ctrl/Cmd+L, the OS lock screen and sleep lock an open desk with a passphrase', () => {
    for (const kind of ['manual', 'lock-screen', 'suspend'] as const) assert.equal(shouldLock({ kind }, open), true, kind)
    for (const kind of ['manual', 'lock-screen', 'suspend'] as const) assert.equal(shouldLock({ kind }, { ...open, idleMinutes: null }), true, `${kind} with idle "never"`)
  })

  test('idle locks once the system idle time reaches the chosen period, and never with "never"', () => {
    assert.equal(shouldLock({ kind: 'idle', idleSeconds: 299 }, open), false)
    assert.equal(shouldLock({ kind: 'idle', idleSeconds: 300 }, open), true)
    assert.equal(shouldLock({ kind: 'idle', idleSeconds: 59 }, { ...open, idleMinutes: 1 }), false)
    assert.equal(shouldLock({ kind: 'idle', idleSeconds: 60 }, { ...open, idleMinutes: 1 }), true)
    assert.equal(shouldLock({ kind: 'idle', idleSeconds: 3599 }, { ...open, idleMinutes: 60 }), false)
    assert.equal(shouldLock({ kind: 'idle', idleSeconds: 10 * 24 * 3600 }, { ...open, idleMinutes: null }), false)
  })

  test('a desk without a passphrase ("no lock", or nothing chosen yet) never locks: nothing could open it again', () => {
    for (const trigger of [{ kind: 'manual' }, { kind: 'suspend' }, { kind: 'lock-screen' }, { kind: 'idle', idleSeconds: 99_999 }] as const) {
      assert.equal(shouldLock(trigger, { ...open, hasPassphrase: false }), false, trigger.kind)
    }
  })

  test('a locked desk is not locked again (no second "lock" in the access log)', () => {
    assert.equal(shouldLock({ kind: 'manual' }, { ...open, locked: true }), false)
  })
})

describe('the wait after wrong passphrases', () => {
  test('grows 2 s, 4 s, 8 s … and stops at 5 minutes; none before the first wrong one', () => {
    assert.deepEqual([0, 1, 2, 3, 4].map(unlockDelayMs), [0, 2000, 4000, 8000, 16_000])
    assert.equal(unlockDelayMs(8), 256_000)
    assert.equal(unlockDelayMs(9), MAX_UNLOCK_DELAY_MS)
    assert.equal(unlockDelayMs(10_000), MAX_UNLOCK_DELAY_MS)
  })

  test('counts from the last wrong attempt', () => {
    const last = new Date('2026-12-01T10:00:00Z')
    assert.equal(retryInMs(3, last, new Date('2026-12-01T10:00:03Z')), 5000)
    assert.equal(retryInMs(3, last, new Date('2026-12-01T10:00:08Z')), 0)
    assert.equal(retryInMs(0, last, last), 0)
    assert.equal(retryInMs(2, null, last), 0)
  })

  test('a clock set back waits one full delay at most, never forever', () => {
    const last = new Date('2030-01-01T00:00:00Z')
    assert.equal(retryInMs(2, last, new Date('2026-12-01T10:00:00Z')), 4000)
  })
})

describe('Touch ID', () => {
  test('is available only on a Mac that can prompt for it', () => {
    assert.equal(touchIdAvailable('darwin', true), true)
    assert.equal(touchIdAvailable('darwin', false), false)
    assert.equal(touchIdAvailable('win32', true), false)
    assert.equal(touchIdAvailable('linux', true), false)
  })

  test('is offered on the lock screen only when turned on, and only beside a passphrase', () => {
    assert.equal(touchIdOffered({ available: true, enabled: true, hasPassphrase: true }), true)
    assert.equal(touchIdOffered({ available: true, enabled: false, hasPassphrase: true }), false)
    assert.equal(touchIdOffered({ available: false, enabled: true, hasPassphrase: true }), false)
    assert.equal(touchIdOffered({ available: true, enabled: true, hasPassphrase: false }), false)
  })
})

describe('a new passphrase (first start, Settings, a change)', () => {
  test('needs 8 characters, typed the same twice; the length is named first', () => {
    assert.deepEqual(newPassphraseProblems('seven c', 'other'), { passphrase: 'Use at least 8 characters; a few unrelated words are easy to type and hard to guess.' })
    assert.deepEqual(newPassphraseProblems('eight ch', 'eight cH'), { repeat: 'This is not the same as the passphrase above. Type it again.' })
    assert.equal(newPassphraseProblems('eight ch', 'eight ch'), null)
  })
})
