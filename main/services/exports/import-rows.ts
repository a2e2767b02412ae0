import { CsvError, parse } from 'csv-parse/sync'
import type { ImportProblem, ImportRow } from '../../common/contract/exports'
import { checkCustomerForm, customerFormSchema, type CustomerForm } from '../../common/customer-form'
import type { Customer } from '../../common/customer-model'
import { DeskFailure } from '../../common/desk-error'
import { companyTwins, usernameOwners, usernameTakenMessage } from '../../common/customer-uniqueness'
import { companyKey, usernameKey } from '../../common/portal-rules'
import { accountOf, hasAccount, loginField, loginOf, setAccount } from '../../common/vendors/accounts'
import { passwordVendor, vendors } from '../../common/vendors/registry'
import { restoreNeutralised } from './formula-guard'
import type { ColumnMapping, LeftOutRows } from '../../common/contract/import-mapping'
import { resolveColumns } from './import-mapping/column-mapping'
import { leftOutRows, rowRuleFor } from './import-mapping/row-rule'
import { FIELD_LABELS, PASSWORD_FIELD } from './import-mapping/import-fields'
import { IMPORT_PASSWORD_HEADER } from './list-columns'

export const MAX_IMPORT_ROWS = 5000

export interface CheckedImport {
  /** The rows that passed, each with the form the customer service creates it from. */
  rows: (ImportRow & { form: CustomerForm })[]
  errors: ImportProblem[]
  duplicateCompanies: ImportProblem[]
  /** Rows the preset's rule said are no logins: neither checked nor created. */
  leftOut: LeftOutRows[]
}

const PASSWORD_VENDOR = passwordVendor()
/** The password's confirmation takes the same cell: a file has one password column. */
const CONFIRM_FIELD = PASSWORD_VENDOR?.password ? `${PASSWORD_VENDOR.key}.${PASSWORD_VENDOR.password.confirmField}` : null
const COMPANY_HEADER = 'Customer Company Name'
const CANONICAL_HEADER = new Map<string, string>([...Object.entries(FIELD_LABELS), ...(CONFIRM_FIELD ? [[CONFIRM_FIELD, IMPORT_PASSWORD_HEADER] as [string, string]] : [])])

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
 * Rows the mapping's preset says are no logins (its row rule, bound to this file's header) are left out before any check.
 */
