import type { EmitDeskEvent } from '../../common/contract'
import type { LockChangeAnswer, LockStatus, UnlockAnswer } from '../../common/contract/lock'
import { DeskFailure, invalidFields } from '../../common/desk-error'
import {
  DEFAULT_IDLE_MINUTES,
  newPassphraseProblems,
  retryInMs,
  shouldLock,
  touchIdAvailable,
  touchIdOffered,
  unlockDelayMs,
  type IdleMinutes,
  type LockTrigger,
} from '../../common/lock-rules'
import { noLockRecord, passphraseRecord, type LockKeychain, type LockRecord } from './lock-record'
import { matchesVerifier } from './passphrase-verifier'
import { savedSettingsDetail, SETTINGS_DETAIL } from './settings-detail'

/** One entry for the access log; the lead's log adds the OS user and machine. Never a passphrase. */
export interface LockAccessEvent {
  action: 'lock' | 'unlock' | 'unlock-failed'
  at: Date
  /** What locked the desk. */
  trigger?: LockTrigger['kind']
  /** How an unlock was tried. */
  method?: 'passphrase' | 'touch-id'
}

/** A change of the lock's settings, for the access log: what changed, never a passphrase. `refused`: a wrong current passphrase stopped it. */
export interface LockSettingsEvent {
  detail: string
  at: Date
  refused?: boolean
}

/** macOS's Touch ID, as main/electron/touch-id.ts hands it over; absent elsewhere. */
export interface TouchIdPrompt {
  canPrompt(): boolean
  prompt(reason: string): Promise<void>
}

export interface DeskLockOptions {
  /** Called for every lock, unlock and failed unlock, and awaited when it returns a promise: the hook for the access log. */
  onAccess?: (event: LockAccessEvent) => unknown
  touchId?: TouchIdPrompt
  platform?: NodeJS.Platform
}

export interface DeskLockDeps extends DeskLockOptions {
  keychain: LockKeychain
  now: () => Date
  /** Takes a copied password off the clipboard. */
  clearSecrets: () => Promise<void>
  emit: EmitDeskEvent
  report: (error: unknown) => void
  /**
   * Called once a change of the settings is saved, and awaited: a failure (the access log could not
   * record it) is the answer's, with the change kept. A refused change's failure is only reported.
   */
  onSettingsChange?: (event: LockSettingsEvent) => unknown
}

type PassphraseRecord = Extract<LockRecord, { mode: 'passphrase' }>
/** A passphrase checked against the verifier: it matched, or why not and how long until the next try; `counted` when it was a wrong one. */
type Checked = { matches: true } | { matches: false; counted: boolean; retryInMs: number; message: string }

export const WRONG_DESK_PASSPHRASE = 'That is not the desk passphrase.'
const seconds = (ms: number): string => {
  const whole = Math.ceil(ms / 1000)
  return whole === 1 ? '1 second' : `${whole} seconds`
}
export const waitMessage = (ms: number): string => `Wait ${seconds(ms)} before the next try.`

/**
 * The desk's lock: whether it is locked, what unlocks it, and the settings that say when it locks.
 * A desk with a passphrase starts locked. An entry that cannot be read keeps the desk shut (and is
 * tried again on every status) rather than open: failing open would make a locked keychain a way in.
 */
