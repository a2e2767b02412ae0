import type { Migration } from './migration'
import { v0ToV1 } from './v0-to-v1'

export type { Migration } from './migration'

/**
 * Every step of the customer file's format, oldest first; each starts where the one before ends
 * (a test checks it). To change the format, add a file `v<n>-to-v<n+1>.ts` and list it last here.
 */
export const MIGRATIONS: readonly Migration[] = [v0ToV1]

function newestVersion(steps: readonly Migration[]): number {
  const last = steps.at(-1)
  if (!last) throw new Error('The list of store migrations is empty.')
  return last.to
}

/** The store's format version: where the last step ends. */
export const CURRENT_SCHEMA_VERSION = newestVersion(MIGRATIONS)

export type MigrationResult =
  /** Brought to the newest version; a value that is not a file object at all is passed on as is, for the schema to reject. */
  | { kind: 'migrated'; data: unknown }
  | { kind: 'newer'; version: number }
  /** A version no step starts from (not a whole number, below 0, or a gap in the list). */
  | { kind: 'no-step'; version: unknown }

const isFileObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Runs the steps from the file's own version to the newest; a file without a version is from before versions (0). */
export function runMigrations(parsed: unknown, steps: readonly Migration[] = MIGRATIONS): MigrationResult {
  if (!isFileObject(parsed)) return { kind: 'migrated', data: parsed }
  const newest = newestVersion(steps)
  const version = parsed.schemaVersion === undefined ? 0 : parsed.schemaVersion
  if (typeof version === 'number' && version > newest) return { kind: 'newer', version }
  let data = parsed
  let at = version
  while (at !== newest) {
    const step = steps.find((candidate) => candidate.from === at)
    if (!step) return { kind: 'no-step', version: at }
    // The runner stamps the version, so that no step can forget to.
    data = { ...step.migrate(data), schemaVersion: step.to }
    at = step.to
  }
  return { kind: 'migrated', data }
}

/** Brings a parsed file up to the current version; anything it cannot upgrade is returned as is for the schema to reject. */
export function migrate(parsed: unknown): unknown {
  const result = runMigrations(parsed)
  return result.kind === 'migrated' ? result.data : parsed
}

/** Why a file whose version no step starts from is refused, for the user. */
export const noStepReason = (version: unknown): string =>
  `The customer file says its data format is ${JSON.stringify(version) ?? String(version)}, which no version of MSP Customer Desk writes (this version reads formats up to ${CURRENT_SCHEMA_VERSION}), so it is not clear how to read it (it was probably edited by hand).`
