import { createLockKeychain, noLockRecord, passphraseRecord } from '../../main/services/lock/lock-record'

/**
 * How a test desk starts: `none` (the user chose "no lock" on an earlier start, so the desk opens at once:
 * every test that is not about the lock), `first-start` (nothing chosen yet: the first-start screen), or a
 * passphrase set earlier (the desk opens locked, as after a restart); `as-left` keeps what an earlier start of the same desk left.
 */
export type LockPreset = 'none' | 'first-start' | 'as-left' | { passphrase: string }

/** Writes the lock's keychain entry as an earlier start of the desk would have left it. */
export async function presetLock(keychainService: string, preset: LockPreset): Promise<void> {
  if (preset === 'first-start' || preset === 'as-left') return
  const keychain = createLockKeychain(keychainService)
  await keychain.write(preset === 'none' ? noLockRecord() : await passphraseRecord(preset.passphrase))
}