export async function openDeskLock(deps: DeskLockDeps) {
  const { keychain, now, emit, report } = deps
  // Awaited, so an answer comes once its entry is in the access log; a log that fails is reported and never blocks the lock.
  const access = async (event: Omit<LockAccessEvent, 'at'>): Promise<void> => {
    try {
      await deps.onAccess?.({ ...event, at: now() })
    } catch (error) {
      report(error)
    }
  }
  let record: LockRecord | null = null
  let unreadable = false
  let locked = false
  let queue: Promise<unknown> = Promise.resolve()
  /** Unlock attempts one after another, so parallel guesses cannot slip past the count of wrong ones. */
  const serially = <T>(step: () => Promise<T>): Promise<T> => {
    const next = queue.then(step, step)
    queue = next.catch(() => undefined)
    return next
  }

  const load = async (): Promise<void> => {
    try {
      record = await keychain.read()
      unreadable = false
      locked = record?.mode === 'passphrase'
    } catch (error) {
      if (!(error instanceof DeskFailure)) report(error)
      unreadable = true
      locked = true
    }
  }
  await load()

  const hasPassphrase = (): boolean => record?.mode === 'passphrase'
  const failures = (): { count: number; last: Date | null } =>
    record?.mode === 'passphrase' ? { count: record.failures, last: record.lastFailureAt ? new Date(record.lastFailureAt) : null } : { count: 0, last: null }
  const waitNow = (): number => {
    const { count, last } = failures()
    return retryInMs(count, last, now())
  }
  const touchIdUsable = (): boolean => touchIdAvailable(deps.platform ?? process.platform, deps.touchId?.canPrompt() ?? false)

  const status = (): LockStatus => ({
    state: unreadable ? 'keychain-unavailable' : record === null ? 'setup' : locked ? 'locked' : 'unlocked',
    hasPassphrase: hasPassphrase(),
    idleMinutes: record?.idleMinutes ?? DEFAULT_IDLE_MINUTES,
    touchId: { available: touchIdUsable(), enabled: record?.touchId ?? false },
    retryInMs: locked ? waitNow() : 0,
  })

  /** Saves the count of wrong attempts; a keychain that refuses leaves the count in memory, which still holds until quit. */
  const saveQuietly = async (next: LockRecord): Promise<void> => {
    record = next
    await keychain.write(next).catch((error: unknown) => {
      if (!(error instanceof DeskFailure)) report(error)
    })
  }

  const becomeUnlocked = async (method: 'passphrase' | 'touch-id'): Promise<UnlockAnswer> => {
    if (record?.mode === 'passphrase' && (record.failures > 0 || record.lastFailureAt)) await saveQuietly({ ...record, failures: 0, lastFailureAt: null })
    locked = false
    await access({ action: 'unlock', method })
    emit('lock.changed', { locked: false })
    return { unlocked: true, retryInMs: 0, message: null }
  }

  async function trigger(cause: LockTrigger): Promise<boolean> {
    if (!shouldLock(cause, { hasPassphrase: hasPassphrase(), locked, idleMinutes: record?.idleMinutes ?? null })) return false
    // Locked before anything is awaited: the next request already finds the desk shut.
    locked = true
    emit('lock.changed', { locked: true })
    await deps.clearSecrets().catch(report)
    await access({ action: 'lock', trigger: cause.kind })
    return true
  }

  /**
   * The one check of a typed passphrase, for unlocking and for the changes that need the current one:
   * they share the count of wrong attempts and its growing wait, so Settings is no way around it.
   */
  const checkPassphrase = async (passphrase: string, current: PassphraseRecord): Promise<Checked> => {
    const wait = waitNow()
    // Refused before scrypt runs: an early attempt is not checked at all, so the wait really limits guesses.
    if (wait > 0) return { matches: false, counted: false, retryInMs: wait, message: waitMessage(wait) }
    if (passphrase.length === 0) return { matches: false, counted: false, retryInMs: 0, message: 'Type the desk passphrase.' }
    if (await matchesVerifier(passphrase, current.verifier)) return { matches: true }
    const count = current.failures + 1
    await saveQuietly({ ...current, failures: count, lastFailureAt: now().toISOString() })
    const delay = unlockDelayMs(count)
    return { matches: false, counted: true, retryInMs: delay, message: `${WRONG_DESK_PASSPHRASE} ${waitMessage(delay)}` }
  }

  const unlock = ({ passphrase }: { passphrase: string }): Promise<UnlockAnswer> =>
    serially(async () => {
      if (!locked) return { unlocked: true, retryInMs: 0, message: null }
      if (unreadable || record?.mode !== 'passphrase') throw new DeskFailure('keychain-unavailable', 'The lock cannot be checked now. Select Try again.')
      const checked = await checkPassphrase(passphrase, record)
      if (checked.matches) return becomeUnlocked('passphrase')
      if (checked.counted) await access({ action: 'unlock-failed', method: 'passphrase' })
      return { unlocked: false, retryInMs: checked.retryInMs, message: checked.message }
    })

  const unlockWithTouchId = (): Promise<UnlockAnswer> =>
    serially(async () => {
      if (!locked) return { unlocked: true, retryInMs: 0, message: null }
      const offered = touchIdOffered({ available: touchIdUsable(), enabled: record?.touchId ?? false, hasPassphrase: hasPassphrase() })
      if (!offered || !deps.touchId) throw new DeskFailure('invalid', 'Touch ID is not turned on for this desk. Use the passphrase.')
      try {
        await deps.touchId.prompt('unlock MSP Customer Desk')
      } catch {
        await access({ action: 'unlock-failed', method: 'touch-id' })
        return { unlocked: false, retryInMs: waitNow(), message: 'Touch ID did not unlock the desk. Use the passphrase, or try Touch ID again.' }
      }
      return becomeUnlocked('touch-id')
    })

  const settingsChanged = async (detail: string): Promise<void> => {
    await deps.onSettingsChange?.({ detail, at: now() })
  }
  /** A wrong current passphrase is logged like a failed unlock: reported if the log fails, never in the way of the answer. */
  const refused = async (checked: Exclude<Checked, { matches: true }>, detail: string): Promise<LockChangeAnswer> => {
    if (checked.counted) {
      try {
        await deps.onSettingsChange?.({ detail, at: now(), refused: true })
      } catch (error) {
        report(error)
      }
    }
    return { done: false, retryInMs: checked.retryInMs, message: checked.message }
  }
  /** The changes that need the current passphrase: only on an unlocked desk that has one. */
  const passphraseInUse = (): PassphraseRecord => {
    if (locked) throw new DeskFailure('locked', 'The desk is locked. Unlock it first.')
    if (unreadable || record?.mode !== 'passphrase') throw new DeskFailure('conflict', 'This desk has no passphrase. Set one in Settings.')
    return record
  }

  const setUp = (request: { choice: 'passphrase'; passphrase: string; repeat: string } | { choice: 'none' }): Promise<LockStatus> =>
    serially(async () => {
      // Only a desk without a passphrase may get one this way: changing a passphrase needs the old one (changePassphrase).
      if (unreadable || record?.mode === 'passphrase') throw new DeskFailure('conflict', 'This desk already has a passphrase.')
      if (request.choice === 'none') {
        if (record === null) {
          const next = noLockRecord()
          await keychain.write(next)
          record = next
          await settingsChanged(SETTINGS_DETAIL.firstNoLock)
        }
        return status()
      }
      const problems = newPassphraseProblems(request.passphrase, request.repeat)
      if (problems) throw invalidFields(problems)
      const before = record
      const next = await passphraseRecord(request.passphrase, before ?? undefined)
      await keychain.write(next)
      record = next
      locked = false
      await settingsChanged(before === null ? SETTINGS_DETAIL.firstPassphrase : SETTINGS_DETAIL.turnedOn)
      return status()
    })

  const changePassphrase = ({ current, passphrase, repeat }: { current: string; passphrase: string; repeat: string }): Promise<LockChangeAnswer> =>
    serially(async () => {
      const kept = passphraseInUse()
      // The new one is checked first: a typing slip there costs no attempt of the current one.
      const problems = newPassphraseProblems(passphrase, repeat)
      if (problems) throw invalidFields(problems)
      const checked = await checkPassphrase(current, kept)
      if (!checked.matches) return refused(checked, SETTINGS_DETAIL.changeRefused)
      // One write of the whole entry: the old verifier is gone the moment the new one is there, with the settings (Touch ID too) kept.
      const next = await passphraseRecord(passphrase, kept)
      await keychain.write(next)
      record = next
      await settingsChanged(SETTINGS_DETAIL.changed)
      return { done: true, status: status() }
    })

  const turnOff = ({ current }: { current: string }): Promise<LockChangeAnswer> =>
    serially(async () => {
      const kept = passphraseInUse()
      const checked = await checkPassphrase(current, kept)
      if (!checked.matches) return refused(checked, SETTINGS_DETAIL.turnOffRefused)
      const next = noLockRecord(kept)
      await keychain.write(next)
      record = next
      await settingsChanged(kept.touchId ? `${SETTINGS_DETAIL.turnedOff}; Touch ID off` : SETTINGS_DETAIL.turnedOff)
      return { done: true, status: status() }
    })

  const saveSettings = ({ idleMinutes, touchId }: { idleMinutes: IdleMinutes; touchId: boolean }): Promise<LockStatus> =>
    serially(async () => {
      if (record === null || unreadable) throw new DeskFailure('conflict', 'Choose a passphrase (or no lock) first.')
      if (touchId && !touchIdUsable()) throw invalidFields({ touchId: 'Touch ID is not available on this computer.' })
      const before = record
      const next = { ...before, idleMinutes, touchId }
      await keychain.write(next)
      record = next
      const detail = savedSettingsDetail(before, next)
      if (detail) await settingsChanged(detail)
      return status()
    })

  return {
    isLocked: (): boolean => locked,
    /** Locks if this trigger calls for it (see shouldLock); true when it did. */
    trigger,
    channels: {
      status: async (): Promise<LockStatus> => {
        if (unreadable) await load()
        return status()
      },
      setUp,
      lock: async (): Promise<LockStatus> => {
        await trigger({ kind: 'manual' })
        return status()
      },
      unlock,
      unlockWithTouchId,
      saveSettings,
      changePassphrase,
      turnOff,
    },
  }
}

export type DeskLock = Awaited<ReturnType<typeof openDeskLock>>
