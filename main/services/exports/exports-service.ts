import { dirname } from 'node:path'
import type { EmitDeskEvent } from '../../common/contract'
import type { AccessLog } from '../access-log/access-log-service'
import type { CredentialVault } from '../credential-vault'
import type { CustomerService } from '../customer-service'
import type { CustomerStore } from '../customer-store'
import { createExportWriter } from './atomic-file'
import { createBackupService, type PendingRestore } from './backup-service'
import type { FileDialogs } from './file-dialogs'
import { createPasswordImportService, type PasswordImportAccess, type PendingPasswordImport } from './import-mapping/password-import-service'
import { createSavedMappings } from './import-mapping/saved-mappings'
import { createImportService, type PendingFile, type PendingImport } from './import-service'
import { createListExport } from './list-export-service'
import { createPendingTokens } from './pending-tokens'
import { createSheetJobs } from './sheet-jobs'

export interface ExportsDeps {
  store: CustomerStore
  vault: CredentialVault
  customers: Pick<CustomerService, 'createMany' | 'changePasswords'>
  dialogs: FileDialogs
  now: () => Date
  report: (error: unknown) => void
  locale?: string
  emit: EmitDeskEvent
  /** The password import's hook for the access log: one call per customer whose password it set. */
  onAccess?: (event: PasswordImportAccess) => void
  accessLog: Pick<AccessLog, 'record' | 'text' | 'restoreFrom'>
}

/** The `exports` namespace: sheets, list export, import, backup and restore, wired over their shared parts. */
export function createExportsService({ store, vault, customers, dialogs, now, report, locale, emit, onAccess, accessLog }: ExportsDeps) {
  // The data folder holds the notes of exports being written, so a crash's temp file can be removed.
  const writer = createExportWriter(dirname(store.file))
  const sheets = createSheetJobs({ store, vault, dialogs, now, report, locale, emit, writer, recordAccess: accessLog.record })
  const pendingImports = createPendingTokens<PendingImport>(now)
  // A pending restore holds decrypted passwords in memory: keep one at a time, briefly.
  const pendingRestores = createPendingTokens<PendingRestore>(now, { maxEntries: 1, lifetimeMs: 10 * 60_000 })
  const pendingFiles = createPendingTokens<PendingFile>(now)
  const pendingPasswordImports = createPendingTokens<PendingPasswordImport>(now)
  const savedMappings = createSavedMappings(dirname(store.file), now)
  const imports = createImportService({ store, customers, dialogs, pending: pendingImports, files: pendingFiles, savedMappings, recordAccess: accessLog.record })
  const passwordImports = createPasswordImportService({ store, vault, customers, files: pendingFiles, pending: pendingPasswordImports, onAccess, recordAccess: accessLog.record })
  const backups = createBackupService({ store, vault, dialogs, now, pending: pendingRestores, writer, accessLog })

  /** Drops every previewed import and checked restore: they hold the file's passwords in memory. */
  function forgetPending(): void {
    pendingRestores.clear()
    pendingImports.clear()
    pendingFiles.clear()
    pendingPasswordImports.clear()
  }

  return {
    channels: {
      sheetStart: sheets.start,
      progress: sheets.progress,
      cancel: sheets.cancel,
      listExport: createListExport({ store, dialogs, now, writer }),
      importPreview: imports.preview,
      importConfirm: imports.confirm,
      backupCreate: backups.create,
      restoreOpen: backups.open,
      restoreCheck: backups.check,
      restoreConfirm: backups.confirm,
      discard: ({ token }: { token: string }) => ({
        discarded: pendingImports.delete(token) || pendingRestores.delete(token) || pendingFiles.delete(token) || pendingPasswordImports.delete(token),
      }),
      importRemap: imports.remap,
      importSaveMapping: imports.saveMapping,
      passwordImportPreview: passwordImports.preview,
      passwordImportConfirm: passwordImports.confirm,
    },
    /** When the desk opens: removes what a crash left in the middle of writing an export. */
    sweepCrashLeftovers: (): Promise<void> => writer.sweep(),
    forgetPending,
    async dispose(): Promise<void> {
      forgetPending()
      await sheets.dispose()
    },
  }
}