export function checkImport(text: string, existing: readonly Customer[], mapping: ColumnMapping | null = null, preset: string | null = null): CheckedImport {
  const records = recordsWithHeader(text)
  const leftOut = leftOutRows()
  const result: CheckedImport = { rows: [], errors: [], duplicateCompanies: [], leftOut: [] }
  const header = records[0] ?? []
  const rowRule = rowRuleFor(preset, header)
  const { columnOf, nameOf, defaults, leavesColumnsOut, problems: headerProblems } = resolveColumns(header, mapping)
  result.errors.push(...headerProblems)
  if (!headerProblems.some((problem) => problem.column === '') && !columnOf.has('companyName')) {
    result.errors.push({ row: 1, column: COMPANY_HEADER, message: mapping ? `No column is mapped to "${COMPANY_HEADER}".` : `The file has no "${COMPANY_HEADER}" column.` })
  }
  if (result.errors.length > 0) return result

  const columnName = (field: string): string => nameOf.get(field === CONFIRM_FIELD ? PASSWORD_FIELD : field) ?? CANONICAL_HEADER.get(field) ?? field
  // Columns a mapping leaves out may hold secrets too (TOTP, custom fields): their rows are guarded the same way.
  const hasPasswordColumn = columnOf.has(PASSWORD_FIELD) || leavesColumnsOut
  const namedColumns = new Set(header.flatMap((cell, index) => (cell.trim() === '' ? [] : [index])))
  const existingOwner = usernameOwners(existing)
  const existingTwin = companyTwins(existing)
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
    const reason = rowRule?.(record) ?? null
    if (reason !== null) {
      leftOut.add(row, reason)
      return
    }
    if (record.some((cell, i) => cell.trim() !== '' && !namedColumns.has(i))) {
      problems.push({ row, column: '', message: 'This row has a value in a column with no header.' })
    }
    const own = (field: string): string => {
      const index = columnOf.get(field)
      const text = index === undefined ? '' : (record[index] ?? '')
      // A password is taken exactly as written: the desk's export never has one, so no `'` there is ours.
      return field === PASSWORD_FIELD ? text : restoreNeutralised(text)
    }
    // A mapping's value for every row fills an account or subscription the row has by its own cells; it never makes one.
    const filled = new Set([...columnOf.keys()].filter((field) => field.includes('.') && own(field).trim() !== '').map((field) => field.split('.')[0]))
    const cell = (field: string): string => {
      const fallback = defaults.get(field)
      const vendorKey = field.includes('.') ? field.split('.')[0] : null
      return fallback === undefined || (vendorKey !== null && !filled.has(vendorKey)) ? own(field) : fallback
    }

    const form = formOf(cell)
    // Cells a vendor cannot put into its form as written (a Storage Type that is not one of the list) are said here, in their own words.
    const unmapped = new Set<string>()
    for (const vendor of vendors()) {
      if (!hasAccount(form, vendor) || !vendor.importProblems) continue
      for (const [field, message] of Object.entries(vendor.importProblems(vendorCells(cell, vendor.key)))) {
        unmapped.add(`${vendor.key}.${field}`)
        problems.push({ row, column: columnName(`${vendor.key}.${field}`), message })
      }
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
        if (unmapped.has(field)) continue
        problems.push({ row, column: columnName(field), message })
      }
    }

    if (checked?.ok) {
      const { draft } = checked
      const username = loginOf(draft)
      if (username !== null) {
        const key = usernameKey(username)
        const owner = existingOwner(username)
        const earlier = usernamesInFile.get(key)
        if (owner !== undefined) {
          problems.push({ row, column: columnName(loginField()), message: usernameTakenMessage(username, owner.companyName) })
        } else if (earlier !== undefined) {
          problems.push({ row, column: columnName(loginField()), message: `The Customer Username "${username}" is also on row ${earlier}.` })
        } else {
          usernamesInFile.set(key, row)
        }
      }
      const company = companyKey(draft.companyName)
      const twin = existingTwin(draft.companyName)
      const earlierCompany = companiesInFile.get(company)
      if (twin !== undefined) {
        result.duplicateCompanies.push({ row, column: columnName('companyName'), message: `"${twin.companyName}" already exists on this desk.` })
      } else if (earlierCompany !== undefined) {
        result.duplicateCompanies.push({ row, column: columnName('companyName'), message: `"${draft.companyName}" is also on row ${earlierCompany}.` })
      } else {
        companiesInFile.set(company, row)
      }
      if (problems.length === 0) {
        result.rows.push({
          row,
          companyName: draft.companyName,
          username,
          withPassword: checked.password !== null,
          services: vendors().flatMap((vendor) => (accountOf(draft, vendor) !== null ? [vendor.key] : [])),
          form,
        })
      }
    }
    result.errors.push(...problems)
  })

  result.leftOut = leftOut.list()
  if (result.rows.length === 0 && result.errors.length === 0 && result.leftOut.length === 0) {
    throw new DeskFailure('invalid', 'The file has a header but no customer rows. Nothing was imported.')
  }
  return result
}

const shiftedRowMessage = (cells: number, columns: number): string =>
  `This row has ${cells} cells but the header has ${columns} columns, so its values may be in the wrong columns (a comma inside a cell that is not in quotes does this). ` +
  'Because the file has a password column, none of its cells is shown. Put quotes around cells that contain commas, or fix the row in a spreadsheet.'

/** One vendor's cells, by its own field names. */
const vendorCells =
  (cell: (field: string) => string, key: string) =>
  (field: string): string =>
    cell(`${key}.${field}`)

/** A row as the customer form: an account or a subscription exists when any of its cells is filled. */
function formOf(cell: (field: string) => string): CustomerForm {
  const form = { companyName: cell('companyName'), notes: cell('notes') } as CustomerForm
  for (const vendor of vendors()) setAccount(form, vendor, vendor.importForm(vendorCells(cell, vendor.key)))
  return form
}
