import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test, type TestContext } from 'node:test'
import { stringify } from 'csv-stringify/sync'
import type { Page } from 'playwright-core'
import type { DeskApi } from '../../main/common/contract'
import { dispatch } from '../../main/ipc/handler-table'
import { SAVED_MAPPINGS_FILE_NAME } from '../../main/services/exports/import-mapping/saved-mappings'
import { createDeskApi } from '../../preload/desk-api'
import { browserSkip, openDesk } from '../harness/open-desk'
import { storedCustomers } from '../helpers/customer-form-steps'
import { IMPORTED_PASSWORDS } from '../helpers/import-files'
import { tempDesk } from '../helpers/temp-desk'
import { createCustomers, PASSWORDS, sampleForms, scriptedDialogs } from '../helpers/export-fixtures'

const [NEW_A = '', NEW_B = ''] = IMPORTED_PASSWORDS
const FOREIGN = ['Client', 'Login', 'Mail', 'Secret', 'Api Token']

async function openImportUi(t: TestContext) {
  const { dataDir, keychainService } = await tempDesk(t)
  const folder = await mkdtemp(join(tmpdir(), 'desk-import-ui-'))
  t.after(() => rm(folder, { recursive: true, force: true }))
  const dialogs = scriptedDialogs(folder)
  const opened = await openDesk({ dataDir, keychainService, fileDialogs: dialogs })
  t.after(() => opened.close())
  const api: DeskApi = createDeskApi((channel, payload) => dispatch(opened.desk.handlers, channel, payload))
  async function offerFile(name: string, records: string[][]): Promise<void> {
    const path = join(folder, name)
    await writeFile(path, stringify(records))
    dialogs.openWith(path)
  }
  return { ...opened, api, dataDir, offerFile }
}

async function openImport(page: Page) {
  await page.getByRole('button', { name: 'Data' }).click()
  await page.getByRole('menu', { name: 'Data' }).getByRole('menuitem', { name: 'Import customers from CSV…' }).click()
  return page.getByRole('dialog', { name: 'Import customers from CSV' })
}

