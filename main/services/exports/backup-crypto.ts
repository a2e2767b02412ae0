import { createCipheriv, createDecipheriv, createHmac, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { z } from 'zod'
import { DeskFailure } from '../../common/desk-error'

/**
 * The backup file: one line of JSON (the header: format, KDF parameters and salt, IV, a passphrase
 * check), then the AES-256-GCM ciphertext of the desk, then the 16-byte GCM tag. The header is bound
 * to the ciphertext as additional authenticated data, so no byte of the file can change unnoticed.
 *
 * The key comes from the passphrase through scrypt (memory-hard). 64 bytes are derived: the first 32
 * are the AES key, the last 32 key an HMAC whose value in the header tells a wrong passphrase apart
 * from a damaged file (it adds nothing to an attacker, who can already test a guess against the tag).
 */
export const BACKUP_FORMAT = 'msp-customer-desk-backup'
export const BACKUP_VERSION = 1
export const DEFAULT_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const

const TAG_BYTES = 16
const MAX_HEADER_BYTES = 4096
const CHECK_LABEL = 'msp-customer-desk-backup passphrase check'
const MAX_SCRYPT_MEMORY = 256 * 1024 * 1024
const scryptMemory = ({ N, r, p }: { N: number; r: number; p: number }): number => 128 * N * r + 128 * r * p

const base64 = (bytes: number) =>
  z
    .string()
    .max(200)
    .refine((text) => Buffer.from(text, 'base64').length === bytes, `must be ${bytes} bytes`)

/** Bounded, so a crafted header cannot make the desk allocate gigabytes or spin for minutes. */
const headerSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int(),
  createdAt: z.string().max(40),
  kdf: z
    .strictObject({
      name: z.literal('scrypt'),
      N: z.number().int().min(2 ** 14).max(2 ** 20).refine((n) => (n & (n - 1)) === 0, 'must be a power of two'),
      r: z.number().int().min(1).max(16),
      p: z.number().int().min(1).max(4),
      salt: base64(16),
    })
    .refine((kdf) => scryptMemory(kdf) <= MAX_SCRYPT_MEMORY, 'needs too much memory'),
  cipher: z.strictObject({ name: z.literal('aes-256-gcm'), iv: base64(12) }),
  check: base64(32),
})
export type BackupHeader = z.infer<typeof headerSchema>

const NOT_A_BACKUP = 'This file is not an MSP Customer Desk backup, or its beginning is damaged. Nothing was changed.'
export const WRONG_PASSPHRASE = 'The passphrase is not the one this backup was made with. Check it and try again; nothing was changed.'
export const DAMAGED_BACKUP = 'The backup file has been changed or damaged since it was made, so it cannot be trusted or restored. Nothing was changed.'

function deriveKeys(passphrase: string, salt: Buffer, { N, r, p }: { N: number; r: number; p: number }): Promise<{ key: Buffer; checkKey: Buffer }> {
  // scrypt needs about 128·N·r bytes; Node's default ceiling (32 MB) is below what N = 2^17 uses.
  const options: ScryptOptions = { N, r, p, maxmem: scryptMemory({ N, r, p }) + 16 * 1024 * 1024 }
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 64, options, (error, derived) => {
      if (error) reject(error)
      else resolve({ key: derived.subarray(0, 32), checkKey: derived.subarray(32) })
    })
  })
}

const passphraseCheck = (checkKey: Buffer): Buffer => createHmac('sha256', checkKey).update(CHECK_LABEL).digest()

export async function encryptBackup(plaintext: Buffer, passphrase: string, createdAt: Date, params = DEFAULT_SCRYPT): Promise<Buffer> {
  const salt = randomBytes(16)
  const iv = randomBytes(12)
  const { key, checkKey } = await deriveKeys(passphrase, salt, params)
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: createdAt.toISOString(),
    kdf: { name: 'scrypt', ...params, salt: salt.toString('base64') },
    cipher: { name: 'aes-256-gcm', iv: iv.toString('base64') },
    check: passphraseCheck(checkKey).toString('base64'),
  }
  const headerLine = Buffer.from(`${JSON.stringify(header)}\n`, 'utf8')
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES })
  cipher.setAAD(headerLine)
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()])
  return Buffer.concat([headerLine, body, cipher.getAuthTag()])
}

export interface OpenedBackup {
  header: BackupHeader
  headerLine: Buffer
  ciphertext: Buffer
  tag: Buffer
}

/** Reads the header only: enough to say whether this is a backup at all, before a passphrase is asked for. */
export function openBackup(file: Buffer): OpenedBackup {
  const end = file.subarray(0, MAX_HEADER_BYTES).indexOf(0x0a)
  if (end < 0) throw new DeskFailure('invalid', NOT_A_BACKUP)
  let parsed: unknown
  try {
    parsed = JSON.parse(file.subarray(0, end).toString('utf8'))
  } catch {
    throw new DeskFailure('invalid', NOT_A_BACKUP)
  }
  const format = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {}
  if (format.format === BACKUP_FORMAT && typeof format.version === 'number' && format.version > BACKUP_VERSION) {
    throw new DeskFailure('invalid', 'This backup was made by a newer version of MSP Customer Desk. Update the app to restore it; nothing was changed.')
  }
  const header = headerSchema.safeParse(parsed)
  if (!header.success || header.data.version !== BACKUP_VERSION) throw new DeskFailure('invalid', NOT_A_BACKUP)
  const rest = file.subarray(end + 1)
  if (rest.length < TAG_BYTES) throw new DeskFailure('invalid', DAMAGED_BACKUP)
  return {
    header: header.data,
    headerLine: file.subarray(0, end + 1),
    ciphertext: rest.subarray(0, rest.length - TAG_BYTES),
    tag: rest.subarray(rest.length - TAG_BYTES),
  }
}

/** The plaintext, or a clear refusal: a wrong passphrase and a changed file are told apart. */
export async function decryptBackup(opened: OpenedBackup, passphrase: string): Promise<Buffer> {
  const { header } = opened
  const { key, checkKey } = await deriveKeys(passphrase, Buffer.from(header.kdf.salt, 'base64'), header.kdf)
  if (!timingSafeEqual(passphraseCheck(checkKey), Buffer.from(header.check, 'base64'))) {
    throw new DeskFailure('invalid', WRONG_PASSPHRASE, { passphrase: 'This is not the passphrase the backup was made with.' })
  }
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.cipher.iv, 'base64'), { authTagLength: TAG_BYTES })
  decipher.setAAD(opened.headerLine)
  decipher.setAuthTag(opened.tag)
  try {
    return Buffer.concat([decipher.update(opened.ciphertext), decipher.final()])
  } catch {
    throw new DeskFailure('invalid', DAMAGED_BACKUP)
  }
}
