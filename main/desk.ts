import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { DeskFailure } from './common/desk-error'
import { createKeychainVault, type CredentialVault } from './services/credential-vault'
import { createCustomerService } from './services/customer-service'
import { CustomerStore, STORE_FILE_NAME } from './services/customer-store'
import { createDeletionLog } from './services/deletion-log'
import { createExportsService } from './services/exports/exports-service'
import { noFileDialogs, type FileDialogs } from './services/exports/file-dialogs'
import { createLicenseService } from './services/license-service'
import { createMaintenanceService } from './services/maintenance-service'
import { createOnboardingService } from './services/onboarding-service'
import { reconcileStagedPasswords } from './services/password-staging'
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
}

export interface Desk {
  handlers: HandlerTable
  store: CustomerStore
  vault: CredentialVault
  close(): Promise<void>
}

/** Composition root: wires the services and their IPC handlers; Electron and the tests both start here. */
export async function createDesk(options: DeskOptions): Promise<Desk> {
  const now = options.now ?? (() => new Date())
  const newId = options.newId ?? randomUUID
  const report = options.report ?? ((error: unknown) => console.error('Unexpected error in a handler:', error instanceof Error ? error.message : 'unknown'))
  const store = await CustomerStore.open(join(options.dataDir, STORE_FILE_NAME), now)
  const vault = options.vault ?? createKeychainVault(options.keychainService ?? APP_NAME)
  // Finishes or drops what a crash left staged; only on a store this desk may write (a busy or set-aside one proves nothing).
  // A locked keychain is no error here: the staged entries wait for the next opening.
  if (store.status.kind === 'ok' || store.status.kind === 'created') {
    await reconcileStagedPasswords(store.data, vault).catch((error: unknown) => {
      if (!(error instanceof DeskFailure && error.code === 'keychain-unavailable')) report(error)
    })
  }
  const clipboard = createSecretClipboard(options.clipboard, options.clipboardClearMs, { report })
  const customers = createCustomerService({ store, vault, clipboard, now, newId })
  const exports = createExportsService({ store, vault, customers, dialogs: options.fileDialogs ?? noFileDialogs, now, report, locale: options.locale, emit: options.emit ?? (() => {}) })
  await exports.sweepCrashLeftovers()

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
    onboarding: createOnboardingService({ store, now, newId }),
  }
  return {
    handlers: createHandlerTable(implementation, report),
    store,
    vault,
    close: async () => {
      await exports.dispose()
      await clipboard.dispose()
      await store.close()
    },
  }
}
