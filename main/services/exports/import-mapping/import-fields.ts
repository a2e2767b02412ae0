import { DEFAULTABLE_FIELDS, IMPORT_FIELDS, type ImportField, type ImportFieldChoice } from '../../../common/contract/import-mapping'
import { IMPORT_PASSWORD_HEADER, LIST_COLUMNS } from '../list-columns'

export const PASSWORD_FIELD: ImportField = 'x360.password'

/** Each field's name as the desk's export writes it: the portals' own labels. */
export const FIELD_LABELS: Readonly<Record<ImportField, string>> = Object.fromEntries(
  IMPORT_FIELDS.map((field) => [field, field === PASSWORD_FIELD ? IMPORT_PASSWORD_HEADER : (LIST_COLUMNS.find((column) => column.formField === field)?.header ?? field)]),
) as Record<ImportField, string>

const isImportField = (field: string | null): field is ImportField => (IMPORT_FIELDS as readonly string[]).includes(field ?? '')

/**
 * Header (lower case) → the field it fills, or null for export-only columns an import ignores: the
 * desk's own export and the portals' labels, which import with no mapping step.
 */
export const DESK_HEADERS: ReadonlyMap<string, ImportField | null> = new Map<string, ImportField | null>([
  ...LIST_COLUMNS.map((column): [string, ImportField | null] => [column.header.toLowerCase(), isImportField(column.formField) ? column.formField : null]),
  [IMPORT_PASSWORD_HEADER.toLowerCase(), PASSWORD_FIELD],
  // The Nexetic Portal's own label for the same value in GB, so a sheet copied from the portal imports as is.
  ['extra storage', 'nexetic.extraStorage'],
])

export const FIELD_CHOICES: readonly ImportFieldChoice[] = IMPORT_FIELDS.map((field) => ({
  field,
  label: FIELD_LABELS[field],
  defaultable: (DEFAULTABLE_FIELDS as readonly string[]).includes(field),
}))
