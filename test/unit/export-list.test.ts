import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import type { Customer } from '../../main/common/customer-model'
import { LIST_COLUMNS } from '../../main/services/exports/list-columns'
import { neutraliseFormula, restoreNeutralised } from '../../main/services/exports/formula-guard'
import { createCustomers, filesIn, openExportDesk, PASSWORDS, sampleForms, unwrap } from '../helpers/export-fixtures'

const HEADERS = LIST_COLUMNS.map((column) => column.header)
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/

/** What each column must hold for a customer, written out here rather than taken from the code under test. */
function expectedRow(c: Customer): Record<string, string> {
  return {
    'Customer Company Name': c.companyName,
    'Customer Username': c.x360?.username ?? '',
    'Customer Email Address': c.x360?.email ?? '',
    Locations: c.x360?.locations.join(', ') ?? '',
    'Organization name': c.nexetic?.organizationName ?? '',
    Domain: c.nexetic?.domain ?? '',
    'User Licenses': c.nexetic ? String(c.nexetic.userLicenses) : '',
    'Extra Storage (GB)': c.nexetic ? String(c.nexetic.extraStorageGb) : '',
    'Notify Users': c.nexetic?.notifyUsers.join('; ') ?? '',
    'Storage Type': c.nexetic?.storageType ?? '',
    Notes: c.notes,
    'Password Set At': c.x360?.passwordSetAt ?? '',
    'Created At': c.createdAt,
    'Updated At': c.updatedAt,
    'Customer ID': c.id,
  }
}

/** A formula-like value (or one that already starts with the guard quote) comes back with one added quote; anything else exactly as stored. */
const asWritten = (value: string): string => (FORMULA_START.test(value) || value.startsWith("'") ? `'${value}` : value)

/**
 * How Excel in a `;` locale (German, French, Dutch) or a tab-splitting reader cuts a CSV line into
 * cells: at each separator outside quotes, where every `"` toggles "inside quotes" (a doubled `""`
 * toggles twice). Then the quotes are dropped. A cell it makes that starts with a formula sign runs.
 */
function cellsAsSplitBy(line: string, separator: string): string[] {
  const cells: string[] = []
  let current = ''
  let quoted = false
  for (const char of line) {
    if (char === '"') quoted = !quoted
    else if (char === separator && !quoted) {
      cells.push(current)
      current = ''
    } else current += char
  }
  cells.push(current)
  return cells
}

/** Each attack of the audit, in the fields a user can type into freely. */
const INJECTIONS = ["Acme;=cmd|' /C calc'!A0;", '＝1+1', '＋1', '－1', '＠SUM(A1)', "'=1+1", "'quoted", "''twice", 'x;+1;-1;@A1']

function assertRowsMatch(rows: Record<string, string>[], customers: Customer[]): void {
  assert.equal(rows.length, customers.length)
  for (const customer of customers) {
    const row = rows.find((candidate) => candidate['Customer ID'] === customer.id)
    assert.ok(row, `a row for ${customer.companyName}`)
    const expected = Object.fromEntries(Object.entries(expectedRow(customer)).map(([key, value]) => [key, asWritten(value)]))
    assert.deepEqual(row, expected)
  }
}

