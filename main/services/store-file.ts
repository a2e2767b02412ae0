import { readFile, rename } from 'node:fs/promises'
import { z } from 'zod'
import { customerSchema, tombstoneSchema } from '../common/customer-model'
import type { StoreStatus } from '../common/contract'
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
}

const errorCode = (error: unknown): string | undefined =>
  error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : undefined

/** A file name stamp that sorts by time and is valid on Windows (no colons). */
export const fileStamp = (date: Date): string => date.toISOString().replace(/[:.]/g, '-')

/**
 * Reads the store file. A file that cannot be understood is never overwritten: it is renamed aside
 * and the desk starts empty, or, if it cannot even be moved, the desk opens read-only.
 */
export async function loadStoreFile(file: string, now: Date): Promise<LoadedStore> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { data: emptyDeskData(), status: { kind: 'created' } }
    return { data: emptyDeskData(), status: { kind: 'read-only', reason: `The customer file could not be read (${errorCode(error) ?? 'unknown error'}).` } }
  }

  const problem = describeProblem(text)
  if (problem.kind === 'ok') return { data: problem.data, status: { kind: 'ok' } }
  if (problem.kind === 'newer') {
    return {
      data: emptyDeskData(),
      status: {
        kind: 'read-only',
        reason: `The customer file was written by a newer version of MSP Customer Desk (format ${problem.version}). Update the app to open it; the file was left untouched.`,
      },
    }
  }

  const keptAs = `${file}.unreadable-${fileStamp(now)}`
  try {
    await rename(file, keptAs)
  } catch (error) {
    return {
      data: emptyDeskData(),
      status: { kind: 'read-only', reason: `${problem.reason} It could not be moved aside (${errorCode(error) ?? 'unknown error'}), so nothing will be saved.` },
    }
  }
  return { data: emptyDeskData(), status: { kind: 'recovered', reason: problem.reason, keptAs } }
}

type Problem = { kind: 'ok'; data: DeskData } | { kind: 'newer'; version: number } | { kind: 'unreadable'; reason: string }

function describeProblem(text: string): Problem {
  if (text.trim() === '') return { kind: 'unreadable', reason: 'The customer file was empty.' }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return { kind: 'unreadable', reason: 'The customer file is not valid JSON (it may have been cut short).' }
  }
  const version = typeof parsed === 'object' && parsed !== null ? (parsed as { schemaVersion?: unknown }).schemaVersion : undefined
  if (typeof version === 'number' && version > CURRENT_SCHEMA_VERSION) return { kind: 'newer', version }
  const migrated = migrate(parsed)
  const checked = deskDataSchema.safeParse(migrated)
  if (!checked.success) {
    const first = checked.error.issues[0]
    const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : ''
    return { kind: 'unreadable', reason: `The customer file does not have the expected contents${where}.` }
  }
  return { kind: 'ok', data: checked.data }
}
