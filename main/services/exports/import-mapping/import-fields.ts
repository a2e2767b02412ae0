import type { ImportField, ImportFieldChoice } from '../../../common/contract/import-mapping'
import { passwordField } from '../../../common/vendors/accounts'
import { defaultableFieldNames, importFieldNames } from '../../../common/vendors/import-fields'
import { vendors } from '../../../common/vendors/registry'
import { IMPORT_PASSWORD_HEADER, LIST_COLUMNS } from '../list-columns'

export const PASSWORD_FIELD: ImportField = passwordField()

/** The fields a column can fill, in the form's order (see main/common/vendors/import-fields.ts). */
export const IMPORT_FIELDS: readonly ImportField[] = importFieldNames()

/** Fields a mapping may give one value for every row. */
export const DEFAULTABLE_FIELDS: readonly ImportField[] = defaultableFieldNames()

/** Each field's name as the desk's export writes it: the portals' own labels. */
export const FIELD_LABELS: Readonly<Record<ImportField, string>> = Object.fromEntries(
  IMPORT_FIELDS.map((field) => [field, field === PASSWORD_FIELD ? IMPORT_PASSWORD_HEADER : (LIST_COLUMNS.find((column) => column.formField === field)?.header ?? field)]),
)

export const isImportField = (field: string | null): field is ImportField => IMPORT_FIELDS.includes(field ?? '')

/**
 * Header (lower case) → the field it fills, or null for export-only columns an import ignores: the
 * desk's own export and the portals' labels, which import with no mapping step.
 */
export const DESK_HEADERS: ReadonlyMap<string, ImportField | null> = new Map<string, ImportField | null>([
  ...LIST_COLUMNS.map((column): [string, ImportField | null] => [column.header.toLowerCase(), isImportField(column.formField) ? column.formField : null]),
  [IMPORT_PASSWORD_HEADER.toLowerCase(), PASSWORD_FIELD],
  // A portal's own label for a field (the vendor's importAliases), so a sheet copied from the portal imports as is.
  ...vendors().flatMap((vendor) => (vendor.importAliases ?? []).map(([header, field]): [string, ImportField] => [header, `${vendor.key}.${field}`])),
])

export const FIELD_CHOICES: readonly ImportFieldChoice[] = IMPORT_FIELDS.map((field) => ({
  field,
  label: FIELD_LABELS[field] ?? field,
  defaultable: DEFAULTABLE_FIELDS.includes(field),
}))
