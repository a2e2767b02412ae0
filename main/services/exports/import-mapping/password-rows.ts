import type { ColumnMapping, PasswordImportPreview, PasswordImportRow, PasswordMatchKey } from '../../../common/contract/import-mapping'
import type { Customer } from '../../../common/customer-model'
import { companyHolders, usernameOwners } from '../../../common/customer-uniqueness'
import { PASSWORD_POLICY_TEXT, passwordProblem } from '../../../common/password-policy'
import { holdsPassword, loginField } from '../../../common/vendors/accounts'
import { passwordWords } from '../../../common/vendors/password-words'
import { restoreNeutralised } from '../formula-guard'
import { recordsWithHeader } from '../import-rows'
import { resolveColumns } from './column-mapping'
import { FIELD_LABELS, PASSWORD_FIELD } from './import-fields'
import { leftOutRows, rowRuleFor } from './row-rule'

export type CheckedPasswords = Omit<PasswordImportPreview, 'token'> & {
  /** The matched rows' passwords, for the confirm only: never in what the page receives. */
  passwords: { customerId: string; password: string }[]
}

const KEY_FIELD = { username: loginField(), company: 'companyName' } as const

// Says nothing of the password itself: not what it lacks, not its length.
const POLICY_MESSAGE = `This password does not meet the Vault password policy (${PASSWORD_POLICY_TEXT}) It is not shown here: check it in the file.`
const SHIFTED_MESSAGE =
  'This row has more or fewer cells than the header has columns, so its values may be in the wrong columns; none of its cells is shown. Put quotes around cells that contain commas.'

/**
 * Matches each row of a file to a customer on the desk, by the password vendor's login or by company
 * name, through the desk's one uniqueness rules. A row is matched (one customer with that vendor's account,
 * named by no other row), unmatched, or ambiguous (several customers, or several rows for one
 * customer); only matched rows are set. A matched row's password problem blocks the import as a whole.
 * Rows the mapping's preset says are no logins (its row rule, bound to this file's header) are left out before they are matched.
 */
export function checkPasswordImport(text: string, existing: readonly Customer[], mapping: ColumnMapping, matchBy: PasswordMatchKey, preset: string | null = null): CheckedPasswords {
  const records = recordsWithHeader(text)
  const header = records[0] ?? []
  const rowRule = rowRuleFor(preset, header)
  const leftOut = leftOutRows()
  const result: CheckedPasswords = { matchBy, matched: [], unmatched: [], ambiguous: [], errors: [], leftOut: [], passwords: [] }
  const { columnOf, problems } = resolveColumns(header, mapping)
  result.errors.push(...problems)
  const keyField = KEY_FIELD[matchBy]
  for (const field of [keyField, PASSWORD_FIELD] as const) {
    if (problems.length === 0 && !columnOf.has(field)) result.errors.push({ row: 1, column: FIELD_LABELS[field] ?? field, message: `No column is mapped to "${FIELD_LABELS[field] ?? field}".` })
  }
  if (result.errors.length > 0) return result
  const keyColumn = columnOf.get(keyField) ?? 0
  const passwordColumn = columnOf.get(PASSWORD_FIELD) ?? 0
  const keyName = header[keyColumn]?.trim() ?? ''
  const passwordName = header[passwordColumn]?.trim() ?? ''

  const ownerOf = usernameOwners(existing)
  const holdersOf = companyHolders(existing)
  const candidates = (key: string): readonly Customer[] => (matchBy === 'username' ? [ownerOf(key)].flatMap((owner) => owner ?? []) : holdersOf(key))
  const rowsOfCustomer = new Map<string, PasswordImportRow[]>()
  const passwordOfRow = new Map<number, string>()

  records.slice(1).forEach((record, index) => {
    const row = index + 2
    if (record.every((cell) => cell.trim() === '')) return
    if (record.length !== header.length) {
      result.errors.push({ row, column: '', message: SHIFTED_MESSAGE })
      return
    }
    const reason = rowRule?.(record) ?? null
    if (reason !== null) {
      leftOut.add(row, reason)
      return
    }
    const key = restoreNeutralised(record[keyColumn] ?? '').trim()
    const password = record[passwordColumn] ?? ''
    const entry: PasswordImportRow = { row, key, customerId: null, companyName: null, reason: null }
    if (key === '') {
      result.unmatched.push({ ...entry, reason: `The "${keyName}" cell is empty.` })
      return
    }
    const found = candidates(key)
    const withAccount = found.filter(holdsPassword)
    if (withAccount.length === 0) {
      const reason = found.length > 0 ? `${found[0]?.companyName ?? key} has no ${passwordWords().account}.` : 'No customer on the desk has this name.'
      result.unmatched.push({ ...entry, reason: matchBy === 'username' ? 'No customer on the desk has this Customer Username.' : reason })
      return
    }
    if (withAccount.length > 1) {
      result.ambiguous.push({ ...entry, reason: `${withAccount.length} customers on the desk have this company name: match by Customer Username instead.` })
      return
    }
    const customer = withAccount[0] as Customer
    if (password === '') {
      result.unmatched.push({ ...entry, customerId: customer.id, companyName: customer.companyName, reason: `The "${passwordName}" cell is empty.` })
      return
    }
    const matched = { ...entry, customerId: customer.id, companyName: customer.companyName }
    rowsOfCustomer.set(customer.id, [...(rowsOfCustomer.get(customer.id) ?? []), matched])
    passwordOfRow.set(row, password)
  })

  for (const [customerId, rows] of rowsOfCustomer) {
    if (rows.length > 1) {
      const others = rows.map((entry) => entry.row)
      for (const entry of rows) result.ambiguous.push({ ...entry, reason: `Rows ${others.join(', ')} all match this customer: keep one of them in the file.` })
      continue
    }
    const [only] = rows
    const password = only ? passwordOfRow.get(only.row) : undefined
    if (!only || password === undefined) continue
    if (passwordProblem(password) !== null) result.errors.push({ row: only.row, column: passwordName, message: POLICY_MESSAGE })
    result.matched.push(only)
    result.passwords.push({ customerId, password })
  }
  result.ambiguous.sort((a, b) => a.row - b.row)
  result.matched.sort((a, b) => a.row - b.row)
  result.leftOut = leftOut.list()
  return result
}
