import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { stringify } from 'csv-stringify/sync'
import { DUPLICATE_CONFIRM_LABEL, DUPLICATE_CONFIRM_MISSING } from '../../renderer/src/features/exports/export-text'
import { browserSkip } from '../harness/open-desk'
import { isFocused, storedCustomers } from '../helpers/customer-form-steps'
import { createCustomers, PASSWORDS, sampleForms } from '../helpers/export-fixtures'
import { notice, openExportUi, pickFromDataMenu } from '../helpers/export-ui'

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
