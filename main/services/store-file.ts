import { readFile, rename } from 'node:fs/promises'
import { basename } from 'node:path'
import { z } from 'zod'
import { customerSchema, tombstoneSchema } from '../common/customer-model'
import type { StoreStatus } from '../common/contract'
import { errorCode } from './atomic-file'
import { CURRENT_SCHEMA_VERSION, migrate } from './store-migrations'

export const deskDataSchema = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  customers: z.array(customerSchema),
  deletions: z.array(tombstoneSchema),
})
export type DeskData = z.infer<typeof deskDataSchema>

export const emptyDeskData = (): DeskData => ({ schemaVersion: CURRENT_SCHEMA_VERSION, customers: [], deletions: [] })

export interface LoadedStore {
  data: DeskData
  status: StoreStatus
  /** The file's text exactly as read when it loaded normally; null when there is no usable file. */
  text: string | null
}

/** A file name stamp that sorts by time and is valid on Windows (no colons). */
export const fileStamp = (date: Date): string => date.toISOString().replace(/[:.]/g, '-')

export type ParsedStore = { kind: 'ok'; data: DeskData } | { kind: 'newer'; version: number } | { kind: 'unreadable'; reason: string }

/** Understands a store file's text (upgrading older formats) or says, for the user, why it cannot. */
export function parseStoreText(text: string): ParsedStore {
  if (text.trim() === '') return { kind: 'unreadable', reason: 'The customer file is empty (it holds no data at all).' }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return { kind: 'unreadable', reason: 'The customer file is not valid JSON: it was cut short or damaged.' }
  }
  const version = typeof parsed === 'object' && parsed !== null ? (parsed as { schemaVersion?: unknown }).schemaVersion : undefined
  if (typeof version === 'number' && version > CURRENT_SCHEMA_VERSION) return { kind: 'newer', version }
  const checked = deskDataSchema.safeParse(migrate(parsed))
  if (!checked.success) {
    const first = checked.error.issues[0]
    const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : ''
    return { kind: 'unreadable', reason: `The customer file is valid JSON but does not hold customer data as expected${where}.` }
  }
  return { kind: 'ok', data: checked.data }
}

export const newerVersionReason = (version: number): string =>
  `The customer file was written by a newer version of MSP Customer Desk (data format ${version}; this version reads format ${CURRENT_SCHEMA_VERSION}). ` +
  'It was left untouched and nothing will be saved: update MSP Customer Desk to open it.'

/**
 * Reads the store file. A file that cannot be understood is never overwritten: it is renamed aside
 * and the desk starts empty, or, if it cannot even be moved, the desk opens read-only.
 */
export async function loadStoreFile(file: string, now: Date): Promise<LoadedStore> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    const code = errorCode(error)
    if (code === 'ENOENT') return { data: emptyDeskData(), status: { kind: 'created' }, text: null }
    return {
      data: emptyDeskData(),
      status: {
        kind: 'read-only',
        reason: `The customer file ${file} could not be read (${code ?? 'unknown error'}). It was left as it is and nothing will be saved, so it cannot be overwritten; check that it is a file you may read, then restart MSP Customer Desk.`,
      },
      text: null,
    }
  }

  const parsed = parseStoreText(text)
  if (parsed.kind === 'ok') return { data: parsed.data, status: { kind: 'ok' }, text }
  if (parsed.kind === 'newer') return { data: emptyDeskData(), status: { kind: 'read-only', reason: newerVersionReason(parsed.version) }, text: null }

  const keptAs = `${file}.unreadable-${fileStamp(now)}`
  try {
    await rename(file, keptAs)
  } catch (error) {
    return {
      data: emptyDeskData(),
      status: {
        kind: 'read-only',
        reason: `${parsed.reason} It could not be moved aside to ${basename(keptAs)} (${errorCode(error) ?? 'unknown error'}), so it was left as it is and nothing will be saved over it.`,
      },
      text: null,
    }
  }
  return { data: emptyDeskData(), status: { kind: 'recovered', reason: parsed.reason, keptAs }, text: null }
}