describe('Import: column mapping', { skip: browserSkip }, () => {
  test("a foreign file's headers are mapped in the dialog, the mapping is saved and offered again, and the rows are imported", async (t) => {
    const { page, dataDir, desk, offerFile, pageErrors } = await openImportUi(t)
    await page.getByRole('heading', { name: 'No customers yet' }).waitFor()
    const rows = [FOREIGN, ['Alpha Oy', 'alpha_01', 'it@alpha.example', NEW_A, 'tok-0001'], ['Beta Ab', 'beta_02', 'it@beta.example', NEW_B, 'tok-0002']]
    await offerFile('crm.csv', rows)
    const dialog = await openImport(page)
    const mapping = dialog.getByRole('form', { name: 'Map the columns' })
    await mapping.getByRole('table', { name: 'Columns of the file (5)' }).waitFor()

    await mapping.getByLabel('Desk field for “Client”').selectOption({ label: 'Customer Company Name' })
    await mapping.getByLabel('Desk field for “Login”').selectOption({ label: 'Customer Username' })
    await mapping.getByLabel('Desk field for “Mail”').selectOption({ label: 'Customer Email Address' })
    await mapping.getByLabel('Desk field for “Secret”').selectOption({ label: 'Customer Password' })
    // Mapped twice: main says so at the second column, and the step stays.
    await mapping.getByLabel('Desk field for “Api Token”').selectOption({ label: 'Customer Company Name' })
    await mapping.getByRole('button', { name: 'Show preview' }).click()
    await mapping.getByText('"Customer Company Name" is already filled from the column "Client".', { exact: false }).waitFor()
    assert.equal(await mapping.getByLabel('Desk field for “Api Token”').getAttribute('aria-invalid'), 'true')
    await mapping.getByLabel('Desk field for “Api Token”').selectOption({ label: 'Not imported' })
    await mapping.getByLabel('Locations (every row)').fill('HQ')

    await mapping.getByLabel('Save this mapping as').fill('Our CRM')
    await mapping.getByRole('button', { name: 'Save mapping' }).click()
    await mapping.getByRole('status').filter({ hasText: 'Saved as “Our CRM”.' }).waitFor()
    const saved = await readFile(join(dataDir, SAVED_MAPPINGS_FILE_NAME), 'utf8')
    assert.ok(!saved.includes(NEW_A) && !saved.includes('tok-0001') && !saved.includes('Alpha Oy'))

    await mapping.getByRole('button', { name: 'Show preview' }).click()
    const created = dialog.getByRole('table', { name: 'Customers to create (2)' })
    await created.waitFor()
    assert.deepEqual(await created.getByRole('row').nth(1).getByRole('cell').allTextContents(), ['2', 'Alpha Oy', 'alpha_01', 'Yes', 'No'])
    assert.ok(!(await dialog.textContent())?.includes(NEW_A), 'no password in the dialog')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await dialog.waitFor({ state: 'detached' })
    assert.deepEqual((await storedCustomers(dataDir)).customers, [], 'nothing written before Import')

    // The same columns next time: the saved mapping is used, no mapping step needed.
    await offerFile('crm-again.csv', rows)
    const again = await openImport(page)
    await again.getByText('The columns were mapped with your saved mapping “Our CRM”.').waitFor()
    await again.getByRole('button', { name: 'Import 2 customers' }).click()
    await again.waitFor({ state: 'detached' })
    await page.getByRole('cell', { name: 'Alpha Oy' }).waitFor()
    const alpha = (await storedCustomers(dataDir)).customers.find((customer) => customer.companyName === 'Alpha Oy')
    assert.deepEqual(alpha?.x360?.locations, ['HQ'])
    assert.equal(await desk.vault.readCustomerPassword(alpha?.id ?? ''), NEW_A)
    assert.deepEqual(pageErrors, [])
  })

  test('the password mode previews matched, unmatched and ambiguous rows without a password, and sets the matched one', async (t) => {
    const { page, api, desk, offerFile, pageErrors } = await openImportUi(t)
    const [contoso] = await createCustomers(api, sampleForms())
    await page.reload()
    await page.getByRole('cell', { name: 'Contoso Ltd' }).waitFor()
    await offerFile('keepass.csv', [
      ['Group', 'Title', 'Username', 'Password', 'URL', 'Notes', 'TOTP', 'Icon', 'Last Modified', 'Created'],
      ['Root', 'Contoso', 'contoso_01', NEW_A, '', '', 'JBSWY3DPEHPK3PXP', '0', '', ''],
      ['Root', 'Stranger', 'nobody_1', NEW_B, '', '', '', '0', '', ''],
      ['Root', 'Fab', 'fabrikam', NEW_B, '', '', '', '0', '', ''],
      ['Root', 'Fab again', 'fabrikam', NEW_A, '', '', '', '0', '', ''],
    ])
    const dialog = await openImport(page)
    await dialog.getByText('The columns were recognised as a KeePassXC export', { exact: false }).waitFor()
    await dialog.getByRole('button', { name: 'Change column mapping…' }).click()
    const mapping = dialog.getByRole('form', { name: 'Map the columns' })
    await mapping.getByRole('radio', { name: /Vault passwords for customers already on the desk/ }).check()
    await mapping.getByRole('radio', { name: 'Customer Username' }).check()
    await mapping.getByRole('button', { name: 'Show preview' }).click()

    const matched = dialog.getByRole('table', { name: 'Matched (1)' })
    await matched.waitFor()
    assert.deepEqual(await matched.getByRole('row').nth(1).getByRole('cell').allTextContents(), ['2', 'contoso_01', 'Contoso Ltd'])
    await dialog.getByRole('table', { name: 'Not matched, skipped (1)' }).getByRole('cell', { name: 'nobody_1' }).waitFor()
    await dialog.getByRole('table', { name: 'Ambiguous, skipped (2)' }).waitFor()
    const text = (await dialog.textContent()) ?? ''
    for (const secret of [NEW_A, NEW_B, 'JBSWY3DPEHPK3PXP']) assert.ok(!text.includes(secret), 'no password in the preview')
    assert.equal(await desk.vault.readCustomerPassword(contoso?.id ?? ''), PASSWORDS[0], 'nothing set before the confirmation')

    await dialog.getByRole('button', { name: 'Set 1 Vault password' }).click()
    await dialog.waitFor({ state: 'detached' })
    await page.getByRole('status').filter({ hasText: 'Set 1 Vault password from keepass.csv.' }).waitFor()
    assert.equal(await desk.vault.readCustomerPassword(contoso?.id ?? ''), NEW_A)
    assert.deepEqual(pageErrors, [])
  })
  test("a Bitwarden export's secure note and card are left out: the preview says so, keeps saying so after the mapping is edited, and imports only the logins", async (t) => {
    const { page, dataDir, offerFile, pageErrors } = await openImportUi(t)
    await page.getByRole('heading', { name: 'No customers yet' }).waitFor()
    const note = 'wifi-key-9931-never-shown'
    await offerFile('bitwarden.csv', [
      ['folder', 'favorite', 'type', 'name', 'notes', 'fields', 'reprompt', 'login_uri', 'login_username', 'login_password', 'login_totp'],
      ['Customers', '', 'login', 'Alpha Oy', '', '', '0', '', 'alpha_01', NEW_A, ''],
      ['Office', '', 'note', 'Office wifi', note, '', '0', '', '', '', ''],
      ['', '', 'card', 'Company Visa', '', `cvv: ${note}`, '0', '', '', '', ''],
    ])
    const dialog = await openImport(page)
    const leftOut = dialog.getByRole('list', { name: 'Rows left out' })
    await leftOut.getByText('2 rows left out: Bitwarden secure notes and cards are not logins.').waitFor()

    await dialog.getByRole('button', { name: 'Change column mapping…' }).click()
    const mapping = dialog.getByRole('form', { name: 'Map the columns' })
    await mapping.getByLabel('Desk field for “notes”').selectOption({ label: 'Not imported' })
    await mapping.getByLabel('Customer Email Address (every row)').fill('backup@msp.example')
    await mapping.getByLabel('Locations (every row)').fill('HQ')
    await mapping.getByRole('button', { name: 'Show preview' }).click()
    await dialog.getByRole('table', { name: 'Customers to create (1)' }).waitFor()
    await leftOut.getByText('2 rows left out: Bitwarden secure notes and cards are not logins.').waitFor()
    const text = (await dialog.textContent()) ?? ''
    for (const secret of [NEW_A, note]) assert.ok(!text.includes(secret), 'nothing of a password or a note in the dialog')

    await dialog.getByRole('button', { name: 'Import 1 customer' }).click()
    await dialog.waitFor({ state: 'detached' })
    await page.getByRole('cell', { name: 'Alpha Oy' }).waitFor()
    assert.deepEqual((await storedCustomers(dataDir)).customers.map((customer) => customer.companyName), ['Alpha Oy'])
    assert.deepEqual(pageErrors, [])
  })
})
