import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { DeskFailure } from './common/desk-error'
import { createAccessLog, recordAfterSaving, type AccessLog } from './services/access-log/access-log-service'
import { accessLogChannels } from './services/access-log/access-log-channels'
import { createKeychainVault, type CredentialVault } from './services/credential-vault'
import { createBillingService } from './services/billing/billing-service'
import { createCustomerService } from './services/customer-service'
import { CustomerStore, STORE_FILE_NAME } from './services/customer-store'
import { createDeletionLog } from './services/deletion-log'
import { createExportWriter } from './services/exports/atomic-file'
import { createExportsService } from './services/exports/exports-service'
import { noFileDialogs, type FileDialogs } from './services/exports/file-dialogs'
import type { PasswordImportAccess } from './services/exports/import-mapping/password-import-service'
import { createLicenseService } from './services/license-service'
import { openDeskLock, type DeskLock, type DeskLockOptions } from './services/lock/desk-lock'
import { createLockKeychain, type LockKeychain } from './services/lock/lock-record'
import { createMaintenanceService } from './services/maintenance-service'
import { settleStagedAtOpen } from './services/password-staging'
import { createPasswordHistoryService, type PreviousPasswordAccess } from './services/password-history-service'
import { createOnboardingService } from './services/onboarding-service'
import { createSecretClipboard, type TextClipboard } from './services/secret-clipboard'
import type { EmitDeskEvent } from './common/contract'
import { createHandlerTable, type HandlerTable, type Implementation } from './ipc/handler-table'

export const APP_NAME = 'MSP Customer Desk'

export interface DeskOptions {
  dataDir: string
  /** The keychain service the passwords are filed under; tests use their own. */
  keychainService?: string
  clipboard: TextClipboard
  clipboardClearMs?: number
  vault?: CredentialVault
  now?: () => Date
  newId?: () => string
  report?: (error: unknown) => void
  /** Main's native open/save dialogs (Electron's in the app, temp-folder answers in tests); none by default. */
  fileDialogs?: FileDialogs
  /** The user's locale for dates and numbers that main writes (sheets, messages): Electron's app.getLocale(); tests pass their own. */
  locale?: string
  /** Sends an event to the page (the window's webContents in the app, the harness's page in tests); dropped by default. */
  emit?: EmitDeskEvent
  /** The password import's access hook (one call per customer whose Vault password it set), for the access log. */
  onPasswordImport?: (event: PasswordImportAccess) => void
  /** The lock's access-log hook and Touch ID; its keychain entry is under the same service as the passwords unless given. */
  lock?: DeskLockOptions & { keychain?: LockKeychain }
  /** Told of every reveal and copy of a previous password (for the access log); never given the password. */
  onPreviousPasswordAccess?: (event: PreviousPasswordAccess) => void
}

export interface Desk {
  handlers: HandlerTable
  store: CustomerStore
  vault: CredentialVault
  lock: DeskLock
  /** `accessLog.record({ action, customerId })` for the services that must log what they do (the lock, previous passwords). */
  accessLog: AccessLog
  close(): Promise<void>
}

/** Composition root: wires the services and their IPC handlers; Electron and the tests both start here. */
export async function createDesk(options: DeskOptions): Promise<Desk> {
  const now = options.now ?? (() => new Date())
  const newId = options.newId ?? randomUUID
  const report = options.report ?? ((error: unknown) => console.error('Unexpected error in a handler:', error instanceof Error ? error.message : 'unknown'))
  const store = await CustomerStore.open(join(options.dataDir, STORE_FILE_NAME), now)
  const vault = options.vault ?? createKeychainVault(options.keychainService ?? APP_NAME)
  // Finishes or drops what a crash left staged; only on a store this desk may write (a busy or set-aside one proves nothing),
  // holding its lock. A locked keychain is no error here: the first password save settles them (customer-service.ts).
  let unsettledAtOpen = false
  if (store.status.kind === 'ok' || store.status.kind === 'created') {
    await settleStagedAtOpen(store, vault).catch((error: unknown) => {
      if (error instanceof DeskFailure && error.code === 'keychain-unavailable') unsettledAtOpen = true
      else report(error)
    })
  }
  const clipboard = createSecretClipboard(options.clipboard, options.clipboardClearMs, { report })
  const dialogs = options.fileDialogs ?? noFileDialogs
  const emit = options.emit ?? (() => {})
  // One writer for the files the access log and the billing view export (the exports service keeps its own).
  const writer = createExportWriter(options.dataDir)
  const accessLog = createAccessLog({ store, now, dialogs, writer, emit })
  const customers = createCustomerService({ store, vault, clipboard, now, newId, recordAccess: accessLog.record, unsettledAtOpen })
  const exports = createExportsService({ store, vault, customers, dialogs, now, report, locale: options.locale, emit, accessLog, onAccess: options.onPasswordImport })
  await exports.sweepCrashLeftovers()
  const lock = await openDeskLock({
    ...options.lock,
    // Every lock, unlock and failed unlock goes into the access log (the lock reports a log that cannot be written).
    onAccess: async (event) => {
      await options.lock?.onAccess?.(event)
      await accessLog.record({ action: event.action, detail: [event.trigger, event.method].filter(Boolean).join(', ') || null })
    },
    // Every change of the lock's settings too; one already saved whose entry cannot be written says so in its answer.
    onSettingsChange: ({ detail, refused }) =>
      refused ? accessLog.record({ action: 'lock-settings', detail }) : recordAfterSaving(accessLog.record, { action: 'lock-settings', detail }, `The lock's change was saved (${detail})`),
    keychain: options.lock?.keychain ?? createLockKeychain(options.keychainService ?? APP_NAME),
    now,
    // A locked desk holds no secret it was shown: not on the clipboard, nor a checked backup or previewed import.
    clearSecrets: () => {
      exports.forgetPending()
      return clipboard.clearSecretNow()
    },
    emit,
    report,
  })

  const implementation: Implementation = {
    app: {
      status: () => ({ store: store.status, dataFile: store.file, customerCount: store.data.customers.length }),
      copyText: async ({ text }) => {
        await clipboard.copyText(text)
        return { copied: true as const }
      },
    },
    customers,
    licenses: createLicenseService({ store, now, newId, locale: options.locale }),
    history: createDeletionLog({ store }),
    exports: exports.channels,
    maintenance: createMaintenanceService(store, vault),
    lock: lock.channels,
    accessLog: accessLogChannels(accessLog),
    billing: createBillingService({ store, dialogs, now, writer }),
    passwordHistory: createPasswordHistoryService({
      store,
      vault,
      clipboard,
      now,
      newId,
      onAccess: options.onPreviousPasswordAccess,
      recordAccess: accessLog.record,
    }),
    onboarding: createOnboardingService({ store, now, newId }),
  }
  return {
    handlers: createHandlerTable(implementation, report, lock),
    store,
    vault,
    lock,
    accessLog,
    close: async () => {
      await exports.dispose()
      await clipboard.dispose()
      await store.close()
    },
  }
}
