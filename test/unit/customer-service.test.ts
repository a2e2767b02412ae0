import assert from 'node:assert/strict'
import { mkdir, readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test, type TestContext } from 'node:test'
import keytar from 'keytar'
import type { DeskApi } from '../../main/common/contract'
import { emptyCustomerForm, type CustomerForm } from '../../main/common/customer-form'
import { createDesk, type DeskOptions } from '../../main/desk'
import { dispatch } from '../../main/ipc/handler-table'
import { accountFor, createKeychainVault, type KeychainBackend } from '../../main/services/credential-vault'
import { createMemoryClipboard } from '../../main/services/secret-clipboard'
import { createDeskApi } from '../../preload/desk-api'
import { tempDesk } from '../helpers/temp-desk'

const PASSWORD = 'Vault-Pass-2026!'
const x360Form = (username: string, password = PASSWORD) => ({ username, email: `${username}@contoso.com`, locations: 'HQ, DR_Site', password, confirmPassword: password })
const nexeticForm = { organizationName: '', domain: 'contoso.com', userLicenses: '25', extraStorage: '500', notifyUsers: 'it@contoso.com', storageType: 'Azure (Ireland)' as const }
const form = (companyName: string, parts: Partial<CustomerForm> = {}): CustomerForm => ({ ...emptyCustomerForm(), companyName, ...parts })

async function open(t: TestContext, extra: Partial<DeskOptions> = {}) {
  const { dataDir, keychainService } = await tempDesk(t)
  const clipboard = createMemoryClipboard()
  const desk = await createDesk({ dataDir, keychainService, clipboard, ...extra })
  t.after(() => desk.close())
  const api: DeskApi = createDeskApi((channel, payload) => dispatch(desk.handlers, channel, payload))
  return { dataDir, keychainService, clipboard, desk, api, storeText: () => readFile(join(dataDir, 'customers.json'), 'utf8') }
}

