import { stringify } from 'csv-stringify/sync'
import ExcelJS from 'exceljs'
import type { ListFormat } from '../../common/contract/exports'
import type { Customer } from '../../common/customer-model'
import { neutraliseFormula } from './formula-guard'
import { LIST_COLUMNS } from './list-columns'

type Cell = string | number

/** One row per customer, every text cell made safe to open in a spreadsheet; numbers stay numbers. */
export function listRows(customers: readonly Customer[]): Cell[][] {
  return customers.map((customer) =>
    LIST_COLUMNS.map((column) => {
      const value = column.read(customer)
      return typeof value === 'number' ? value : neutraliseFormula(value)
    }),
  )
}

const headers = (): string[] => LIST_COLUMNS.map((column) => column.header)

/**
 * UTF-8 with a byte-order mark, so Excel reads accented company names correctly; CRLF as RFC 4180 says.
 * Every cell is quoted, empty ones too: Excel in German, French or Dutch locales splits on `;` (and
 * some readers on tabs), and a `;` inside an unquoted cell would start a new cell there, one that the
 * formula guard never saw (`Acme;=cmd|' /C calc'!A0`). Inside quotes no separator splits a cell.
 */
export function listCsv(customers: readonly Customer[]): string {
  return stringify([headers(), ...listRows(customers)], { bom: true, record_delimiter: 'windows', quoted: true, quoted_empty: true })
}

export async function listXlsx(customers: readonly Customer[], createdAt: Date): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'MSP Customer Desk'
  workbook.created = createdAt
  const sheet = workbook.addWorksheet('Customers', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = LIST_COLUMNS.map((column) => ({ header: column.header, width: column.width }))
  sheet.getRow(1).font = { bold: true }
  // Plain values only: exceljs writes a formula only for a { formula } object, never for a string.
  sheet.addRows(listRows(customers).map((row) => row.map((cell) => (cell === '' ? null : cell))))
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: LIST_COLUMNS.length } }
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

export async function listFile(format: ListFormat, customers: readonly Customer[], createdAt: Date): Promise<string | Uint8Array> {
  return format === 'csv' ? listCsv(customers) : listXlsx(customers, createdAt)
}
