import { rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { stringify } from 'csv-stringify/sync'
import ExcelJS from 'exceljs'
import type { ListSaved } from '../../main/common/contract/exports'
import { LIST_COLUMNS } from '../../main/services/exports/list-columns'
import { listRows } from '../../main/services/exports/list-export'
import { call, exportingDesk } from './bench-desk'
import { measurePair, type Bench, type BenchRow } from './bench-kit'

/** A workbook of 10,000 rows takes seconds: fewer runs than the other rows. */
const XLSX_MAX_RUNS = 5

/**
 * Every customer exported as CSV and as a spreadsheet through the real handler table (rows built
 * with formulas neutralised, written whole or not at all, flushed). Floors: the library alone on
 * the same rows, made beforehand: csv-stringify to a string, and exceljs adding the rows to a sheet
 * and writing the workbook; each then written to a temp file and renamed, unflushed.
 */
export const listExport: Bench = {
  name: 'list export (CSV, XLSX)',
  async run(context) {
    const desk = await exportingDesk(context)
    try {
      const count = context.data.customers.length
      const table = [LIST_COLUMNS.map((column) => column.header), ...listRows(context.data.customers)]
      const floorFile = join(context.dir, 'floor')
      const rawWrite = async (data: string | Uint8Array) => {
        await writeFile(`${floorFile}.tmp`, data)
        await rename(`${floorFile}.tmp`, floorFile)
      }
      const exportAll = (format: 'csv' | 'xlsx') => async () => {
        const saved = await call<ListSaved>(desk, 'desk:exports.listExport', { format })
        if (saved.rows !== count) throw new Error(`the ${format} export wrote ${saved.rows} rows, not ${count}`)
      }

      const csv = await measurePair(context.runs, exportAll('csv'), () => rawWrite(stringify(table)))
      const xlsxRuns = Math.min(context.runs, XLSX_MAX_RUNS)
      const xlsx = await measurePair(xlsxRuns, exportAll('xlsx'), async () => {
        const workbook = new ExcelJS.Workbook()
        workbook.addWorksheet('Customers').addRows(table)
        await rawWrite(new Uint8Array(await workbook.xlsx.writeBuffer()))
      })
      const all = count.toLocaleString('en')
      const rows: BenchRow[] = [
        { name: `CSV export of all ${all} customers`, value: csv.value, floorName: 'csv-stringify of the same rows + write', floorValue: csv.floorValue, target: 'informative', met: true },
        { name: `spreadsheet (XLSX) export of all ${all} customers`, value: xlsx.value, runs: xlsxRuns, floorName: 'exceljs: the same rows to a workbook + write', floorValue: xlsx.floorValue, target: 'informative', met: true },
      ]
      return rows
    } finally {
      await desk.close()
    }
  },
}
