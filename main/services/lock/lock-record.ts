import keytar from 'keytar'
import { z } from 'zod'
import { DeskFailure } from '../../common/desk-error'
import { DEFAULT_IDLE_MINUTES, IDLE_CHOICES } from '../../common/lock-rules'
import type { KeychainBackend } from '../credential-vault'
import { createVerifier, verifierSchema } from './passphrase-verifier'

/**
 * The lock's one keychain entry, next to the customers' passwords under the same service: the verifier
 * (never the passphrase), the settings, and the count of wrong attempts, which is kept here so that
 * restarting the desk does not reset the wait (Bitwarden counted a restart as a fresh start once, and
 * fixed it as a bug). Absent: the user has not chosen yet.
 */
export const LOCK_ACCOUNT = 'desk-lock'

const settings = { idleMinutes: z.literal(IDLE_CHOICES), touchId: z.boolean() }
export const lockRecordSchema = z.discriminatedUnion('mode', [
  z.strictObject({ version: z.literal(1), mode: z.literal('none'), ...settings }),
  z.strictObject({
    version: z.literal(1),
    mode: z.literal('passphrase'),
    ...settings,
    verifier: verifierSchema,
    failures: z.number().int().min(0),
    lastFailureAt: z.iso.datetime().nullable(),
  }),
])
export type LockRecord = z.infer<typeof lockRecordSchema>

export interface LockKeychain {
  read(): Promise<LockRecord | null>
  write(record: LockRecord): Promise<void>
}

export const UNREADABLE_LOCK =
  'The desk lock\'s entry in the system keychain cannot be read: the keychain may be locked, or the entry was changed. Unlock the keychain and select Try again.'

const unavailable = () => new DeskFailure('keychain-unavailable', UNREADABLE_LOCK)

export function createLockKeychain(service: string, backend: KeychainBackend = keytar): LockKeychain {
  return {
    async read() {
      const text = await backend.getPassword(service, LOCK_ACCOUNT).catch(() => {
        throw unavailable()
      })
      if (text === null) return null
      const parsed = lockRecordSchema.safeParse(parseJson(text))
      if (!parsed.success) throw unavailable()
      return parsed.data
    },
    async write(record) {
      await backend.setPassword(service, LOCK_ACCOUNT, JSON.stringify(lockRecordSchema.parse(record))).catch(() => {
        throw new DeskFailure('keychain-unavailable', 'The system keychain is not available, so the lock could not be saved. Unlock the keychain and try again.')
      })
    },
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** A record for a new passphrase, with the settings kept (or the defaults). */
export async function passphraseRecord(passphrase: string, keep?: Pick<LockRecord, 'idleMinutes' | 'touchId'>): Promise<LockRecord> {
  return {
    version: 1,
    mode: 'passphrase',
    idleMinutes: keep?.idleMinutes ?? DEFAULT_IDLE_MINUTES,
    touchId: keep?.touchId ?? false,
    verifier: await createVerifier(passphrase),
    failures: 0,
    lastFailureAt: null,
  }
}

/** "No lock", keeping the idle period for a passphrase set later; Touch ID is off, as nothing could fall back on it. */
export const noLockRecord = (keep?: Pick<LockRecord, 'idleMinutes'>): LockRecord => ({ version: 1, mode: 'none', idleMinutes: keep?.idleMinutes ?? DEFAULT_IDLE_MINUTES, touchId: false })
