import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { DialogClosed, ImportDone, ImportPreview } from '../../common/contract/exports'
import type { ColumnMapping, MappingSource } from '../../common/contract/import-mapping'
import { DeskFailure } from '../../common/desk-error'
import { pluralText } from '../../common/formats'
import type { CustomerService } from '../customer-service'
import type { CustomerStore } from '../customer-store'
import { recordAfterSaving, type RecordAccess } from '../access-log/access-log-service'
import { CSV_FILTERS, type FileDialogs } from './file-dialogs'
import { FIELD_CHOICES } from './import-mapping/import-fields'
import { proposeMapping } from './import-mapping/propose'
import { rowRuleFor } from './import-mapping/row-rule'
import type { SavedMappings } from './import-mapping/saved-mappings'
import { checkImport, recordsWithHeader, type CheckedImport } from './import-rows'
import type { PendingTokens } from './pending-tokens'

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024

/** A file the user chose: what a new mapping, a saved mapping or the password mode reads again. */
export interface PendingFile {
  filePath: string
  /** What the user previewed; a file changed since then is refused rather than imported unseen. */
  sha256: string
}

export interface PendingImport extends PendingFile {
  /** Null: the desk's own headers, checked as the import always did. */
  mapping: ColumnMapping | null
  /** The preset whose row rule the preview applied: confirm leaves out exactly the rows it left out. */
  preset: string | null
}

export interface ImportDeps {
  store: CustomerStore
  customers: Pick<CustomerService, 'createMany'>
  dialogs: FileDialogs
  pending: PendingTokens<PendingImport>
  files: PendingTokens<PendingFile>
  savedMappings: SavedMappings
  /** Every customer imported with a password is recorded once the import is saved. */
  recordAccess: RecordAccess
}

export async function readCsv(filePath: string): Promise<{ text: string; sha256: string }> {
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

/** The file a token names, as it was previewed; a changed file is refused. */
export async function readPendingFile(files: PendingTokens<PendingFile>, fileToken: string): Promise<PendingFile & { text: string }> {
  const entry = files.get(fileToken)
  if (!entry) throw new DeskFailure('not-found', 'This file is no longer open for import. Choose it again.')
  const { text, sha256 } = await readCsv(entry.filePath)
  if (sha256 !== entry.sha256) {
    files.delete(fileToken)
    throw new DeskFailure('conflict', 'The file changed after the preview. Choose it again to see what would be imported now. Nothing was imported.')
  }
  return { ...entry, text }
}

const headersOf = (text: string): string[] => recordsWithHeader(text)[0] ?? []

const errorSummary = (checked: CheckedImport): string => `The file has ${pluralText(checked.errors.length, 'problem')}`

/** CSV import: preview every row's problems, then create all rows or none. */
export function createImportService({ store, customers, dialogs, pending, files, savedMappings, recordAccess }: ImportDeps) {
  function previewOf(file: PendingFile & { text: string }, fileToken: string, mapping: ColumnMapping, source: MappingSource, deskHeaders: boolean, preset: string | null): ImportPreview {
    const checkedWith = deskHeaders ? null : mapping
    const headers = headersOf(file.text)
    const checked = checkImport(file.text, store.data.customers, checkedWith, preset)
    const token = checked.errors.length === 0 && checked.rows.length > 0 ? pending.put({ filePath: file.filePath, sha256: file.sha256, mapping: checkedWith, preset }) : null
    return {
      kind: 'preview',
      token,
      filePath: file.filePath,
      rows: checked.rows.map(({ form: _form, ...row }) => row),
      errors: checked.errors,
      duplicateCompanies: checked.duplicateCompanies,
      leftOut: checked.leftOut,
      columns: { fileToken, headers, mapping, source, preset, fields: [...FIELD_CHOICES] },
    }
  }

  return {
    async preview(): Promise<DialogClosed | ImportPreview> {
      const filePath = await dialogs.chooseOpenFile(CSV_FILTERS)
      if (filePath === null) return { kind: 'cancelled' }
      const { text, sha256 } = await readCsv(filePath)
      const headers = headersOf(text)
      // The desk's own headers never need the saved mappings, so a bad mappings file cannot stop today's import.
      const proposal = proposeMapping(headers, null)
      const { mapping, source, deskHeaders, preset } = proposal.source.kind === 'desk' ? proposal : proposeMapping(headers, await savedMappings.forHeaders(headers).catch(() => null))
      const file = { filePath, sha256, text }
      return previewOf(file, files.put({ filePath, sha256 }), mapping, source, deskHeaders, preset)
    },

    /** The same file checked with the user's mapping, and the row rule of the preset it started from. */
    async remap({ fileToken, mapping, preset }: { fileToken: string; mapping: ColumnMapping; preset?: string }): Promise<ImportPreview> {
      return previewOf(await readPendingFile(files, fileToken), fileToken, mapping, { kind: 'chosen' }, false, preset ?? null)
    },

    /** Stored with the file's headers only: a mapping holds no cell of the file. Its preset is kept, so its row rule comes back with it. */
    async saveMapping({ fileToken, name, mapping, preset }: { fileToken: string; name: string; mapping: ColumnMapping; preset?: string }): Promise<{ saved: string }> {
      const headers = headersOf((await readPendingFile(files, fileToken)).text)
      if (mapping.columns.length !== headers.length || mapping.columns.some((column, index) => column.header.trim() !== (headers[index] ?? '').trim())) {
        throw new DeskFailure('invalid', 'The mapping is for other columns than this file has. Map the columns of this file again.')
      }
      rowRuleFor(preset, headers) // refuses a preset that does not fit these headers, as a preview does
      return { saved: (await savedMappings.save(name, headers, mapping, preset ?? null)).name }
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
      const checked = checkImport(text, store.data.customers, entry.mapping, entry.preset)
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
      const withPassword = created.filter((customer, index) => checked.rows[index]?.withPassword === true)
      await recordAfterSaving(recordAccess, withPassword.map((customer) => ({ action: 'password-import' as const, customerId: customer.id, companyName: customer.companyName, detail })), `The import of ${pluralText(created.length, 'customer')} was saved`)
      return { created: created.length, customerIds: created.map((customer) => customer.id) }
    },
  }
}
