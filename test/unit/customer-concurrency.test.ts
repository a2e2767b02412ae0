import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { stringify } from 'csv-stringify/sync'
import keytar from 'keytar'
import type { DeskApi, ImportPreview } from '../../main/common/contract'
import { emptyCustomerForm, type CustomerForm } from '../../main/common/customer-form'
import type { Result } from '../../main/common/result'
import { openExportDesk, unwrap } from '../helpers/export-fixtures'

const PASSWORD = 'Race-Pass-2026!x'
const withX360 = (companyName: string, username: string): CustomerForm => ({
  ...emptyCustomerForm(),
  companyName,
  x360: { username, email: `${username}@example.com`, locations: 'HQ', password: PASSWORD, confirmPassword: PASSWORD },
})

/** Exactly one succeeded; every other one was refused at the username field. */
function assertOneWinner<T>(results: Result<T>[]): void {
  assert.equal(results.filter((result) => result.ok).length, 1, 'exactly one save succeeded')
  for (const result of results) {
    if (result.ok) continue
    assert.equal(result.error.code, 'invalid')
    assert.match(result.error.fields?.['x360.username'] ?? '', /^The Customer Username "shared_user" is already used by /)
  }
}

async function preview(api: DeskApi): Promise<ImportPreview> {
  const result = unwrap(await api.exports.importPreview({}))
  if (result.kind !== 'preview') throw new Error('the dialog was closed')
  return result
}

describe('saves in parallel are checked against the data as it is when each is written', () => {
  test('three creates with one username at once: one is saved, two are refused at the field, the keychain has one entry', async (t) => {
    const { api, desk, keychainService } = await openExportDesk(t)
    const results = await Promise.all(['Contoso', 'Fabrikam', 'Northwind'].map((company) => api.customers.create({ form: withX360(company, 'shared_user') })))
    assertOneWinner(results)
    assert.equal(desk.store.data.customers.length, 1)
    assert.deepEqual((await keytar.findCredentials(keychainService)).map((entry) => entry.account), [`customer:${desk.store.data.customers[0]?.id}`])
  })

  test('two twins of one company at once: one is saved, the other needs a confirmation', async (t) => {
    const { api, desk } = await openExportDesk(t)
    const results = await Promise.all([api.customers.create({ form: withX360('Contoso', 'contoso_a') }), api.customers.create({ form: withX360('Contoso', 'contoso_b') })])
    assert.equal(results.filter((result) => result.ok).length, 1)
    assert.ok(results.some((result) => !result.ok && result.error.code === 'needs-confirmation'))
    assert.equal(desk.store.data.customers.length, 1)
  })

  test('two edits that take one username at once: one is saved, the other is refused at the field', async (t) => {
    const { api, desk } = await openExportDesk(t)
    const contoso = unwrap(await api.customers.create({ form: withX360('Contoso', 'contoso_01') }))
    const fabrikam = unwrap(await api.customers.create({ form: withX360('Fabrikam', 'fabrikam_01') }))
    const rename = (id: string, company: string) => {
      const form = withX360(company, 'shared_user')
      return api.customers.update({ id, reason: '', form: { ...form, x360: form.x360 && { ...form.x360, password: '', confirmPassword: '' } } })
    }
    assertOneWinner(await Promise.all([rename(contoso.id, 'Contoso'), rename(fabrikam.id, 'Fabrikam')]))
    assert.equal(desk.store.data.customers.filter((customer) => customer.x360?.username === 'shared_user').length, 1)
  })

  test('an import and a create that use one username at once: one is saved, the other is refused', async (t) => {
    const { api, desk, folder, dialogs } = await openExportDesk(t)
    const file = join(folder, 'one-row.csv')
    await writeFile(file, stringify([['Customer Company Name', 'Customer Username', 'Customer Email Address', 'Locations', 'Customer Password'], ['Imported Ltd', 'shared_user', 'it@example.com', 'HQ', PASSWORD]]))
    dialogs.openWith(file)
    const seen = await preview(api)
    assert.ok(seen.token, 'the preview found no problem: nobody had the username yet')
    const [imported, created] = await Promise.all([api.exports.importConfirm({ token: seen.token }), api.customers.create({ form: withX360('Contoso', 'shared_user') })])
    assert.equal([imported, created].filter((result) => result.ok).length, 1, 'exactly one was saved')
    assert.ok(!created.ok || !imported.ok)
    if (!created.ok) assert.match(created.error.fields?.['x360.username'] ?? '', /is already used by Imported Ltd/)
    if (!imported.ok) assert.match(imported.error.fields?.['x360.username'] ?? imported.error.message, /is already used by Contoso/)
    assert.equal(desk.store.data.customers.length, 1)
  })
})
