import { randomBytes, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import { DEFAULT_SCRYPT, KNOWN_KDF_PARAMS, scryptBytes } from '../exports/backup-crypto'

const HASH_BYTES = 32
const SALT_BYTES = 16

const base64 = (bytes: number) =>
  z
    .string()
    .max(200)
    .refine((text) => Buffer.from(text, 'base64').length === bytes, `must be ${bytes} bytes`)

/** What the keychain keeps instead of the passphrase: scrypt's output with its salt and parameters, as the backup file does. */
export const verifierSchema = z.strictObject({
  name: z.literal('scrypt'),
  N: z.number(),
  r: z.number(),
  p: z.number(),
  salt: base64(SALT_BYTES),
  hash: base64(HASH_BYTES),
})
export type PassphraseVerifier = z.infer<typeof verifierSchema>

export async function createVerifier(passphrase: string): Promise<PassphraseVerifier> {
  const salt = randomBytes(SALT_BYTES)
  const hash = await scryptBytes(passphrase, salt, DEFAULT_SCRYPT, HASH_BYTES)
  return { name: 'scrypt', ...DEFAULT_SCRYPT, salt: salt.toString('base64'), hash: hash.toString('base64') }
}

/** Constant-time: how much of a guess matched never shows in the time the answer takes. */
export async function matchesVerifier(passphrase: string, verifier: PassphraseVerifier): Promise<boolean> {
  // Only the parameters the desk itself writes: an edited entry cannot make it run a costlier scrypt.
  const kdf = KNOWN_KDF_PARAMS.find((known) => known.N === verifier.N && known.r === verifier.r && known.p === verifier.p)
  if (!kdf) return false
  const expected = Buffer.from(verifier.hash, 'base64')
  const derived = await scryptBytes(passphrase, Buffer.from(verifier.salt, 'base64'), kdf, HASH_BYTES)
  return derived.length === expected.length && timingSafeEqual(derived, expected)
}
