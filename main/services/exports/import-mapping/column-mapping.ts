import type { ImportProblem } from '../../../common/contract/exports'
import type { ColumnMapping, ImportField } from '../../../common/contract/import-mapping'
import { DEFAULTABLE_FIELDS, DESK_HEADERS, FIELD_LABELS, isImportField } from './import-fields'
import { IMPORT_PASSWORD_HEADER } from '../list-columns'

/** Which column fills each field, and the values a mapping gives every row for fields with no column. */
export interface ResolvedColumns {
  columnOf: Map<ImportField, number>
  /** The header as written in the file (or the field's label when a default fills it), for messages. */
  nameOf: Map<ImportField, string>
  defaults: Map<ImportField, string>
  /** True when a mapping leaves columns out: their cells are never read, and may hold secrets (TOTP, fields). */
  leavesColumnsOut: boolean
  problems: ImportProblem[]
}

export const headerKey = (header: string): string => header.trim().toLowerCase()

/** Two files with the same headers, in any order and case, share a saved mapping. */
export const headerSignature = (headers: readonly string[]): string =>
  headers
    .map(headerKey)
    .filter((key) => key !== '')
    .sort()
    .join('\n')

/** The desk's own headers mapped, every other column left out; `unknown` lists the others. */
export function deskMapping(headers: readonly string[]): { mapping: ColumnMapping; unknown: string[] } {
  const unknown = headers.filter((header) => header.trim() !== '' && !DESK_HEADERS.has(headerKey(header)))
  return { mapping: { columns: headers.map((header) => ({ header, field: DESK_HEADERS.get(headerKey(header)) ?? null })), defaults: [] }, unknown }
}

/** A mapping kept by header, laid over a file whose columns may be in another order. */
export function mappingByHeader(headers: readonly string[], fieldOf: (key: string) => ImportField | null, defaults: ColumnMapping['defaults'] = []): ColumnMapping {
  return { columns: headers.map((header) => ({ header, field: header.trim() === '' ? null : fieldOf(headerKey(header)) })), defaults }
}

/**
 * Which column fills each field. Without a mapping the headers must be the desk's own (today's
 * import, unchanged): any other is reported. With one, the mapping must be for exactly these headers,
 * and each field comes from one column at most.
 */
export function resolveColumns(headers: readonly string[], mapping: ColumnMapping | null): ResolvedColumns {
  const resolved: ResolvedColumns = { columnOf: new Map(), nameOf: new Map(), defaults: new Map(), leavesColumnsOut: false, problems: [] }
  if (mapping && (mapping.columns.length !== headers.length || mapping.columns.some((column, index) => column.header.trim() !== (headers[index] ?? '').trim()))) {
    resolved.problems.push({ row: 1, column: '', message: 'The mapping is for other columns than this file has. Map the columns of this file again.' })
    return resolved
  }
  headers.forEach((raw, index) => {
    const name = raw.trim()
    if (name === '') return
    const field = mapping ? (mapping.columns[index]?.field ?? null) : DESK_HEADERS.get(name.toLowerCase())
    if (field !== undefined && field !== null && !isImportField(field)) {
      resolved.problems.push({ row: 1, column: name, message: 'The mapping names a field this desk does not have. Map this column again.' })
    } else if (field === undefined) {
      resolved.problems.push({ row: 1, column: name, message: `Unknown column. The columns are those of the desk's export, plus "${IMPORT_PASSWORD_HEADER}".` })
    } else if (field === null) {
      if (mapping) resolved.leavesColumnsOut = true
    } else if (resolved.columnOf.has(field)) {
      resolved.problems.push({
        row: 1,
        column: name,
        message: mapping ? `"${FIELD_LABELS[field] ?? field}" is already filled from the column "${resolved.nameOf.get(field) ?? ''}". Choose another field, or leave this column out.` : 'This column appears twice.',
      })
    } else {
      resolved.columnOf.set(field, index)
      resolved.nameOf.set(field, name)
    }
  })
  for (const { field, value } of mapping?.defaults ?? []) {
    // A column, where there is one, is each row's own value; the default is for files without it.
    if (!DEFAULTABLE_FIELDS.includes(field)) {
      resolved.problems.push({ row: 1, column: '', message: 'The mapping gives a value for every row to a field that takes none. Map the columns again.' })
      continue
    }
    if (resolved.columnOf.has(field) || value.trim() === '') continue
    resolved.defaults.set(field, value)
    resolved.nameOf.set(field, `${FIELD_LABELS[field] ?? field} (value for every row)`)
  }
  return resolved
}