describe('list export (CSV and XLSX)', () => {
  test('CSV: one row per customer with every non-secret field, formulas neutralised, no password', async (t) => {
    const { api, dialogs } = await openExportDesk(t)
    const customers = await createCustomers(api, sampleForms())
    const saved = unwrap(await api.exports.listExport({ format: 'csv' }))
    assert.equal(saved.kind, 'saved')
    if (saved.kind !== 'saved') return
    assert.equal(saved.rows, 3)
    assert.match(dialogs.saves[0]?.suggestedName ?? '', /^Customers \d{4}-\d{2}-\d{2}\.csv$/)

    const raw = await readFile(saved.filePath)
    assert.deepEqual([...raw.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark for Excel')
    const text = raw.toString('utf8')
    for (const password of PASSWORDS) assert.ok(!text.includes(password), 'no password anywhere in the file')
    const records = parse(text, { bom: true }) as string[][]
    assert.deepEqual(records[0], HEADERS)
    const rows = records.slice(1).map((record) => Object.fromEntries(HEADERS.map((header, i) => [header, record[i] ?? ''])))
    assertRowsMatch(rows, customers)
    const fabrikam = rows.find((row) => row['Customer Username'] === 'fabrikam')
    assert.equal(fabrikam?.['Customer Company Name'], `'=HYPERLINK("http://evil.example","Fabrikam")`)
    assert.equal(fabrikam?.Notes, `'+call first; @mention -dash`)
    for (const row of rows) for (const cell of Object.values(row)) assert.doesNotMatch(cell, FORMULA_START, `cell ${cell} is inert`)
  })

  test('XLSX: the same columns and rows, numbers as numbers, formulas neutralised, no password, no formula cell', async (t) => {
    const { api } = await openExportDesk(t)
    const customers = await createCustomers(api, sampleForms())
    const chosen = [customers[0], customers[1]].map((customer) => customer?.id ?? '')
    const saved = unwrap(await api.exports.listExport({ format: 'xlsx', customerIds: chosen }))
    if (saved.kind !== 'saved') throw new Error('not saved')
    assert.equal(saved.rows, 2)

    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(saved.filePath)
    const sheet = workbook.getWorksheet('Customers')
    assert.ok(sheet)
    const header = HEADERS.map((_, i) => sheet.getRow(1).getCell(i + 1).value)
    assert.deepEqual(header, HEADERS)
    const rows: Record<string, string>[] = []
    sheet.eachRow((row, rowNumber) => {
      if (rowNumber === 1) return
      rows.push(
        Object.fromEntries(
          HEADERS.map((name, i) => {
            const cell = row.getCell(i + 1)
            assert.notEqual(cell.type, ExcelJS.ValueType.Formula, 'no cell is a formula')
            const value = cell.value
            if (name === 'User Licenses' || name === 'Extra Storage (GB)') {
              assert.ok(value === null || typeof value === 'number', `${name} is a number`)
            }
            const text = value === null || value === undefined ? '' : String(value)
            for (const password of PASSWORDS) assert.ok(!text.includes(password))
            return [name, text]
          }),
        ),
      )
    })
    assertRowsMatch(rows, customers.slice(0, 2))
    assert.equal(rows.find((row) => row['Customer Username'] === 'contoso_01')?.['Extra Storage (GB)'], '2048')
  })

  test('written atomically to the chosen path: a closed dialog writes nothing, an unwritable place leaves nothing', async (t) => {
    const { api, folder, dialogs } = await openExportDesk(t)
    await createCustomers(api, sampleForms())
    dialogs.saveAs(null)
    assert.deepEqual(unwrap(await api.exports.listExport({ format: 'xlsx' })), { kind: 'cancelled' })
    dialogs.saveAs(join(folder, 'missing-folder', 'list.csv'))
    const failed = await api.exports.listExport({ format: 'csv' })
    assert.ok(!failed.ok)
    assert.match(failed.error.message, /could not be written \(ENOENT\)/)
    dialogs.saveAs(join(folder, 'customers'))
    const saved = unwrap(await api.exports.listExport({ format: 'csv' }))
    assert.equal(saved.kind === 'saved' && saved.filePath, join(folder, 'customers.csv'))
    assert.deepEqual(await filesIn(folder), ['customers.csv'], 'only the finished file, no temp file')
  })

  test('the formula guard neutralises every trigger, full-width ones too, and the import reverses exactly what it added', () => {
    for (const cell of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '＝1+1', '＋1', '－1', '＠A1', "'=1+1", "'quoted", "''"]) {
      assert.equal(neutraliseFormula(cell), `'${cell}`)
      assert.equal(restoreNeutralised(neutraliseFormula(cell)), cell)
    }
    for (const cell of ['Contoso', '', 'a=b', '1-2', 'a;=b']) {
      assert.equal(neutraliseFormula(cell), cell)
      assert.equal(restoreNeutralised(cell), cell)
    }
    // A hand-made cell whose quote the exporter could not have added is kept as it is.
    assert.equal(restoreNeutralised("'quoted"), "'quoted")
  })

  test('CSV: no cell becomes a formula in a reader that splits on ";" or tabs, and every cell is quoted', async (t) => {
    const { api } = await openExportDesk(t)
    await createCustomers(
      api,
      INJECTIONS.map((text, i) => ({ companyName: `Injection ${i}`, notes: text, x360: null, nexetic: null })),
    )
    await createCustomers(api, [{ companyName: "Acme;=cmd|' /C calc'!A0", notes: '', x360: null, nexetic: null }])
    const saved = unwrap(await api.exports.listExport({ format: 'csv' }))
    if (saved.kind !== 'saved') throw new Error('not saved')
    const lines = (await readFile(saved.filePath, 'utf8')).replace(/^\uFEFF/, '').split('\r\n').filter((line) => line !== '')
    assert.equal(lines.length, INJECTIONS.length + 2)
    for (const line of lines) {
      for (const separator of [';', '\t', ',']) {
        for (const cell of cellsAsSplitBy(line, separator)) assert.doesNotMatch(cell, FORMULA_START, `split on ${JSON.stringify(separator)}, a cell of ${line} runs`)
      }
      assert.match(line, /^"[^]*"$/, 'the line starts and ends inside quotes')
      assert.equal(cellsAsSplitBy(line, ',').length, HEADERS.length)
    }
    const records = parse(await readFile(saved.filePath, 'utf8'), { bom: true }) as string[][]
    const byCompany = new Map(records.slice(1).map((record) => [record[0], record[10]]))
    INJECTIONS.forEach((text, i) => assert.equal(byCompany.get(`Injection ${i}`), asWritten(text)))
  })
})
