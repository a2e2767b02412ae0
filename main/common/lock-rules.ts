/**
 * The lock's decisions as plain functions, shared by main (which enforces them) and the page (which
 * shows them): when to lock, how long to wait after wrong passphrases, when Touch ID is offered.
 */

/** The idle periods the Settings dialog offers, in minutes; null is "never". */
export const IDLE_CHOICES = [1, 5, 15, 30, 60, null] as const
export type IdleMinutes = (typeof IDLE_CHOICES)[number]
export const DEFAULT_IDLE_MINUTES: IdleMinutes = 5

/** The desk passphrase is typed many times a day, so it may be shorter than a backup's; 8 characters still resist guessing behind the delay. */
export const DESK_PASSPHRASE_MIN_LENGTH = 8
export const DESK_PASSPHRASE_MAX_LENGTH = 1024

/** What is wrong with a new passphrase typed twice, per field; null when it may be set. The first start and a change say the same. */
export function newPassphraseProblems(passphrase: string, repeat: string): { passphrase: string } | { repeat: string } | null {
  if (passphrase.length < DESK_PASSPHRASE_MIN_LENGTH) {
    return { passphrase: `Use at least ${DESK_PASSPHRASE_MIN_LENGTH} characters; a few unrelated words are easy to type and hard to guess.` }
  }
  if (repeat !== passphrase) return { repeat: 'This is not the same as the passphrase above. Type it again.' }
  return null
}

/** How often main asks the OS for the idle time: a lock at most this late, Bitwarden polls every 30 s. */
export const IDLE_POLL_MS = 15_000

export type LockTrigger = { kind: 'manual' } | { kind: 'lock-screen' } | { kind: 'suspend' } | { kind: 'idle'; idleSeconds: number }

export interface LockSituation {
  /** False when the user chose "no lock" (or has not chosen yet): nothing can unlock such a desk, so it never locks. */
  hasPassphrase: boolean
  locked: boolean
  idleMinutes: IdleMinutes
}

/** Whether this trigger locks the desk now. */
export function shouldLock(trigger: LockTrigger, situation: LockSituation): boolean {
  if (!situation.hasPassphrase || situation.locked) return false
  if (trigger.kind !== 'idle') return true
  return situation.idleMinutes !== null && trigger.idleSeconds >= situation.idleMinutes * 60
}

export const MAX_UNLOCK_DELAY_MS = 5 * 60_000

/** The wait after `failures` wrong passphrases in a row: 2 s, 4 s, 8 s … up to 5 minutes; none before the first. */
export function unlockDelayMs(failures: number): number {
  if (failures <= 0) return 0
  return Math.min(1000 * 2 ** Math.min(failures, 20), MAX_UNLOCK_DELAY_MS)
}

/**
 * How long until the next attempt may be checked. A last failure "in the future" (the clock was set back)
 * waits at most one full delay, so a wrong clock can neither skip the wait nor make it endless.
 */
export function retryInMs(failures: number, lastFailureAt: Date | null, now: Date): number {
  if (!lastFailureAt || failures <= 0) return 0
  const delay = unlockDelayMs(failures)
  const left = lastFailureAt.getTime() + delay - now.getTime()
  return Math.max(0, Math.min(delay, left))
}

/** Touch ID is a second way in only on a Mac that can prompt for it, and only for a desk with a passphrase (the way back when it fails). */
export function touchIdAvailable(platform: string, canPrompt: boolean): boolean {
  return platform === 'darwin' && canPrompt
}

export function touchIdOffered(state: { available: boolean; enabled: boolean; hasPassphrase: boolean }): boolean {
  return state.available && state.enabled && state.hasPassphrase
}

/** The words the page shows for a period. */
export const idleLabel = (minutes: IdleMinutes): string => (minutes === null ? 'Never' : minutes === 1 ? 'After 1 minute' : `After ${minutes} minutes`)
