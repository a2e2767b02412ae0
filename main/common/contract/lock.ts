import { z } from 'zod'
import { DESK_PASSPHRASE_MAX_LENGTH, IDLE_CHOICES, type IdleMinutes } from '../lock-rules'
import { channel } from './define'

/**
 * `setup`: no choice made yet (first start); `unlocked`: in use, with or without a passphrase; `locked`;
 * `keychain-unavailable`: the lock's entry could not be read, so the desk stays shut until it can.
 */
export type LockState = 'setup' | 'unlocked' | 'locked' | 'keychain-unavailable'

export interface LockStatus {
  state: LockState
  hasPassphrase: boolean
  idleMinutes: IdleMinutes
  touchId: { available: boolean; enabled: boolean }
  /** How long the next unlock attempt must wait after wrong ones; 0 when it may come now. */
  retryInMs: number
}

export interface UnlockAnswer {
  unlocked: boolean
  /** After a wrong passphrase, or an attempt that came too early: the wait before the next one. */
  retryInMs: number
  message: string | null
}

/**
 * A change that needs the current passphrase (a new one, or turning the lock off): done, with the new
 * status, or refused for a wrong or too early current passphrase, with the same wait as unlocking.
 */
export type LockChangeAnswer = { done: true; status: LockStatus } | { done: false; retryInMs: number; message: string }

const passphrase = z.string().max(DESK_PASSPHRASE_MAX_LENGTH)
const idleMinutes = z.literal(IDLE_CHOICES)

export const lockChannels = {
  status: channel(z.strictObject({}))<LockStatus>(),
  /** First start (or Settings, on a desk without a lock): a passphrase, or the explicit choice of none. */
  setUp: channel(
    z.union([
      z.strictObject({ choice: z.literal('passphrase'), passphrase, repeat: passphrase }),
      z.strictObject({ choice: z.literal('none') }),
    ]),
  )<LockStatus>(),
  lock: channel(z.strictObject({}))<LockStatus>(),
  unlock: channel(z.strictObject({ passphrase }))<UnlockAnswer>(),
  unlockWithTouchId: channel(z.strictObject({}))<UnlockAnswer>(),
  saveSettings: channel(z.strictObject({ idleMinutes, touchId: z.boolean() }))<LockStatus>(),
  /** Settings, unlocked: the current passphrase and a new one typed twice; the verifier is replaced in one keychain write. */
  changePassphrase: channel(z.strictObject({ current: passphrase, passphrase, repeat: passphrase }))<LockChangeAnswer>(),
  /** Settings, unlocked: back to "no lock" (and Touch ID off), with the current passphrase. */
  turnOff: channel(z.strictObject({ current: passphrase }))<LockChangeAnswer>(),
}
