import assert from 'node:assert/strict'
import { access, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test, type TestContext } from 'node:test'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import ExcelJS from 'exceljs'
import { PDFParse } from 'pdf-parse'
import type { Locator, Page } from 'playwright-core'
import type { DeskApi } from '../../main/common/contract'
import type { Customer } from '../../main/common/customer-model'
import { dispatch } from '../../main/ipc/handler-table'
import { STORE_FILE_NAME } from '../../main/services/customer-store'
import { DAMAGED_BACKUP } from '../../main/services/exports/backup-crypto'
import { LIST_COLUMNS } from '../../main/services/exports/list-columns'
import type { DeskData } from '../../main/services/store-file'
import { createDeskApi } from '../../preload/desk-api'
import { generateCustomers } from '../bench/generate-customers'
import {
  DUPLICATE_CONFIRM_LABEL,
  DUPLICATE_CONFIRM_MISSING,
  SHEET_PASSWORD_CONFIRM_LABEL,
  SHEET_PASSWORD_CONFIRM_MISSING,
  SHEET_PASSWORD_WARNING,
} from '../../renderer/src/features/exports/export-text'
import { browserSkip, openDesk } from '../harness/open-desk'
import { expectFieldError, field, isFocused, newCustomerButton, storedCustomers } from '../helpers/customer-form-steps'
import { tempDesk } from '../helpers/temp-desk'
import { createCustomers, PASSWORDS, sampleForms, scriptedDialogs, unwrap } from '../unit/export-fixtures'

const PASSPHRASE = 'correct horse battery staple'

/** A desk in Chromium whose native file dialogs answer with paths in the test's own folder; `stored` is its store file to start from. */
async function openExportUi(t: TestContext, stored?: DeskData) {
  const { dataDir, keychainService } = await tempDesk(t)
  if (stored) await writeFile(join(dataDir, STORE_FILE_NAME), JSON.stringify(stored))
  const folder = await mkdtemp(join(tmpdir(), 'desk-exports-ui-'))
  t.after(() => rm(folder, { recursive: true, force: true }))
  const dialogs = scriptedDialogs(folder)
  const opened = await openDesk({ dataDir, keychainService, fileDialogs: dialogs })
  t.after(() => opened.close())
  const api: DeskApi = createDeskApi((channel, payload) => dispatch(opened.desk.handlers, channel, payload))
  return { ...opened, api, dataDir, folder, dialogs }
}

/** The three sample customers (both portals, x360 only with formula-like text, Nexetic only), listed in the page. */
async function showSamples(page: Page, api: DeskApi): Promise<Customer[]> {
  const customers = await createCustomers(api, sampleForms())
  await page.reload()
  await page.getByRole('cell', { name: 'Contoso Ltd' }).waitFor()
  return customers
}

async function pickFromDataMenu(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: 'Data' }).click()
  await page.getByRole('menu', { name: 'Data' }).getByRole('menuitem', { name: item }).click()
}

/** The notice bar: the status message with a Dismiss button (dialogs have their own status lines). */
const notice = (page: Page, text: string | RegExp): Locator =>
  page.getByRole('status').filter({ has: page.getByRole('button', { name: 'Dismiss message' }) }).filter({ hasText: text })

async function readPdfPages(path: string): Promise<{ pages: string[]; sizes: { width: number; height: number }[] }> {
  const parser = new PDFParse({ data: await readFile(path) })
  try {
    const text = await parser.getText()
    const info = await parser.getInfo({ parsePageInfo: true })
    return {
      pages: text.pages.map((page) => page.text.replace(/\s+/g, ' ')),
      sizes: (info.pages ?? []).map((page) => ({ width: Math.round(page.width), height: Math.round(page.height) })),
    }
  } finally {
    await parser.destroy()
  }
}

