import { z } from 'zod'
import { channel } from './define'
import type { ImportPreview } from './exports'
import { defaultableFieldNames, importFieldNames } from '../vendors/import-fields'

/**
 * A desk field a CSV column can fill, by its form path (`companyName`, `<vendor key>.<form field>`, `notes`).
 * Which ones exist comes from the vendor registry (main/services/exports/import-mapping/import-fields.ts);
 * main checks every field of a mapping against that list.
 */
export type ImportField = string
/**
 * A field a mapping may fill with one value for every row when the file has no such column (an
 * account may need fields that no password manager exports). Never the
 * company, username or password: those are each row's own. Each vendor lists its own (importDefaultable).
 */
export type DefaultableField = string

export const MAPPING_NAME_MAX_LENGTH = 60
const MAX_COLUMNS = 200
const header = z.string().max(200)
const token = z.string().min(1).max(100)
/** The preset whose row rule applies (ImportColumns.preset); main checks that it fits the file. */
const preset = z.string().min(1).max(MAPPING_NAME_MAX_LENGTH).optional()

// Checked against the registry when a payload is parsed, so a field a vendor adds is accepted and any other refused.
const importField = z.string().max(100).refine((field) => importFieldNames().includes(field), 'Not a field of the desk.')
const defaultableField = z.string().max(100).refine((field) => defaultableFieldNames().includes(field), 'This field takes no value for every row.')

export const columnMappingSchema = z.strictObject({
  /** One entry per header of the file, in its order; null: the column is not imported. */
  columns: z.array(z.strictObject({ header, field: importField.nullable() })).max(MAX_COLUMNS),
  defaults: z.array(z.strictObject({ field: defaultableField, value: z.string().max(2000) })).max(MAX_COLUMNS),
})
export type ColumnMapping = z.infer<typeof columnMappingSchema>

export const mappingName = z.string().trim().min(1, 'Give the mapping a name.').max(MAPPING_NAME_MAX_LENGTH, `At most ${MAPPING_NAME_MAX_LENGTH} characters.`)

/** Where the mapping a preview used came from. */
export type MappingSource =
  | { kind: 'desk' }
  | { kind: 'preset'; name: string }
  | { kind: 'saved'; name: string }
  | { kind: 'chosen' }
  /** Some headers are neither the desk's nor a known tool's: the user maps them first. */
  | { kind: 'none' }

/** Rows a known tool's export has that are no logins (a secure note, a deleted entry): neither checked nor imported. */
export interface LeftOutRows {
  /** Fixed text of the preset, never a cell: "Bitwarden secure notes and cards are not logins". */
  reason: string
  /** As a spreadsheet numbers them: the header is row 1. */
  rows: number[]
}

export interface ImportFieldChoice {
  field: ImportField
  label: string
  defaultable: boolean
}

/** What a preview tells the page about the file's columns; never a cell's value. */
export interface ImportColumns {
  /** Names the file main read, for a new mapping or the password mode; the page never holds its path's content. */
  fileToken: string
  headers: string[]
  mapping: ColumnMapping
  source: MappingSource
  /**
   * The known tool whose row rule this preview applied (its rows that are no logins left out), or
   * null. The page sends it back with the mapping, edited or not, so the rule stays with it.
   */
  preset: string | null
  fields: ImportFieldChoice[]
}

export const PASSWORD_MATCH_KEYS = ['username', 'company'] as const
export type PasswordMatchKey = (typeof PASSWORD_MATCH_KEYS)[number]

/** A row of a password import, as the preview shows it: who it matched, never anything of the password. */
export interface PasswordImportRow {
  row: number
  /** The username or company name as written in the file. */
  key: string
  customerId: string | null
  companyName: string | null
  /** Why an unmatched or ambiguous row is skipped. */
  reason: string | null
}

export interface PasswordImportPreview {
  /** Null when nothing can be set (a problem, or no matched row). */
  token: string | null
  matchBy: PasswordMatchKey
  matched: PasswordImportRow[]
  unmatched: PasswordImportRow[]
  ambiguous: PasswordImportRow[]
  /** Problems that block the whole import; a password's problem never says what it is. */
  errors: { row: number; column: string; message: string }[]
  /** Rows the preset's rule left out: not matched, not set. */
  leftOut: LeftOutRows[]
}

export interface PasswordImportDone {
  /** Customers whose Vault password was replaced. */
  changed: number
  /** Rows whose password already was the customer's: nothing was written for them. */
  unchanged: number
}

export const importMappingChannels = {
  /** Checks the previewed file again with the page's mapping; writes nothing. */
  importRemap: channel(z.strictObject({ fileToken: token, mapping: columnMappingSchema, preset }))<ImportPreview>(),
  /** Saves the mapping under a name, for files with the same headers; replaces a mapping of that name. */
  importSaveMapping: channel(z.strictObject({ fileToken: token, name: mappingName, mapping: columnMappingSchema, preset }))<{ saved: string }>(),
  /** Matches each row of the previewed file to a customer on the desk; writes nothing. */
  passwordImportPreview: channel(z.strictObject({ fileToken: token, mapping: columnMappingSchema, matchBy: z.enum(PASSWORD_MATCH_KEYS), preset }))<PasswordImportPreview>(),
  /** Reads the file again and sets every matched row's Vault password, through the keychain only, or none. */
  passwordImportConfirm: channel(z.strictObject({ token }))<PasswordImportDone>(),
}
