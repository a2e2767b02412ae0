import assert from 'node:assert/strict'
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import type { Customer } from '../../main/common/customer-model'
import { LIST_COLUMNS } from '../../main/services/exports/list-columns'
import { browserSkip } from '../harness/open-desk'
import { isFocused, newCustomerButton } from '../helpers/customer-form-steps'
import { PASSWORDS } from '../helpers/export-fixtures'
import { notice, openExportUi, pickFromDataMenu, showSamples } from '../helpers/export-ui'

/** Waits for something the test process sees (main's dialog was asked), a turn of the event loop at a time. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await nextTurn()
}

const HEADERS = LIST_COLUMNS.map((column) => column.header)
/** As a spreadsheet would have to show it: a value that looks like a formula keeps its neutralising quote. */
const asWritten = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)

function assertListMatches(rows: Record<string, string>[], customers: Customer[]): void {
  assert.equal(rows.length, customers.length)
  for (const customer of customers) {
    const row = rows.find((candidate) => candidate['Customer ID'] === customer.id)
    assert.ok(row, `a row for ${customer.companyName}`)
    assert.equal(row['Customer Company Name'], asWritten(customer.companyName))
    assert.equal(row['Customer Username'], customer.x360?.username ?? '')
    assert.equal(row['Customer Email Address'], customer.x360?.email ?? '')
    assert.equal(row.Locations, customer.x360?.locations.join(', ') ?? '')
    assert.equal(row.Domain, customer.nexetic?.domain ?? '')
    assert.equal(row['User Licenses'], customer.nexetic ? String(customer.nexetic.userLicenses) : '')
    assert.equal(row['Extra Storage (GB)'], customer.nexetic ? String(customer.nexetic.extraStorageGb) : '')
    assert.equal(row['Notify Users'], customer.nexetic?.notifyUsers.join('; ') ?? '')
    assert.equal(row.Notes, asWritten(customer.notes))
  }
}

describe('Data menu: list export', { skip: browserSkip }, () => {
  test('CSV picked with the keyboard and XLSX with the mouse hold every customer and no password; a closed save dialog does nothing', async (t) => {
    const { page, api, folder, dialogs, pageErrors } = await openExportUi(t)
    const customers = await showSamples(page, api)

    const dataButton = page.getByRole('button', { name: 'Data' })
    assert.equal(await dataButton.getAttribute('aria-haspopup'), 'menu')
    await dataButton.focus()
    await page.keyboard.press('Enter')
    const menu = page.getByRole('menu', { name: 'Data' })
    assert.equal(await dataButton.getAttribute('aria-expanded'), 'true')
    assert.ok(await isFocused(menu.getByRole('menuitem', { name: 'Customer sheets (PDF)…' })), 'Enter opens the menu on its first item')
    await page.keyboard.press('ArrowUp')
    assert.ok(await isFocused(menu.getByRole('menuitem', { name: 'Restore from a backup…' })), '↑ wraps to the last item')
    await page.keyboard.press('Home')
    await page.keyboard.press('ArrowDown')
    assert.ok(await isFocused(menu.getByRole('menuitem', { name: 'Export list as CSV…' })))
    await page.keyboard.press('Enter')
    await menu.waitFor({ state: 'detached' })
    assert.ok(await isFocused(dataButton), 'the focus goes back to the Data button')

    const csvPath = join(folder, dialogs.saves[0]?.suggestedName ?? '')
    await notice(page, `Exported 3 customers to ${csvPath}`).waitFor()
    const csvText = await readFile(csvPath, 'utf8')
    for (const password of PASSWORDS) assert.ok(!csvText.includes(password), 'no password in the CSV')
    const records = parse(csvText, { bom: true }) as string[][]
    assert.deepEqual(records[0], HEADERS)
    assertListMatches(
      records.slice(1).map((record) => Object.fromEntries(HEADERS.map((header, i) => [header, record[i] ?? '']))),
      customers,
    )

    await pickFromDataMenu(page, 'Export list as spreadsheet (.xlsx)…')
    const xlsxPath = join(folder, dialogs.saves[1]?.suggestedName ?? '')
    await notice(page, `Exported 3 customers to ${xlsxPath}`).waitFor()
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(xlsxPath)
    const sheet = workbook.worksheets[0]
    assert.ok(sheet)
    const cellText = (value: ExcelJS.CellValue): string => (value === null || value === undefined ? '' : String(value))
    const headerRow = sheet.getRow(1)
    assert.deepEqual(HEADERS.map((_, i) => cellText(headerRow.getCell(i + 1).value)), HEADERS)
    const xlsxRows: Record<string, string>[] = []
    sheet.eachRow((row, number) => {
      if (number > 1) xlsxRows.push(Object.fromEntries(HEADERS.map((header, i) => [header, cellText(row.getCell(i + 1).value)])))
    })
    assertListMatches(xlsxRows, customers)
    const contoso = xlsxRows.find((row) => row['Customer Company Name'] === 'Contoso Ltd')
    assert.equal(typeof sheet.getRow(xlsxRows.indexOf(contoso ?? {}) + 2).getCell(HEADERS.indexOf('User Licenses') + 1).value, 'number')

    // The user closes the save dialog: no file, no message, and the menu works again.
    await page.getByRole('button', { name: 'Dismiss message' }).click()
    dialogs.saveAs(null)
    await pickFromDataMenu(page, 'Export list as CSV…')
    await until(() => dialogs.saves.length === 3)
    await page.waitForFunction((button) => button?.getAttribute('aria-busy') === null, await dataButton.elementHandle())
    await dataButton.click()
    await menu.waitFor()
    await page.keyboard.press('Escape')
    await menu.waitFor({ state: 'detached' })
    assert.ok(await isFocused(dataButton), 'Esc gives the focus back to the button')
    await page.keyboard.press('ArrowDown')
    await menu.waitFor()
    await page.keyboard.press('Tab')
    await menu.waitFor({ state: 'detached' })
    assert.ok(await isFocused(newCustomerButton(page)), 'Tab closes the menu and goes on from the button')
    assert.equal(dialogs.saves.length, 3)
    assert.deepEqual((await readdir(folder)).sort(), [dialogs.saves[0]?.suggestedName, dialogs.saves[1]?.suggestedName].sort())
    assert.equal(await notice(page, /\S/).count(), 0, 'no message after a closed dialog')
    assert.deepEqual(pageErrors, [])
  })
})
