import { z } from 'zod'
import { channel } from './define'
import { customerId } from './customers'

/** Daily copies are named customers-YYYY-MM-DD.json; the copy kept before a restore carries its time too. */
export const BACKUP_NAME_PATTERN = /^customers-\d{4}-\d{2}-\d{2}(?:T\d{2}-\d{2}-\d{2}-\d{3}Z-before-restore)?\.json$/

export interface BackupInfo {
  /** The file name inside the backups folder; the page names a backup only by this. */
  name: string
  kind: 'daily' | 'before-restore'
  /** The day the copy was taken (local date, YYYY-MM-DD). */
  day: string
  sizeBytes: number
  /** Null when the copy cannot be read; `problem` then says why and it cannot be restored. */
  customerCount: number | null
  problem: string | null
}

export interface BackupList {
  folder: string
  /** Newest first. */
  backups: BackupInfo[]
  keepDaily: number
  /** Set when the last daily copy could not be written. */
  problem: string | null
}

export interface RestoreResult {
  restored: string
  customerCount: number
  /** Where the file that was replaced was kept, in the backups folder; null if there was none. */
  keptCurrentAs: string | null
}

/** Why an entry is left over: its customer was deleted, no longer has the account that holds its password, or is unknown to this desk. */
export type LeftoverReason = 'deleted' | 'no-account' | 'unknown'

export interface KeychainReport {
  /** Customers whose account holds a password (the Vault login) but with no password in the keychain: set one with Change Password. */
  missing: { customerId: string; companyName: string; username: string }[]
  /** Keychain entries of customers that no longer exist or no longer have the account that holds a password; the company is named when the desk or its deletion log knows it. */
  leftover: { customerId: string; companyName: string | null; why: LeftoverReason }[]
}

export const maintenanceChannels = {
  listDailyBackups: channel(z.strictObject({}))<BackupList>(),
  /** The page confirms first; main keeps the current file as a backup, then copies this one back atomically. */
  restoreDailyBackup: channel(z.strictObject({ name: z.string().max(100).regex(BACKUP_NAME_PATTERN) }))<RestoreResult>(),
  checkKeychain: channel(z.strictObject({}))<KeychainReport>(),
  /** Removes only entries that are still left over when main checks again; never one of an existing customer. */
  removeLeftoverPasswords: channel(z.strictObject({ customerIds: z.array(customerId).min(1).max(10_000) }))<{ removed: number }>(),
}
