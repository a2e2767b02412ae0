import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { z } from 'zod'
import { DeskFailure } from '../../common/desk-error'

/**
 * The backup file: one line of JSON (the header: format, KDF parameters and salt, IV, a passphrase
 * check), then the AES-256-GCM ciphertext of the desk, then the 16-byte GCM tag. The header is bound
 * to the ciphertext as additional authenticated data, so no byte of the file can change unnoticed.
 *
 * The key comes from the passphrase through scrypt (memory-hard). 64 bytes are derived: the first 32
 * are the AES key, the last 32 key an HMAC whose value in the header tells a wrong passphrase apart
 * from a damaged body (it adds nothing to an attacker, who can already test a guess against the tag).
 *
 * Version 2 ends the header with `"headerSha256"`, the SHA-256 of the header line's bytes before it
 * (with the closing brace): checked before any key is derived, so a damaged header is reported as
 * damaged, never as a wrong passphrase (in version 1 a changed salt or KDF parameter made the check
 * fail exactly like a wrong passphrase). It is a checksum against damage, not a seal: the GCM tag over
 * the whole header is what stops tampering. Version 1 files are still read.
 */
export const BACKUP_FORMAT = 'msp-customer-desk-backup'
export const BACKUP_VERSION = 2
/** The only KDF settings the desk writes or reads: a header cannot make the desk run a costlier scrypt. */
export const KNOWN_KDF_PARAMS = [{ N: 2 ** 17, r: 8, p: 1 }] as const
export const DEFAULT_SCRYPT = KNOWN_KDF_PARAMS[0]
export type KdfParams = (typeof KNOWN_KDF_PARAMS)[number]

const TAG_BYTES = 16
/** The header is about 400 bytes; a file is read this far when it is opened, and no further. */
export const MAX_HEADER_BYTES = 4096
const CHECK_LABEL = 'msp-customer-desk-backup passphrase check'
const CHECKSUM_SUFFIX = /,"headerSha256":"([A-Za-z0-9+/]{43}=)"\}$/
const scryptMemory = ({ N, r, p }: { N: number; r: number; p: number }): number => 128 * N * r + 128 * r * p

const base64 = (bytes: number) =>
  z
    .string()
    .max(200)
    .refine((text) => Buffer.from(text, 'base64').length === bytes, `must be ${bytes} bytes`)

const headerFields = {
  format: z.literal(BACKUP_FORMAT),
  createdAt: z.string().max(40),
  kdf: z.strictObject({ name: z.literal('scrypt'), N: z.number(), r: z.number(), p: z.number(), salt: base64(16) }),
  cipher: z.strictObject({ name: z.literal('aes-256-gcm'), iv: base64(12) }),
  check: base64(32),
}
const headerSchemas = {
  1: z.strictObject({ ...headerFields, version: z.literal(1) }),
  2: z.strictObject({ ...headerFields, version: z.literal(2), headerSha256: base64(32) }),
}
export type BackupHeader = z.infer<(typeof headerSchemas)[1]> | z.infer<(typeof headerSchemas)[2]>

const NOT_A_BACKUP = 'This file is not an MSP Customer Desk backup, or its beginning is damaged. Nothing was changed.'
export const WRONG_PASSPHRASE = 'The passphrase is not the one this backup was made with. Check it and try again; nothing was changed.'
export const DAMAGED_BACKUP = 'The backup file has been changed or damaged since it was made, so it cannot be trusted or restored. Nothing was changed.'
export const UNREADABLE_BACKUP =
  'This backup uses settings this version of MSP Customer Desk neither makes nor reads, so it is damaged or was not made by the desk. Nothing was changed.'
const NEWER_BACKUP = 'This backup was made by a newer version of MSP Customer Desk. Update the app to restore it; nothing was changed.'

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('base64')

/** scrypt over the NFC form of the passphrase (the same words typed on another system give the same bytes); the desk lock's verifier uses it too. */
export function scryptBytes(passphrase: string, salt: Buffer, { N, r, p }: KdfParams, length: number): Promise<Buffer> {
  // scrypt needs about 128·N·r bytes; Node's default ceiling (32 MB) is below what N = 2^17 uses.
  const options: ScryptOptions = { N, r, p, maxmem: scryptMemory({ N, r, p }) + 16 * 1024 * 1024 }
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, length, options, (error, derived) => {
      if (error) reject(error)
      else resolve(derived)
    })
  })
}

async function deriveKeys(passphrase: string, salt: Buffer, kdf: KdfParams): Promise<{ key: Buffer; checkKey: Buffer }> {
  const derived = await scryptBytes(passphrase, salt, kdf, 64)
  return { key: derived.subarray(0, 32), checkKey: derived.subarray(32) }
}

const passphraseCheck = (checkKey: Buffer): Buffer => createHmac('sha256', checkKey).update(CHECK_LABEL).digest()

/** The header line with its checksum as the last member, so a reader can hash exactly the bytes before it. */
export function sealHeaderLine(header: Omit<Extract<BackupHeader, { version: 2 }>, 'headerSha256'>): Buffer {
  const body = Buffer.from(JSON.stringify(header), 'utf8')
  return Buffer.from(`${body.subarray(0, -1).toString('utf8')},"headerSha256":"${sha256(body)}"}\n`, 'utf8')
}

