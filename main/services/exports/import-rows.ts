import { CsvError, parse } from 'csv-parse/sync'
import type { ImportProblem, ImportRow } from '../../common/contract/exports'
import { checkCustomerForm, customerFormSchema, emptyNexeticForm, emptyX360Form, type CustomerForm } from '../../common/customer-form'
import { STORAGE_TYPES, type Customer } from '../../common/customer-model'
import { DeskFailure } from '../../common/desk-error'
import { usernameOwners, usernameTakenMessage } from '../../common/customer-uniqueness'
import { companyKey, usernameKey } from '../../common/portal-rules'
import { restoreNeutralised } from './formula-guard'
import type { ColumnMapping } from '../../common/contract/import-mapping'
import { resolveColumns } from './import-mapping/column-mapping'
import { FIELD_LABELS, PASSWORD_FIELD } from './import-mapping/import-fields'
import { IMPORT_PASSWORD_HEADER } from './list-columns'

export const MAX_IMPORT_ROWS = 5000

export interface CheckedImport {
  /** The rows that passed, each with the form the customer service creates it from. */
  rows: (ImportRow & { form: CustomerForm })[]
  errors: ImportProblem[]
  duplicateCompanies: ImportProblem[]
}

const X360_FIELDS = ['x360.username', 'x360.email', 'x360.locations', PASSWORD_FIELD]
const NEXETIC_FIELDS = ['nexetic.organizationName', 'nexetic.domain', 'nexetic.userLicenses', 'nexetic.extraStorage', 'nexetic.notifyUsers', 'nexetic.storageType']
const COMPANY_HEADER = 'Customer Company Name'
const CANONICAL_HEADER = new Map<string, string>([...Object.entries(FIELD_LABELS), ['x360.confirmPassword', IMPORT_PASSWORD_HEADER]])

/** Excel in many European locales saves CSV with semicolons; the desk itself writes commas. */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/))
  return firstLine.includes(';') && !firstLine.includes(',') ? ';' : ','
}

export function readRecords(text: string): string[][] {
  try {
    return parse(text, { bom: true, delimiter: delimiterOf(text), relax_column_count: true, skip_empty_lines: false }) as string[][]
  } catch (error) {
    // csv-parse's own message quotes the cell it stopped at, which may be a password: keep only where.
    const line = error instanceof CsvError && typeof error.lines === 'number' ? ` near line ${error.lines}` : ''
    throw new DeskFailure('invalid', `The file could not be read as CSV${line}: check that every quoted cell is closed. Nothing was imported.`)
  }
}

/** The file's records, refused when it has no header or too many rows; the header is the first. */
export function recordsWithHeader(text: string): string[][] {
  const records = readRecords(text)
  const header = records[0]
  if (!header || header.every((cell) => cell.trim() === '')) {
    throw new DeskFailure('invalid', `The file is empty. It needs a header row with at least the "${COMPANY_HEADER}" column, then one row per customer.`)
  }
  if (records.length - 1 > MAX_IMPORT_ROWS) {
    throw new DeskFailure('invalid', `The file has more than ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows: split it into smaller files. Nothing was imported.`)
  }
  return records
}

/**
 * Checks every row of an import with the form's rules (checkCustomerForm) and the form's uniqueness
 * rules: a username unique among the existing customers and within the file, and company names that
 * repeat reported for confirmation. Rows are numbered as a spreadsheet shows them: the header is row 1.
 */