/** Waits for something the test process sees (main's dialog was asked), a turn of the event loop at a time. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await nextTurn()
}

const exists = (path: string) => access(path).then(() => true, () => false)
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

describe('Data menu: customer sheets', { skip: browserSkip }, () => {
  test('every customer on A4: the progress reaches the end, the PDF has a page each and no password', async (t) => {
    const { page, api, folder, dialogs, pageErrors } = await openExportUi(t)
    const customers = await showSamples(page, api)
    await pickFromDataMenu(page, 'Customer sheets (PDF)…')
    const dialog = page.getByRole('dialog', { name: 'Customer sheets for all 3 customers' })
    assert.ok(await dialog.getByRole('radio', { name: /A4/ }).isChecked(), 'A4 by default')
    await dialog.getByRole('button', { name: 'Save PDF…' }).click()

    const path = join(folder, dialogs.saves[0]?.suggestedName ?? '')
    await dialog.getByText(`Saved 3 customer sheets to ${path}.`).waitFor()
    const bar = dialog.getByRole('progressbar')
    assert.equal(await bar.getAttribute('aria-valuenow'), '3')
    assert.equal(await bar.getAttribute('aria-valuemax'), '3')
    assert.equal(await bar.getAttribute('aria-valuetext'), '3 of 3 sheets')
    await dialog.getByText('3 of 3').waitFor()
    await notice(page, `Saved 3 customer sheets to ${path}`).waitFor()
    assert.ok(await isFocused(dialog.getByRole('button', { name: 'Close' })), 'the focus moves to Close when the job ends')

    const { pages, sizes } = await readPdfPages(path)
    assert.equal(pages.length, 3)
    assert.deepEqual(sizes[0], { width: 595, height: 842 }, 'A4')
    const byName = [...customers].sort((a, b) => a.companyName.localeCompare(b.companyName, undefined, { sensitivity: 'base' }))
    byName.forEach((customer, index) => assert.ok(pages[index]?.replace(/\s/g, '').includes(customer.companyName.replace(/\s/g, '')), `page ${index + 1} is ${customer.companyName}`))
    for (const password of PASSWORDS) assert.ok(!pages.join(' ').includes(password), 'no password unless asked for')

    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    assert.deepEqual(pageErrors, [])
  })

  test('Cancel stops a long job: the dialog closes, the user is told, and no file or temp file is left', async (t) => {
    // 4,000 pages take main seconds to draw, far longer than the click on Cancel takes to arrive.
    const { page, folder, pageErrors } = await openExportUi(t, generateCustomers(4000))
    await page.getByText('4,000 of 4,000 customers').waitFor()
    await pickFromDataMenu(page, 'Customer sheets (PDF)…')
    const dialog = page.getByRole('dialog', { name: 'Customer sheets for all 4,000 customers' })
    await dialog.getByRole('button', { name: 'Save PDF…' }).click()
    await dialog.getByRole('progressbar').waitFor()
    const cancel = dialog.getByRole('button', { name: 'Cancel' })
    assert.ok(await isFocused(cancel), 'Cancel has the focus while the job runs')
    await cancel.click()
    await dialog.waitFor({ state: 'detached' })
    await notice(page, 'The customer sheets were cancelled; no file was saved.').waitFor()
    assert.deepEqual(await readdir(folder), [], 'neither the PDF nor its temp file')
    assert.deepEqual(pageErrors, [])
  })

  test('"Include passwords" shows the warning and needs its own confirmation before main is asked; then the sheet has the password', async (t) => {
    const { page, api, folder, dialogs, pageErrors } = await openExportUi(t)
    await showSamples(page, api)
    await page.getByRole('row', { name: /^Contoso Ltd/ }).click()
    await page.getByRole('region', { name: 'Details of Contoso Ltd' }).getByRole('button', { name: 'Customer sheet (PDF)' }).click()
    const dialog = page.getByRole('dialog', { name: 'Customer sheet for Contoso Ltd' })
    await dialog.getByRole('radio', { name: /Letter/ }).check()
    assert.equal(await dialog.getByText(SHEET_PASSWORD_WARNING).count(), 0, 'no warning before the box is ticked')
    await dialog.getByRole('checkbox', { name: /Include passwords/ }).check()
    await dialog.getByText(SHEET_PASSWORD_WARNING).waitFor()

    await dialog.getByRole('button', { name: 'Save PDF…' }).click()
    const confirm = dialog.getByRole('checkbox', { name: SHEET_PASSWORD_CONFIRM_LABEL })
    await dialog.getByText(SHEET_PASSWORD_CONFIRM_MISSING).waitFor()
    assert.equal(await confirm.getAttribute('aria-invalid'), 'true')
    assert.ok(await isFocused(confirm), 'the focus goes to the confirmation')
    assert.equal(dialogs.saves.length, 0, 'no save dialog until the warning is confirmed')

    await confirm.check()
    await dialog.getByRole('button', { name: 'Save PDF…' }).click()
    const path = join(folder, dialogs.saves[0]?.suggestedName ?? '')
    await dialog.getByText(`Saved 1 customer sheet to ${path}.`).waitFor()
    const { pages, sizes } = await readPdfPages(path)
    assert.deepEqual(sizes, [{ width: 612, height: 792 }], 'one Letter page')
    assert.ok(pages[0]?.includes(PASSWORDS[0] ?? '—'), 'the password is printed once confirmed')
    await dialog.getByRole('button', { name: 'Close' }).click()
    await dialog.waitFor({ state: 'detached' })
    assert.deepEqual(pageErrors, [])
  })
})

describe('Data menu: CSV import', { skip: browserSkip }, () => {
  const header = ['Customer Company Name', 'Customer Username', 'Customer Email Address', 'Locations', 'Customer Password', 'User Licenses', 'Notify Users', 'Storage Type']

  test('a file with one bad row shows that row and column, Import stays disabled and nothing is written', async (t) => {
    const { page, dataDir, folder, dialogs, desk, pageErrors } = await openExportUi(t)
    const path = join(folder, 'customers.csv')
    await writeFile(
      path,
      stringify([
        header,
        ['Alpha Oy', 'alpha', 'it@alpha.example', 'HQ', PASSWORDS[0], '', '', ''],
        ['Beta Ab', 'beta user', 'it@beta.example', 'HQ', '', '', '', ''],
        ['Gamma Ltd', '', '', '', '', '10', 'ops@gamma.example', 'Azure (Ireland)'],
      ]),
    )
    dialogs.openWith(path)
    await page.getByRole('heading', { name: 'No customers yet' }).waitFor()
    await pickFromDataMenu(page, 'Import customers from CSV…')
    const dialog = page.getByRole('dialog', { name: 'Import customers from CSV' })
    const problems = dialog.getByRole('table', { name: 'Problems to fix (1)' })
    const problem = problems.getByRole('row').nth(1)
    await problem.waitFor()
    assert.deepEqual(await problem.getByRole('cell').allTextContents(), [
      '3',
      'Customer Username',
      'Use only letters, digits and underscore (_): no spaces, hyphens or other characters.',
    ])
    await dialog.getByRole('alert').filter({ hasText: 'The file has 1 problem, so nothing can be imported' }).waitFor()
    assert.ok(await dialog.getByRole('button', { name: 'Import', exact: true }).isDisabled(), 'Import is disabled while the file has a problem')

    // Corrected and chosen again: now it could be imported, but the user cancels, so still nothing is written.
    await writeFile(path, stringify([header, ['Alpha Oy', 'alpha', 'it@alpha.example', 'HQ', PASSWORDS[0], '', '', ''], ['Beta Ab', 'beta_user', 'it@beta.example', 'HQ', '', '', '', '']]))
    await dialog.getByRole('button', { name: 'Choose another file…' }).click()
    await dialog.getByRole('table', { name: 'Customers to create (2)' }).waitFor()
    assert.equal(await dialog.getByRole('table', { name: /Problems/ }).count(), 0)
    assert.ok(await dialog.getByRole('button', { name: 'Import 2 customers' }).isEnabled())
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    assert.deepEqual((await storedCustomers(dataDir)).customers, [], 'nothing written')
    assert.deepEqual(await desk.vault.listCustomerIds(), [], 'no password stored')
    assert.deepEqual(pageErrors, [])
  })

  test('a good file is previewed, a repeated company name is confirmed, and the rows appear in the list', async (t) => {
    const { page, api, dataDir, folder, dialogs, desk, pageErrors } = await openExportUi(t)
    await createCustomers(api, sampleForms().slice(2))
    await page.reload()
    await page.getByRole('cell', { name: 'Northwind Traders' }).waitFor()
    const path = join(folder, 'customers.csv')
    await writeFile(
      path,
      stringify([
        header,
        ['Alpha Oy', 'alpha', 'it@alpha.example', 'HQ, Branch_2', PASSWORDS[0], '', '', ''],
        ['northwind traders', '', '', '', '', '5', 'it@northwind.example', 'Finnish S3 Storage'],
      ]),
    )
    dialogs.openWith(path)
    await pickFromDataMenu(page, 'Import customers from CSV…')
    const dialog = page.getByRole('dialog', { name: 'Import customers from CSV' })
    const rows = dialog.getByRole('table', { name: 'Customers to create (2)' })
    await rows.waitFor()
    assert.deepEqual(await rows.getByRole('row').nth(1).getByRole('cell').allTextContents(), ['2', 'Alpha Oy', 'alpha', 'Yes', 'No'])
    await dialog.getByRole('table', { name: 'Company names that already exist (1)' }).getByRole('cell', { name: '"Northwind Traders" already exists on this desk.' }).waitFor()

    await dialog.getByRole('button', { name: 'Import 2 customers' }).click()
    const confirm = dialog.getByRole('checkbox', { name: DUPLICATE_CONFIRM_LABEL })
    await dialog.getByText(DUPLICATE_CONFIRM_MISSING).waitFor()
    assert.ok(await isFocused(confirm))
    assert.equal((await storedCustomers(dataDir)).customers.length, 1, 'nothing imported before the confirmation')
    await confirm.check()
    await dialog.getByRole('button', { name: 'Import 2 customers' }).click()
    await dialog.waitFor({ state: 'detached' })

    await notice(page, 'Imported 2 customers from customers.csv.').waitFor()
    await page.getByRole('cell', { name: 'Alpha Oy' }).waitFor()
    await page.getByRole('cell', { name: 'northwind traders', exact: true }).waitFor()
    const { customers, text } = await storedCustomers(dataDir)
    assert.equal(customers.length, 3)
    const alpha = customers.find((customer) => customer.companyName === 'Alpha Oy')
    assert.deepEqual(alpha?.x360?.locations, ['HQ', 'Branch_2'])
    assert.equal(await desk.vault.readCustomerPassword(alpha?.id ?? ''), PASSWORDS[0])
    assert.ok(!text.includes(PASSWORDS[0] ?? '—'), 'the imported password is only in the keychain')
    assert.deepEqual(pageErrors, [])
  })
})

describe('Data menu: backup and restore', { skip: browserSkip }, () => {
  test('a backup restored on a fresh desk and keychain brings back the customers and their passwords; a wrong passphrase is shown at its field', async (t) => {
    const source = await openExportUi(t)
    const customers = await showSamples(source.page, source.api)
    await pickFromDataMenu(source.page, 'Back up the desk…')
    const backup = source.page.getByRole('dialog', { name: 'Back up the desk' })
    assert.ok(await isFocused(field(backup, 'Passphrase')), 'the passphrase has the focus')
    await field(backup, 'Passphrase').fill('too short')
    await field(backup, 'Confirm passphrase').fill('too short')
    await field(backup, 'Confirm passphrase').press('Enter')
    await expectFieldError(backup, 'Passphrase', 'The passphrase needs at least 12 characters (it has 9). A few unrelated words make a good one.')
    await field(backup, 'Passphrase').fill('password1234')
    await field(backup, 'Confirm passphrase').fill('password1234')
    await field(backup, 'Confirm passphrase').press('Enter')
    await expectFieldError(
      backup,
      'Passphrase',
      'This passphrase is too easy to guess. This is similar to a commonly used password. Add more words that are less common.',
    )
    await field(backup, 'Passphrase').fill(PASSPHRASE)
    await field(backup, 'Confirm passphrase').fill(`${PASSPHRASE}!`)
    await backup.getByRole('button', { name: 'Save backup…' }).click()
    await expectFieldError(backup, 'Confirm passphrase', 'The two passphrases do not match.')
    assert.equal(await field(backup, 'Passphrase').getAttribute('type'), 'password')
    await backup.getByRole('button', { name: 'Show passphrase' }).click()
    assert.equal(await field(backup, 'Confirm passphrase').getAttribute('type'), 'text', 'Show shows both')
    await field(backup, 'Confirm passphrase').fill(PASSPHRASE)
    await backup.getByRole('button', { name: 'Save backup…' }).click()
    const backupPath = join(source.folder, source.dialogs.saves[0]?.suggestedName ?? '')
    await backup.waitFor({ state: 'detached' })
    await notice(source.page, `Backed up 3 customers and 2 passwords to ${backupPath}.`).waitFor()
    assert.ok(await exists(backupPath))
    const backupBytes = await readFile(backupPath)
    for (const password of PASSWORDS) assert.ok(!backupBytes.includes(password), 'the passwords are encrypted')

    const target = await openExportUi(t)
    target.dialogs.openWith(backupPath)
    await target.page.getByRole('heading', { name: 'No customers yet' }).waitFor()
    const dataButton = target.page.getByRole('button', { name: 'Data' })
    await dataButton.focus()
    await target.page.keyboard.press('ArrowUp')
    await target.page.keyboard.press('Enter')
    const restore = target.page.getByRole('dialog', { name: 'Restore from a backup' })
    await restore.getByText(backupPath).waitFor()
    await field(restore, 'Backup passphrase').fill('not the passphrase at all')
    await field(restore, 'Backup passphrase').press('Enter')
    await expectFieldError(restore, 'Backup passphrase', 'This is not the passphrase the backup was made with.')
    assert.ok(await isFocused(field(restore, 'Backup passphrase')), 'the focus is on the passphrase')

    await field(restore, 'Backup passphrase').fill(PASSPHRASE)
    await restore.getByRole('button', { name: 'Check backup' }).click()
    await restore.getByText('Restoring would add 3 and replace 0 customers.').waitFor()
    assert.deepEqual((await storedCustomers(target.dataDir)).customers, [], 'nothing changes before the confirmation')
    await restore.getByRole('button', { name: 'Restore 3 customers' }).click()
    await restore.waitFor({ state: 'detached' })
    await notice(target.page, 'Restored the backup: added 3 customers and replaced 0; 2 passwords put in the keychain.').waitFor()
    for (const customer of customers) await target.page.getByRole('cell', { name: customer.companyName }).first().waitFor()

    const restored = (await storedCustomers(target.dataDir)).customers
    assert.deepEqual(
      restored.map((customer) => customer.id).sort(),
      customers.map((customer) => customer.id).sort(),
    )
    for (const customer of customers) {
      const expected = customer.x360 ? PASSWORDS[sampleForms().findIndex((form) => form.companyName === customer.companyName)] : null
      assert.equal(await target.desk.vault.readCustomerPassword(customer.id), expected ?? null, `the password of ${customer.companyName}`)
    }
    assert.deepEqual(source.pageErrors, [])
    assert.deepEqual(target.pageErrors, [])
  })

  test('a backup changed after it was made is refused with a clear message, and Cancel forgets it', async (t) => {
    const { page, api, folder, dialogs, dataDir, pageErrors } = await openExportUi(t)
    await createCustomers(api, sampleForms())
    const saved = unwrap(await api.exports.backupCreate({ passphrase: PASSPHRASE, confirmPassphrase: PASSPHRASE }))
    if (saved.kind !== 'saved') throw new Error('not saved')
    const bytes = await readFile(saved.filePath)
    bytes[bytes.length - 40] = (bytes[bytes.length - 40] ?? 0) ^ 0x01
    const tampered = join(folder, 'tampered.deskbackup')
    await writeFile(tampered, bytes)
    const before = await readFile(join(dataDir, 'customers.json'), 'utf8')

    dialogs.openWith(tampered)
    await page.reload()
    await page.getByRole('cell', { name: 'Contoso Ltd' }).waitFor()
    await pickFromDataMenu(page, 'Restore from a backup…')
    const restore = page.getByRole('dialog', { name: 'Restore from a backup' })
    await field(restore, 'Backup passphrase').fill(PASSPHRASE)
    await field(restore, 'Backup passphrase').press('Enter')
    await restore.getByRole('alert').filter({ hasText: DAMAGED_BACKUP }).waitFor()
    await restore.getByRole('button', { name: 'Cancel' }).click()
    await restore.waitFor({ state: 'detached' })
    assert.equal(await readFile(join(dataDir, 'customers.json'), 'utf8'), before, 'the desk is unchanged')
    assert.deepEqual(pageErrors, [])
  })
})
