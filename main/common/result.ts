/** What every IPC call returns: Electron passes only an error's message across IPC, so errors travel as data. */
export type DeskErrorCode =
  | 'invalid'
  | 'needs-confirmation'
  | 'not-found'
  | 'conflict'
  | 'keychain-unavailable'
  | 'store-read-only'
  | 'cancelled'
  /** The desk is locked: every channel but the lock's own answers this until it is unlocked. */
  | 'locked'
  | 'internal'

export interface DeskError {
  code: DeskErrorCode
  message: string
  /** Messages per form field, keyed by the field's path (`companyName`, or a vendor's `<key>.<field>`). */
  fields?: Record<string, string>
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DeskError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
