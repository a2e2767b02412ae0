import { stringify } from 'csv-stringify/sync'
import ExcelJS from 'exceljs'
import type { BillingVendor } from '../../common/billing/billing-vendor'
import type { BillingMonth, MonthRow } from '../../common/billing/month'
import type { ListFormat } from '../../common/contract/exports'
import { pluralText } from '../../common/formats'
import { describeHistoryValue, historyFieldLabel } from '../../common/history-labels'
import { formatUtc } from '../../common/history-time'
import { neutraliseFormula } from '../exports/formula-guard'

type Cell = string | number | null

const unitOf = (unit: 'count' | 'gb'): string => (unit === 'gb' ? ' (GB)' : '')

/** The columns in order: customer, its group (when the vendor has one), marks, three figures per measure, the changes. */
export function billingHeaders(vendor: BillingVendor): string[] {
  return [
    'Customer Company Name',
    ...(vendor.group ? [vendor.group.label] : []),
    'Created in month',
    'Deleted in month',
    ...vendor.measures.flatMap((measure) => [`${measure.label} at start${unitOf(measure.unit)}`, `${measure.label} at end${unitOf(measure.unit)}`, `Highest ${measure.label}${unitOf(measure.unit)}`]),
    'Changes (UTC)',
  ]
}

/** One change per line: "2026-11-03 10:05 UTC User Licenses: 20 → 25 (New office)". Storage in plain GB, no locale. */
export function changeLines(row: Pick<MonthRow, 'changes'>): string {
  return row.changes
    .map((entry) => `${formatUtc(entry.at)} ${historyFieldLabel(entry.field)}: ${describeHistoryValue(entry, 'en-US')}${entry.reason ? ` (${entry.reason})` : ''}`)
    .join('\n')
}

/** Every text cell made safe to open in a spreadsheet; numbers stay numbers, no value is an empty cell. */
export function billingRows(month: BillingMonth, vendor: BillingVendor): Cell[][] {
  const text = (value: string): string => neutraliseFormula(value)
  const grouped = vendor.group !== undefined
  const rows: Cell[][] = month.rows.map((row) => [
    text(row.companyName),
    ...(grouped ? [text(row.group)] : []),
    row.createdInMonth ? 'yes' : '',
    row.deletedInMonth ? 'yes' : '',
    ...vendor.measures.flatMap((measure) => {
      const range = row.measures[measure.key]
      return [range?.start ?? null, range?.end ?? null, range?.highest ?? null]
    }),
    text(changeLines(row)),
  ])
  const totals = month.totals
  rows.push([
    `Total (${pluralText(totals.customers, 'customer', 'en-US')})`,
    ...(grouped ? [''] : []),
    String(month.rows.filter((row) => row.createdInMonth).length),
    String(month.rows.filter((row) => row.deletedInMonth).length),
    ...vendor.measures.flatMap((measure) => {
      const sum = totals.measures[measure.key]
      return [sum?.start ?? 0, sum?.end ?? 0, sum?.highest ?? 0]
    }),
    '',
  ])
  return rows
}

/** As the list export: UTF-8 with a byte-order mark, CRLF, every cell quoted (see list-export.ts for why). */
export function billingCsv(month: BillingMonth, vendor: BillingVendor): string {
  const rows = billingRows(month, vendor).map((row) => row.map((cell) => (cell === null ? '' : cell)))
  return stringify([billingHeaders(vendor), ...rows], { bom: true, record_delimiter: 'windows', quoted: true, quoted_empty: true })
}

export async function billingXlsx(month: BillingMonth, vendor: BillingVendor, label: string, createdAt: Date): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'MSP Customer Desk'
  workbook.created = createdAt
  const headers = billingHeaders(vendor)
  const sheet = workbook.addWorksheet(`${vendor.label} ${label}`, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = headers.map((header, index) => ({ header, width: index === 0 ? 32 : index === headers.length - 1 ? 60 : 16 }))
  sheet.getRow(1).font = { bold: true }
  // Plain values only: exceljs writes a formula only for a { formula } object, never for a string.
  sheet.addRows(billingRows(month, vendor).map((row) => row.map((cell) => (cell === '' ? null : cell))))
  sheet.getRow(sheet.rowCount).font = { bold: true }
  sheet.getColumn(headers.length).alignment = { wrapText: true, vertical: 'top' }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } }
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

export async function billingFile(format: ListFormat, month: BillingMonth, vendor: BillingVendor, label: string, createdAt: Date): Promise<string | Uint8Array> {
  return format === 'csv' ? billingCsv(month, vendor) : billingXlsx(month, vendor, label, createdAt)
}
