import { z } from 'zod'
import { customerId } from './customers'
import { channel } from './define'
import { importMappingChannels, type ImportColumns, type LeftOutRows } from './import-mapping'

export const PAPER_SIZES = ['A4', 'Letter'] as const
export type PaperSize = (typeof PAPER_SIZES)[number]
export const LIST_FORMATS = ['csv', 'xlsx'] as const
export type ListFormat = (typeof LIST_FORMATS)[number]
export const BACKUP_PASSPHRASE_MIN_LENGTH = 12
export const BACKUP_PASSPHRASE_MAX_LENGTH = 1024

const token = z.string().min(1).max(100)
const jobId = z.string().min(1).max(100)
const selection = z.array(customerId).min(1).max(10_000)
const passphrase = z.string().max(BACKUP_PASSPHRASE_MAX_LENGTH)

/** The user closed main's file dialog without choosing: nothing was read or written. */
export interface DialogClosed {
  kind: 'cancelled'
}

export type JobState = 'running' | 'done' | 'cancelled' | 'failed'

export interface JobProgress {
  jobId: string
  state: JobState
  done: number
  total: number
  /** Where the file goes; it exists only once `state` is `done`. */
  filePath: string
  /** Why a job failed, for the user. */
  message: string | null
}

export interface SheetStarted {
  kind: 'started'
  jobId: string
  total: number
  filePath: string
}

export interface ListSaved {
  kind: 'saved'
  filePath: string
  rows: number
}

/** A spreadsheet row as the user sees it: the header is row 1, the first customer row 2. */
export interface ImportProblem {
  row: number
  /** The column's header as written in the file; empty when the problem is the row itself. */
  column: string
  message: string
}

export interface ImportRow {
  row: number
  companyName: string
  username: string | null
  withPassword: boolean
  /** The vendor keys of the services the row's customer gets. */
  services: string[]
}

export interface ImportPreview {
  kind: 'preview'
  /** Null when the file cannot be imported as it is (it has errors or no rows). */
  token: string | null
  filePath: string
  /** The rows that passed every check: all of them are created on confirm, or none. */
  rows: ImportRow[]
  errors: ImportProblem[]
  /** Company names already on the desk or repeated in the file: importing them needs a confirmation. */
  duplicateCompanies: ImportProblem[]
  /** Rows the preset's rule left out (secure notes, deleted entries): neither checked nor imported. */
  leftOut: LeftOutRows[]
  /** The file's headers and the mapping this preview used, for the mapping step. */
  columns: ImportColumns
}

export interface ImportDone {
  created: number
  customerIds: string[]
}

export interface BackupSaved {
  kind: 'saved'
  filePath: string
  customers: number
  passwords: number
}

export interface RestoreOpened {
  kind: 'opened'
  token: string
  filePath: string
  /** When the backup was made, as written (unencrypted) in its header. */
  createdAt: string
}

export interface RestoreConflict {
  username: string
  deskCompany: string
  backupCompany: string
}

export interface RestorePreview {
  createdAt: string
  customers: number
  passwords: number
  /** Customers whose id is not on this desk. */
  add: number
  /** Customers whose id is on this desk: the backup's version replaces it. */
  replace: number
  /** A different customer on this desk has the same username: the restore is refused until resolved. */
  conflicts: RestoreConflict[]
}

export interface RestoreDone {
  added: number
  replaced: number
  passwords: number
}

export const exportChannels = {
  /** Opens main's save dialog, then makes the PDF in the background: follow the `exports.sheetProgress` event (or ask `progress`), stop with `cancel`. */
  sheetStart: channel(
    z.strictObject({
      customerIds: selection,
      paperSize: z.enum(PAPER_SIZES).default('A4'),
      includePasswords: z.boolean().default(false),
      /** The user saw the warning that the sheet will hold passwords and agreed. */
      confirmIncludePasswords: z.boolean().default(false),
      /** Each service's onboarding steps, done (with the date) or not yet. */
      includeOnboarding: z.boolean().default(false),
    }),
  )<DialogClosed | SheetStarted>(),
  progress: channel(z.strictObject({ jobId }))<JobProgress>(),
  /** Resolves once the job has stopped; a cancelled job leaves no file behind. */
  cancel: channel(z.strictObject({ jobId }))<JobProgress>(),
  /** Every customer (or the selection) with every non-secret field; never a password. */
  listExport: channel(z.strictObject({ format: z.enum(LIST_FORMATS), customerIds: selection.optional() }))<DialogClosed | ListSaved>(),
  /** Opens main's open dialog and checks every row; writes nothing. */
  importPreview: channel(z.strictObject({}))<DialogClosed | ImportPreview>(),
  /** Reads the previewed file again and creates every row, or none. */
  importConfirm: channel(z.strictObject({ token, confirmDuplicateCompanies: z.boolean().default(false) }))<ImportDone>(),
  backupCreate: channel(z.strictObject({ passphrase, confirmPassphrase: passphrase }))<DialogClosed | BackupSaved>(),
  /** Opens main's open dialog and checks that the file is a desk backup; the passphrase comes next. */
  restoreOpen: channel(z.strictObject({}))<DialogClosed | RestoreOpened>(),
  /** Decrypts and checks the backup; may be retried with another passphrase. Changes nothing. */
  restoreCheck: channel(z.strictObject({ token, passphrase }))<RestorePreview>(),
  restoreConfirm: channel(z.strictObject({ token }))<RestoreDone>(),
  /** Forgets a pending import or restore (and the decrypted backup it holds). */
  discard: channel(z.strictObject({ token }))<{ discarded: boolean }>(),
  ...importMappingChannels,
}