export function checkImport(text: string, existing: readonly Customer[], mapping: ColumnMapping | null = null): CheckedImport {
  const records = recordsWithHeader(text)
  const result: CheckedImport = { rows: [], errors: [], duplicateCompanies: [] }
  const header = records[0] ?? []
  const { columnOf, nameOf, defaults, leavesColumnsOut, problems: headerProblems } = resolveColumns(header, mapping)
  result.errors.push(...headerProblems)
  if (!headerProblems.some((problem) => problem.column === '') && !columnOf.has('companyName')) {
    result.errors.push({ row: 1, column: COMPANY_HEADER, message: mapping ? `No column is mapped to "${COMPANY_HEADER}".` : `The file has no "${COMPANY_HEADER}" column.` })
  }
  if (result.errors.length > 0) return result

  const columnName = (field: string): string =>
    nameOf.get((field === 'x360.confirmPassword' ? PASSWORD_FIELD : field) as never) ?? CANONICAL_HEADER.get(field) ?? field
  // Columns a mapping leaves out may hold secrets too (TOTP, custom fields): their rows are guarded the same way.
  const hasPasswordColumn = columnOf.has(PASSWORD_FIELD) || leavesColumnsOut
  const namedColumns = new Set(header.flatMap((cell, index) => (cell.trim() === '' ? [] : [index])))
  const existingOwner = usernameOwners(existing)
  const existingCompanies = new Map(existing.map((c) => [companyKey(c.companyName), c.companyName] as const))
  const usernamesInFile = new Map<string, number>()
  const companiesInFile = new Map<string, number>()

  records.slice(1).forEach((record, index) => {
    const row = index + 2
    if (record.every((cell) => cell.trim() === '')) return
    const problems: ImportProblem[] = []
    // With a password column, a row whose cells do not line up with the header (an unquoted comma in a
    // company name) may carry the password in any other column, whose messages quote their cell: such
    // a row is refused as a whole, quoting nothing, and is checked no further.
    if (hasPasswordColumn && record.length !== header.length) {
      result.errors.push({ row, column: '', message: shiftedRowMessage(record.length, header.length) })
      return
    }
    if (record.some((cell, i) => cell.trim() !== '' && !namedColumns.has(i))) {
      problems.push({ row, column: '', message: 'This row has a value in a column with no header.' })
    }
    const own = (field: string): string => {
      const index = columnOf.get(field as never)
      const text = index === undefined ? '' : (record[index] ?? '')
      // A password is taken exactly as written: the desk's export never has one, so no `'` there is ours.
      return field === PASSWORD_FIELD ? text : restoreNeutralised(text)
    }
    // A mapping's value for every row fills an account or subscription the row has by its own cells; it never makes one.
    const has = { x360: X360_FIELDS.some((field) => own(field).trim() !== ''), nexetic: NEXETIC_FIELDS.some((field) => own(field).trim() !== '') }
    const cell = (field: string): string => {
      const fallback = defaults.get(field as never)
      if (fallback === undefined || !(field.startsWith('x360.') ? has.x360 : field.startsWith('nexetic.') ? has.nexetic : true)) return own(field)
      return fallback
    }

    const form = formOf(cell, has)
    const storageType = cell('nexetic.storageType').trim()
    if (form.nexetic && storageType !== '' && form.nexetic.storageType === '') {
      problems.push({ row, column: columnName('nexetic.storageType'), message: `Use one of: ${STORAGE_TYPES.join(', ')}.` })
    }
    const bounded = customerFormSchema.safeParse(form)
    if (!bounded.success) {
      for (const issue of bounded.error.issues) {
        const max = issue.code === 'too_big' ? ` (at most ${String(issue.maximum)} characters)` : ''
        problems.push({ row, column: columnName(issue.path.join('.')), message: `This cell is too long${max}.` })
      }
    }
    const checked = bounded.success ? checkCustomerForm(form, { requirePassword: false }) : null
    if (checked && !checked.ok) {
      for (const [field, message] of Object.entries(checked.fields)) {
        if (field === 'nexetic.storageType' && storageType !== '') continue
        problems.push({ row, column: columnName(field), message })
      }
    }

    if (checked?.ok) {
      const { draft } = checked
      if (draft.x360) {
        const key = usernameKey(draft.x360.username)
        const owner = existingOwner(draft.x360.username)
        const earlier = usernamesInFile.get(key)
        if (owner !== undefined) {
          problems.push({ row, column: columnName('x360.username'), message: usernameTakenMessage(draft.x360.username, owner.companyName) })
        } else if (earlier !== undefined) {
          problems.push({ row, column: columnName('x360.username'), message: `The Customer Username "${draft.x360.username}" is also on row ${earlier}.` })
        } else {
          usernamesInFile.set(key, row)
        }
      }
      const company = companyKey(draft.companyName)
      const twin = existingCompanies.get(company)
      const earlierCompany = companiesInFile.get(company)
      if (twin !== undefined) {
        result.duplicateCompanies.push({ row, column: columnName('companyName'), message: `"${twin}" already exists on this desk.` })
      } else if (earlierCompany !== undefined) {
        result.duplicateCompanies.push({ row, column: columnName('companyName'), message: `"${draft.companyName}" is also on row ${earlierCompany}.` })
      } else {
        companiesInFile.set(company, row)
      }
      if (problems.length === 0) {
        result.rows.push({
          row,
          companyName: draft.companyName,
          username: draft.x360?.username ?? null,
          withPassword: checked.password !== null,
          withNexetic: draft.nexetic !== null,
          form,
        })
      }
    }
    result.errors.push(...problems)
  })

  if (result.rows.length === 0 && result.errors.length === 0) {
    throw new DeskFailure('invalid', 'The file has a header but no customer rows. Nothing was imported.')
  }
  return result
}

const shiftedRowMessage = (cells: number, columns: number): string =>
  `This row has ${cells} cells but the header has ${columns} columns, so its values may be in the wrong columns (a comma inside a cell that is not in quotes does this). ` +
  'Because the file has a password column, none of its cells is shown. Put quotes around cells that contain commas, or fix the row in a spreadsheet.'

/** A row as the customer form: an account or a subscription exists when any of its cells is filled. */
function formOf(cell: (field: string) => string, { x360: hasX360, nexetic: hasNexetic }: { x360: boolean; nexetic: boolean }): CustomerForm {
  const password = cell(PASSWORD_FIELD)
  const storageType = STORAGE_TYPES.find((type) => type.toLowerCase() === cell('nexetic.storageType').trim().toLowerCase()) ?? ''
  return {
    companyName: cell('companyName'),
    notes: cell('notes'),
    x360: hasX360
      ? { ...emptyX360Form(), username: cell('x360.username'), email: cell('x360.email'), locations: cell('x360.locations'), password, confirmPassword: password }
      : null,
    nexetic: hasNexetic
      ? {
          ...emptyNexeticForm(),
          organizationName: cell('nexetic.organizationName'),
          domain: cell('nexetic.domain'),
          userLicenses: cell('nexetic.userLicenses'),
          // A hand-made file may leave Extra Storage empty: that means none, as in the form.
          extraStorage: cell('nexetic.extraStorage').trim() || '0',
          notifyUsers: cell('nexetic.notifyUsers'),
          storageType,
        }
      : null,
  }
}
