import { isUtf8 } from 'node:buffer'
import type { Stats } from 'node:fs'
import { open, rename } from 'node:fs/promises'
import { basename } from 'node:path'
import { z } from 'zod'
import { customerSchema, tombstoneSchema } from '../common/customer-model'
import type { StoreStatus } from '../common/contract'
import { errorCode } from './atomic-file'
import { duplicateKey } from './json-duplicate-keys'
import { CURRENT_SCHEMA_VERSION, noStepReason, runMigrations } from './migrations'
import { liftUnknownFields, noUnknownFields, type UnknownFields } from './store-unknown-fields'

export const deskDataSchema = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  customers: z.array(customerSchema),
  deletions: z.array(tombstoneSchema),
})
export type DeskData = z.infer<typeof deskDataSchema>

export const emptyDeskData = (): DeskData => ({ schemaVersion: CURRENT_SCHEMA_VERSION, customers: [], deletions: [] })

/** What tells one version of the file from another without reading it: a rename or a write changes one of these. */
export interface FileIdentity {
  ino: number
  size: number
  mtimeMs: number
}

export const identityOf = (info: Stats): FileIdentity => ({ ino: info.ino, size: info.size, mtimeMs: info.mtimeMs })
export const sameIdentity = (a: FileIdentity | null, b: FileIdentity): boolean => a !== null && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs

export interface LoadedStore {
  data: DeskData
  status: StoreStatus
  /** The file's bytes exactly as read when it loaded normally; null when there is no usable file. */
  bytes: Buffer | null
  /** The identity of the file those bytes came from. */
  identity: FileIdentity | null
  unknowns: UnknownFields
}

/** A file name stamp that sorts by time and is valid on Windows (no colons). */
export const fileStamp = (date: Date): string => date.toISOString().replace(/[:.]/g, '-')

export type ParsedStore = { kind: 'ok'; data: DeskData; unknowns: UnknownFields } | { kind: 'newer'; version: number } | { kind: 'unreadable'; reason: string }

const BYTE_ORDER_MARK = '\uFEFF'

/** The first customer id that two customers share, with their positions. */
function sharedId(data: DeskData): string | null {
  const positions = new Map<string, number>()
  for (const [index, customer] of data.customers.entries()) {
    const earlier = positions.get(customer.id)
    if (earlier !== undefined) return `customers ${earlier + 1} and ${index + 1} both have the id "${customer.id}"`
    positions.set(customer.id, index)
  }
  return null
}

/**
 * Understands a store file's text (upgrading older formats) or says, for the user, why it cannot.
 * A byte-order mark (PowerShell 5 and old Notepad write one) is skipped. Repeated keys and repeated
 * customer ids are refused rather than guessed at: JSON.parse would silently keep only the last.
 */
export function parseStoreText(withMark: string): ParsedStore {
  const text = withMark.startsWith(BYTE_ORDER_MARK) ? withMark.slice(1) : withMark
  if (text.trim() === '') return { kind: 'unreadable', reason: 'The customer file is empty (it holds no data at all).' }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return { kind: 'unreadable', reason: 'The customer file is not valid JSON: it was cut short or damaged.' }
  }
  const migrated = runMigrations(parsed)
  if (migrated.kind === 'newer') return { kind: 'newer', version: migrated.version }
  if (migrated.kind === 'no-step') return { kind: 'unreadable', reason: noStepReason(migrated.version) }
  const upgraded = migrated.data
  const { unknowns, keyCount } = liftUnknownFields(upgraded)
  const repeated = duplicateKey(text, keyCount)
  if (repeated) {
    const where = repeated.path === '' ? 'at the top level' : `at ${repeated.path}`
    return { kind: 'unreadable', reason: `The customer file names the field "${repeated.key}" twice ${where}, so it is not clear which one holds the data (it was probably edited by hand).` }
  }
  const checked = deskDataSchema.safeParse(upgraded)
  if (!checked.success) {
    const first = checked.error.issues[0]
    const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : ''
    return { kind: 'unreadable', reason: `The customer file is valid JSON but does not hold customer data as expected${where}.` }
  }
  const shared = sharedId(checked.data)
  if (shared) return { kind: 'unreadable', reason: `The customer file holds two customers with one id (${shared}), so one change could hit both (it was probably edited by hand).` }
  return { kind: 'ok', data: checked.data, unknowns }
}

/** The file's bytes as text, or null when they are not UTF-8 (a decoder would turn them into U+FFFD and a save would change them). */
export const storeTextOf = (bytes: Buffer): string | null => (isUtf8(bytes) ? bytes.toString('utf8') : null)

export const NOT_UTF8_REASON = 'The customer file is not UTF-8 text: it holds bytes that MSP Customer Desk never writes (it was saved in another encoding or damaged).'

export function parseStoreBytes(bytes: Buffer): ParsedStore {
  const text = storeTextOf(bytes)
  return text === null ? { kind: 'unreadable', reason: NOT_UTF8_REASON } : parseStoreText(text)
}

export const newerVersionReason = (version: number): string =>
  `The customer file was written by a newer version of MSP Customer Desk (data format ${version}; this version reads format ${CURRENT_SCHEMA_VERSION}). ` +
  'It was left untouched and nothing will be saved: update MSP Customer Desk to open it.'

/**
 * Reads the store file. A file that cannot be understood is never overwritten: it is renamed aside
 * and the desk starts empty, or, if it cannot even be moved, the desk opens read-only.
 */
/** Reads a file and its identity from one handle, so the two cannot come from different versions of it. */
export async function readWithIdentity(file: string): Promise<{ bytes: Buffer; identity: FileIdentity }> {
  const handle = await open(file, 'r')
  try {
    const identity = identityOf(await handle.stat())
    return { bytes: await handle.readFile(), identity }
  } finally {
    await handle.close()
  }
}

export async function loadStoreFile(file: string, now: Date): Promise<LoadedStore> {
  const nothing = { data: emptyDeskData(), bytes: null, identity: null, unknowns: noUnknownFields() }
  let read: { bytes: Buffer; identity: FileIdentity }
  try {
    read = await readWithIdentity(file)
  } catch (error) {
    const code = errorCode(error)
    if (code === 'ENOENT') return { ...nothing, status: { kind: 'created' } }
    return {
      ...nothing,
      status: {
        kind: 'read-only',
        reason: `The customer file ${file} could not be read (${code ?? 'unknown error'}). It was left as it is and nothing will be saved, so it cannot be overwritten; check that it is a file you may read, then restart MSP Customer Desk.`,
      },
    }
  }

  const parsed = parseStoreBytes(read.bytes)
  if (parsed.kind === 'ok') return { data: parsed.data, status: { kind: 'ok' }, bytes: read.bytes, identity: read.identity, unknowns: parsed.unknowns }
  if (parsed.kind === 'newer') return { ...nothing, status: { kind: 'read-only', reason: newerVersionReason(parsed.version) } }

  const keptAs = `${file}.unreadable-${fileStamp(now)}`
  try {
    await rename(file, keptAs)
  } catch (error) {
    return {
      ...nothing,
      status: {
        kind: 'read-only',
        reason: `${parsed.reason} It could not be moved aside to ${basename(keptAs)} (${errorCode(error) ?? 'unknown error'}), so it was left as it is and nothing will be saved over it.`,
      },
    }
  }
  return { ...nothing, status: { kind: 'recovered', reason: parsed.reason, keptAs } }
}
