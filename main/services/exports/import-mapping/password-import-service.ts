import { basename } from 'node:path'
import type { ColumnMapping, PasswordImportDone, PasswordImportPreview, PasswordMatchKey } from '../../../common/contract/import-mapping'
import { DeskFailure } from '../../../common/desk-error'
import type { CredentialVault } from '../../credential-vault'
import type { CustomerService } from '../../customer-service'
import type { CustomerStore } from '../../customer-store'
import { readPendingFile, type PendingFile } from '../import-service'
import type { PendingTokens } from '../pending-tokens'
import { checkPasswordImport } from './password-rows'
import { recordAfterSaving, type RecordAccess } from '../../access-log/access-log-service'

export interface PendingPasswordImport extends PendingFile {
  mapping: ColumnMapping
  matchBy: PasswordMatchKey
  /** The preset whose row rule the preview applied: confirm leaves out exactly the rows it left out. */
  preset: string | null
  fileToken: string
  /** The customers the preview matched, in row order: the confirm sets exactly those, or nothing. */
  matchedIds: string
}

/** What the access log records of a password import: which customer's Vault password was set, never the password. */
export interface PasswordImportAccess {
  action: 'password-import'
  customerId: string
}

export interface PasswordImportDeps {
  store: CustomerStore
  vault: Pick<CredentialVault, 'readCustomerPassword'>
  customers: Pick<CustomerService, 'changePasswords'>
  files: PendingTokens<PendingFile>
  pending: PendingTokens<PendingPasswordImport>
  /** Called once per customer whose password the import replaced, after the store and keychain have it. */
  onAccess?: (event: PasswordImportAccess) => void
  /** The access log: every password the import set is recorded once saved. */
  recordAccess: RecordAccess
}

const idsOf = (rows: readonly { customerId: string | null }[]): string => rows.map((row) => row.customerId ?? '').join('\n')

/** Vault passwords for customers already on the desk, from a CSV: previewed by match, set through the keychain only. */
export function createPasswordImportService({ store, vault, customers, files, pending, onAccess, recordAccess }: PasswordImportDeps) {
  return {
    async preview({ fileToken, mapping, matchBy, preset: named }: { fileToken: string; mapping: ColumnMapping; matchBy: PasswordMatchKey; preset?: string }): Promise<PasswordImportPreview> {
      const file = await readPendingFile(files, fileToken)
      const preset = named ?? null
      const { passwords, ...checked } = checkPasswordImport(file.text, store.data.customers, mapping, matchBy, preset)
      const token = checked.errors.length === 0 && passwords.length > 0 ? pending.put({ filePath: file.filePath, sha256: file.sha256, mapping, matchBy, preset, fileToken, matchedIds: idsOf(checked.matched) }) : null
      return { token, ...checked }
    },

    /** Reads and matches the file again (the desk may have changed), then sets every matched password, or none. */
    async confirm({ token }: { token: string }): Promise<PasswordImportDone> {
      const entry = pending.get(token)
      if (!entry) throw new DeskFailure('not-found', 'This import is no longer pending. Choose the file again to see a new preview.')
      const file = await readPendingFile(files, entry.fileToken).catch((error: unknown) => {
        pending.delete(token)
        throw error
      })
      const checked = checkPasswordImport(file.text, store.data.customers, entry.mapping, entry.matchBy, entry.preset)
      if (checked.errors.length > 0 || idsOf(checked.matched) !== entry.matchedIds) {
        pending.delete(token)
        throw new DeskFailure('conflict', 'The desk changed since the preview, so the rows would not match the customers shown. Preview the file again. Nothing was changed.')
      }
      // A password that already is the customer's needs no new entry in its history.
      const changes: { id: string; password: string }[] = []
      for (const { customerId, password } of checked.passwords) {
        if ((await vault.readCustomerPassword(customerId)) !== password) changes.push({ id: customerId, password })
      }
      if (changes.length > 0) await customers.changePasswords(changes, `Imported from ${basename(file.filePath)}`)
      pending.delete(token)
      const detail = `Vault passwords from ${basename(file.filePath)}`
      await recordAfterSaving(recordAccess, changes.map(({ id }) => ({ action: 'password-import' as const, customerId: id, detail })), 'The Vault passwords were set')
      for (const { id } of changes) onAccess?.({ action: 'password-import', customerId: id })
      return { changed: changes.length, unchanged: checked.passwords.length - changes.length }
    },
  }
}