export async function encryptBackup(plaintext: Buffer, passphrase: string, createdAt: Date): Promise<Buffer> {
  const salt = randomBytes(16)
  const iv = randomBytes(12)
  const { key, checkKey } = await deriveKeys(passphrase, salt, DEFAULT_SCRYPT)
  const headerLine = sealHeaderLine({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: createdAt.toISOString(),
    kdf: { name: 'scrypt', ...DEFAULT_SCRYPT, salt: salt.toString('base64') },
    cipher: { name: 'aes-256-gcm', iv: iv.toString('base64') },
    check: passphraseCheck(checkKey).toString('base64'),
  })
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES })
  cipher.setAAD(headerLine)
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()])
  return Buffer.concat([headerLine, body, cipher.getAuthTag()])
}

export interface BackupHeaderRead {
  header: BackupHeader
  kdf: KdfParams
  /** The header line's bytes, newline included: the AAD, and what the file must still start with when the body is read. */
  headerLine: Buffer
}

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/**
 * Reads the header from the file's first bytes (at most MAX_HEADER_BYTES are needed) and says whether
 * this is a backup the desk can read, before a passphrase is asked for and without any key derivation.
 */
export function readBackupHeader(start: Buffer, fileSize: number): BackupHeaderRead {
  const head = start.subarray(0, MAX_HEADER_BYTES)
  const end = head.indexOf(0x0a)
  const line = end < 0 ? head : head.subarray(0, end)
  const sealed = CHECKSUM_SUFFIX.exec(line.toString('latin1'))
  // A file that names the format, or ends its first line with our checksum, is a backup: any problem
  // with it from here on is damage, not "some other file".
  const notOurs = (): DeskFailure => new DeskFailure('invalid', sealed || head.includes(BACKUP_FORMAT) ? DAMAGED_BACKUP : NOT_A_BACKUP)
  if (end < 0) throw notOurs()
  if (sealed) {
    const body = Buffer.concat([line.subarray(0, line.length - sealed[0].length), Buffer.from('}')])
    if (sha256(body) !== sealed[1]) throw new DeskFailure('invalid', DAMAGED_BACKUP)
  }
  const parsed = parseJson(line.toString('utf8'))
  const fields = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : null
  if (!fields || fields.format !== BACKUP_FORMAT) throw notOurs()
  if (typeof fields.version === 'number' && fields.version > BACKUP_VERSION) throw new DeskFailure('invalid', NEWER_BACKUP)
  // A version 2 header without its checksum has lost it: damage.
  if (fields.version === 2 && !sealed) throw new DeskFailure('invalid', DAMAGED_BACKUP)
  const schema = fields.version === 1 ? headerSchemas[1] : fields.version === 2 ? headerSchemas[2] : null
  const header = schema?.safeParse(parsed)
  if (!header?.success) throw new DeskFailure('invalid', sealed ? UNREADABLE_BACKUP : DAMAGED_BACKUP)
  const { N, r, p } = header.data.kdf
  const kdf = KNOWN_KDF_PARAMS.find((known) => known.N === N && known.r === r && known.p === p)
  if (!kdf) throw new DeskFailure('invalid', UNREADABLE_BACKUP)
  if (fileSize < end + 1 + TAG_BYTES) throw new DeskFailure('invalid', DAMAGED_BACKUP)
  return { header: header.data, kdf, headerLine: Buffer.from(head.subarray(0, end + 1)) }
}

/**
 * The plaintext, or a clear refusal: a wrong passphrase and a changed file are told apart. The rest of
 * the file is read only once the passphrase is known to be right.
 */
export async function decryptBackup(opened: BackupHeaderRead, passphrase: string, readFile: () => Promise<Buffer>): Promise<Buffer> {
  const { header, headerLine } = opened
  const { key, checkKey } = await deriveKeys(passphrase, Buffer.from(header.kdf.salt, 'base64'), opened.kdf)
  if (!timingSafeEqual(passphraseCheck(checkKey), Buffer.from(header.check, 'base64'))) {
    throw new DeskFailure('invalid', WRONG_PASSPHRASE, { passphrase: 'This is not the passphrase the backup was made with.' })
  }
  const file = await readFile()
  if (!file.subarray(0, headerLine.length).equals(headerLine) || file.length < headerLine.length + TAG_BYTES) {
    throw new DeskFailure('conflict', 'The backup file changed after you chose it. Choose it again; nothing was changed.')
  }
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.cipher.iv, 'base64'), { authTagLength: TAG_BYTES })
  decipher.setAAD(headerLine)
  decipher.setAuthTag(file.subarray(file.length - TAG_BYTES))
  try {
    return Buffer.concat([decipher.update(file.subarray(headerLine.length, file.length - TAG_BYTES)), decipher.final()])
  } catch {
    throw new DeskFailure('invalid', DAMAGED_BACKUP)
  }
}