describe('customers on the real store and keychain', () => {
  test('create puts the password in the keychain only, and it survives a restart', async (t) => {
    const { api, dataDir, keychainService, storeText } = await open(t)
    const created = await api.customers.create({ form: form('Contoso Ltd', { x360: x360Form('contoso_01'), nexetic: nexeticForm }) })
    assert.ok(created.ok)
    assert.equal(await keytar.getPassword(keychainService, accountFor(created.value.id)), PASSWORD)
    assert.ok(!(await storeText()).includes(PASSWORD), 'the JSON file never contains the password')
    assert.ok(created.value.x360?.passwordSetAt)

    const again = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard() })
    t.after(() => again.close())
    const reopened = createDeskApi((channel, payload) => dispatch(again.handlers, channel, payload))
    const fetched = await reopened.customers.get({ id: created.value.id })
    assert.ok(fetched.ok)
    assert.equal(fetched.value.nexetic?.organizationName, 'Contoso Ltd')
    assert.deepEqual(fetched.value.x360?.locations, ['HQ', 'DR_Site'])
    const revealed = await reopened.customers.revealPassword({ id: created.value.id })
    assert.deepEqual(revealed, { ok: true, value: { password: PASSWORD } })
  })

  test('usernames are unique ignoring case, with the message at the username field', async (t) => {
    const { api } = await open(t)
    assert.ok((await api.customers.create({ form: form('Contoso Ltd', { x360: x360Form('Contoso_01') }) })).ok)
    const clash = await api.customers.create({ form: form('Fabrikam', { x360: x360Form('CONTOSO_01') }) })
    assert.ok(!clash.ok)
    assert.equal(clash.error.code, 'invalid')
    assert.deepEqual(Object.keys(clash.error.fields ?? {}), ['x360.username'])
    assert.match(clash.error.fields?.['x360.username'] ?? '', /already used by Contoso Ltd/)
  })

  test('a second customer with the same company name needs an explicit confirmation', async (t) => {
    const { api } = await open(t)
    assert.ok((await api.customers.create({ form: form('Contoso Ltd') })).ok)
    const twin = await api.customers.create({ form: form('  contoso   LTD ') })
    assert.ok(!twin.ok)
    assert.equal(twin.error.code, 'needs-confirmation')
    assert.ok(twin.error.fields?.companyName)
    assert.ok((await api.customers.create({ form: form('  contoso   LTD '), confirmDuplicateCompany: true })).ok)
    const listed = await api.customers.list({})
    assert.ok(listed.ok)
    assert.equal(listed.value.length, 2)
  })

  test('the Storage Type is locked after creation', async (t) => {
    const { api } = await open(t)
    const created = await api.customers.create({ form: form('Contoso Ltd', { nexetic: nexeticForm }) })
    assert.ok(created.ok)
    const changed = await api.customers.update({
      id: created.value.id,
      form: form('Contoso Ltd', { nexetic: { ...nexeticForm, storageType: 'Finnish S3 Storage' } }),
    })
    assert.ok(!changed.ok)
    assert.match(changed.error.fields?.['nexetic.storageType'] ?? '', /contact Nexetic Support/)
  })

  test('an edit is recorded field by field in the history, and a password change only as a fact', async (t) => {
    const { api, storeText } = await open(t)
    const created = await api.customers.create({ form: form('Contoso Ltd', { x360: x360Form('contoso_01'), nexetic: nexeticForm }) })
    assert.ok(created.ok)
    const id = created.value.id
    const updated = await api.customers.update({
      id,
      form: form('Contoso Ltd', { x360: { ...x360Form('contoso_01'), password: '', confirmPassword: '' }, nexetic: { ...nexeticForm, userLicenses: '40' } }),
      reason: 'New hires',
    })
    assert.ok(updated.ok)
    const licenseEntry = updated.value.history.find((entry) => entry.field === 'nexetic.userLicenses')
    assert.deepEqual([licenseEntry?.from, licenseEntry?.to, licenseEntry?.reason], ['25', '40', 'New hires'])

    const newPassword = 'Another-Pass-2027?'
    const changed = await api.customers.changePassword({ id, password: newPassword, confirmPassword: newPassword })
    assert.ok(changed.ok)
    const passwordEntry = changed.value.history.find((entry) => entry.field === 'x360.password')
    assert.deepEqual([passwordEntry?.from, passwordEntry?.to], [null, 'changed'])
    assert.deepEqual(await api.customers.revealPassword({ id }), { ok: true, value: { password: newPassword } })
    const text = await storeText()
    assert.ok(!text.includes(newPassword) && !text.includes(PASSWORD))
  })

  test('Change Password checks the policy and the confirmation at their fields', async (t) => {
    const { api } = await open(t)
    const created = await api.customers.create({ form: form('Contoso Ltd', { x360: x360Form('contoso_01') }) })
    assert.ok(created.ok)
    const weak = await api.customers.changePassword({ id: created.value.id, password: 'short', confirmPassword: 'short' })
    assert.ok(!weak.ok && weak.error.fields?.password)
    const mismatch = await api.customers.changePassword({ id: created.value.id, password: 'Another-Pass-2027?', confirmPassword: 'Another-Pass-2028?' })
    assert.ok(!mismatch.ok && mismatch.error.fields?.confirmPassword === 'The two passwords do not match.')
    assert.deepEqual(await api.customers.revealPassword({ id: created.value.id }), { ok: true, value: { password: PASSWORD } })
  })

  test('copy puts the password on the clipboard from main and clears it after the delay', async (t) => {
    const { api, clipboard } = await open(t, { clipboardClearMs: 150 })
    const created = await api.customers.create({ form: form('Contoso Ltd', { x360: x360Form('contoso_01') }) })
    assert.ok(created.ok)
    const copied = await api.customers.copyPassword({ id: created.value.id })
    assert.deepEqual(copied, { ok: true, value: { clearsAfterSeconds: 0 } })
    assert.equal(await clipboard.readText(), PASSWORD)
    while ((await clipboard.readText()) === PASSWORD) await new Promise((wake) => setTimeout(wake, 25))
    assert.equal(await clipboard.readText(), '')
  })

  test('copy leaves the clipboard alone when the user copied something else meanwhile', async (t) => {
    const { api, clipboard, desk } = await open(t, { clipboardClearMs: 100 })
    const created = await api.customers.create({ form: form('Contoso Ltd', { x360: x360Form('contoso_01') }) })
    assert.ok(created.ok)
    await api.customers.copyPassword({ id: created.value.id })
    await clipboard.writeText('something the user copied')
    await desk.close()
    assert.equal(await clipboard.readText(), 'something the user copied')
  })

  test('closing the desk takes a copied password off the clipboard at once', async (t) => {
    const { api, clipboard, desk } = await open(t)
    const created = await api.customers.create({ form: form('Contoso Ltd', { x360: x360Form('contoso_01') }) })
    assert.ok(created.ok)
    await api.customers.copyPassword({ id: created.value.id })
    assert.equal(await clipboard.readText(), PASSWORD)
    await desk.close()
    assert.equal(await clipboard.readText(), '')
  })

  test('delete removes the customer, its keychain entry, and keeps a tombstone', async (t) => {
    const { api, keychainService, storeText } = await open(t)
    const created = await api.customers.create({ form: form('Contoso Ltd', { x360: x360Form('contoso_01') }) })
    assert.ok(created.ok)
    assert.deepEqual(await api.customers.delete({ id: created.value.id }), { ok: true, value: { deleted: true } })
    assert.equal(await keytar.getPassword(keychainService, accountFor(created.value.id)), null)
    const onDisk = JSON.parse(await storeText())
    assert.deepEqual(onDisk.customers, [])
    assert.equal(onDisk.deletions[0].companyName, 'Contoso Ltd')
    const gone = await api.customers.get({ id: created.value.id })
    assert.ok(!gone.ok && gone.error.code === 'not-found')
  })

  test('with the keychain unavailable, nothing is written to disk in its place', async (t) => {
    const locked: KeychainBackend = {
      setPassword: () => Promise.reject(new Error('Cannot create an item in a locked collection')),
      getPassword: () => Promise.reject(new Error('locked')),
      deletePassword: () => Promise.reject(new Error('locked')),
      findCredentials: () => Promise.reject(new Error('locked')),
    }
    const { api, dataDir } = await open(t, { vault: createKeychainVault('unused', locked) })
    const created = await api.customers.create({ form: form('Contoso Ltd', { x360: x360Form('contoso_01') }) })
    assert.ok(!created.ok)
    assert.equal(created.error.code, 'keychain-unavailable')
    assert.doesNotMatch(created.error.message, /Vault-Pass/)
    assert.deepEqual(await readdir(dataDir), [], 'no store file and no stand-in for the keychain')
  })

  test('when the store cannot be written, the keychain write is undone', async (t) => {
    const { api, dataDir, keychainService } = await open(t)
    await mkdir(join(dataDir, '.customers.json.tmp'))
    const created = await api.customers.create({ form: form('Contoso Ltd', { x360: x360Form('contoso_01') }) })
    assert.ok(!created.ok)
    assert.match(created.error.message, /could not be saved/)
    assert.deepEqual(await keytar.findCredentials(keychainService), [])
    const listed = await api.customers.list({})
    assert.deepEqual(listed, { ok: true, value: [] })
  })
})

describe('password changes that cannot be saved', () => {
  test('leave the previous password in the keychain', async (t) => {
    const { api, dataDir } = await open(t)
    const created = await api.customers.create({ form: form('Contoso Ltd', { x360: x360Form('contoso_01') }) })
    assert.ok(created.ok)
    await mkdir(join(dataDir, '.customers.json.tmp'))
    const changed = await api.customers.changePassword({ id: created.value.id, password: 'Another-Pass-2027?', confirmPassword: 'Another-Pass-2027?' })
    assert.ok(!changed.ok)
    assert.deepEqual(await api.customers.revealPassword({ id: created.value.id }), { ok: true, value: { password: PASSWORD } })
  })
})
