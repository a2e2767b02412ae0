import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { DialogClosed, ImportDone, ImportPreview } from '../../common/contract/exports'
import { DeskFailure } from '../../common/desk-error'
import { pluralText } from '../../common/formats'
import type { CustomerService } from '../customer-service'
import type { CustomerStore } from '../customer-store'
import { recordAfterSaving, type RecordAccess } from '../access-log/access-log-service'
import { CSV_FILTERS, type FileDialogs } from './file-dialogs'
import { checkImport, type CheckedImport } from './import-rows'
import type { PendingTokens } from './pending-tokens'

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024

export interface PendingImport {
  filePath: string
  /** What the user previewed; a file changed since then is refused rather than imported unseen. */
  sha256: string
}

export interface ImportDeps {
  store: CustomerStore
  customers: Pick<CustomerService, 'createMany'>
  dialogs: FileDialogs
  pending: PendingTokens<PendingImport>
  /** Every customer imported with a password is recorded once the import is saved. */
  recordAccess: RecordAccess
}

async function readCsv(filePath: string): Promise<{ text: string; sha256: string }> {
  const name = basename(filePath)
  let bytes: Buffer
  try {
    if ((await stat(filePath)).size > MAX_IMPORT_BYTES) {
      throw new DeskFailure('invalid', `"${name}" is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; a customer list is much smaller. Nothing was imported.`)
    }
    bytes = await readFile(filePath)
  } catch (error) {
    if (error instanceof DeskFailure) throw error
    throw new DeskFailure('not-found', `"${name}" could not be read. It may have been moved, or you may not have permission to open it.`)
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new DeskFailure('invalid', `"${name}" is not UTF-8 text. In Excel, save it as "CSV UTF-8 (Comma delimited)"; then import it again.`)
  }
  return { text, sha256: createHash('sha256').update(bytes).digest('hex') }
}

const errorSummary = (checked: CheckedImport): string => `The file has ${pluralText(checked.errors.length, 'problem')}`

/** CSV import: preview every row's problems, then create all rows or none. */
export function createImportService({ store, customers, dialogs, pending, recordAccess }: ImportDeps) {
  return {
    async preview(): Promise<DialogClosed | ImportPreview> {
      const filePath = await dialogs.chooseOpenFile(CSV_FILTERS)
      if (filePath === null) return { kind: 'cancelled' }
      const { text, sha256 } = await readCsv(filePath)
      const checked = checkImport(text, store.data.customers)
      const token = checked.errors.length === 0 && checked.rows.length > 0 ? pending.put({ filePath, sha256 }) : null
      return {
        kind: 'preview',
        token,
        filePath,
        rows: checked.rows.map(({ form: _form, ...row }) => row),
        errors: checked.errors,
        duplicateCompanies: checked.duplicateCompanies,
      }
    },

    /** Reads and checks the file again (the desk may have changed since the preview), then writes everything or nothing. */
    async confirm({ token, confirmDuplicateCompanies }: { token: string; confirmDuplicateCompanies: boolean }): Promise<ImportDone> {
      const entry = pending.get(token)
      if (!entry) throw new DeskFailure('not-found', 'This import is no longer pending. Choose the file again to see a new preview.')
      const { text, sha256 } = await readCsv(entry.filePath)
      if (sha256 !== entry.sha256) {
        pending.delete(token)
        throw new DeskFailure('conflict', 'The file changed after the preview. Choose it again to see what would be imported now. Nothing was imported.')
      }
      const checked = checkImport(text, store.data.customers)
      if (checked.errors.length > 0) {
        pending.delete(token)
        throw new DeskFailure('invalid', `${errorSummary(checked)} now (the desk changed since the preview). Choose the file again to see them. Nothing was imported.`)
      }
      if (checked.duplicateCompanies.length > 0 && !confirmDuplicateCompanies) {
        throw new DeskFailure(
          'needs-confirmation',
          `${pluralText(checked.duplicateCompanies.length, {
            one: '# company name in the file already exists or repeats',
            other: '# company names in the file already exist or repeat',
          })}. Each real customer should have only one account: confirm to import them anyway.`,
        )
      }
      const created = await customers.createMany(checked.rows.map((row) => row.form), { confirmDuplicateCompany: confirmDuplicateCompanies })
      pending.delete(token)
      const detail = `Import of ${basename(entry.filePath)}`
      const withPassword = created.filter((customer, index) => customer.x360 !== null && checked.rows[index]?.withPassword === true)
      await recordAfterSaving(recordAccess, withPassword.map((customer) => ({ action: 'password-import' as const, customerId: customer.id, companyName: customer.companyName, detail })), `The import of ${pluralText(created.length, 'customer')} was saved`)
      return { created: created.length, customerIds: created.map((customer) => customer.id) }
    },
  }
}
