import assert from 'node:assert/strict'
import { readdir, readFile } from 'node:fs/promises'
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

const PASSWORD = 'Keychain-Fault-2026!'
const withX360 = (companyName: string, username: string): CustomerForm => ({
  ...emptyCustomerForm(),
  companyName,
  x360: { username, email: `${username}@example.com`, locations: 'HQ', password: PASSWORD, confirmPassword: PASSWORD },
})

async function open(t: TestContext, extra: Partial<DeskOptions> = {}) {
  const { dataDir, keychainService } = await tempDesk(t)
  const reported: unknown[] = []
  const desk = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard(), report: (error) => reported.push(error), ...extra })
  t.after(() => desk.close())
  const api: DeskApi = createDeskApi((channel, payload) => dispatch(desk.handlers, channel, payload))
  return { api, dataDir, keychainService, reported }
}

/** Every file under the data folder, backups included, read as bytes. */
async function everyFile(dir: string): Promise<Buffer[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return Promise.all(entries.filter((entry) => entry.isFile()).map((entry) => readFile(join(entry.parentPath, entry.name))))
}

describe('keychain and store disagree', () => {
  test('a customer whose password is missing is reported, and Change Password repairs it', async (t) => {
    const { api, keychainService } = await open(t)
    const contoso = await api.customers.create({ form: withX360('Contoso', 'contoso_01') })
    const fabrikam = await api.customers.create({ form: withX360('Fabrikam', 'fabrikam_01') })
    const northwind = await api.customers.create({ form: { ...emptyCustomerForm(), companyName: 'Northwind' } })
    assert.ok(contoso.ok && fabrikam.ok && northwind.ok)
    assert.deepEqual(await api.maintenance.checkKeychain({}), { ok: true, value: { missing: [], leftover: [] } })

    // Someone removed the entry by hand, or the keychain was reset.
    await keytar.deletePassword(keychainService, accountFor(fabrikam.value.id))
    const report = await api.maintenance.checkKeychain({})
    assert.deepEqual(report, { ok: true, value: { missing: [{ customerId: fabrikam.value.id, companyName: 'Fabrikam', username: 'fabrikam_01' }], leftover: [] } })
    const copy = await api.customers.copyPassword({ id: fabrikam.value.id })
    assert.ok(!copy.ok && /Use Change Password to set a new one/.test(copy.error.message))

    const changed = await api.customers.changePassword({ id: fabrikam.value.id, password: 'New-Vault-Pass-77!', confirmPassword: 'New-Vault-Pass-77!' })
    assert.ok(changed.ok)
    assert.deepEqual(await api.maintenance.checkKeychain({}), { ok: true, value: { missing: [], leftover: [] } })
  })

  test('entries left over for customers that no longer exist are reported and removed, and only those', async (t) => {
    const { api, keychainService } = await open(t)
    const kept = await api.customers.create({ form: withX360('Contoso', 'contoso_01') })
    const gone = await api.customers.create({ form: withX360('Fabrikam', 'fabrikam_01') })
    assert.ok(kept.ok && gone.ok)
    assert.ok((await api.customers.delete({ id: gone.value.id })).ok)
    // As a crash between the keychain and the store would leave them: one for a deleted customer, one never saved.
    await keytar.setPassword(keychainService, accountFor(gone.value.id), 'left-behind-1')
    await keytar.setPassword(keychainService, accountFor('never-saved'), 'left-behind-2')

    const report = await api.maintenance.checkKeychain({})
    assert.ok(report.ok)
    assert.deepEqual(report.value.missing, [])
    assert.deepEqual(
      new Set(report.value.leftover.map((entry) => `${entry.customerId}:${entry.companyName}:${entry.why}`)),
      new Set([`${gone.value.id}:Fabrikam:deleted`, 'never-saved:null:unknown']),
    )

    // The page asks to remove one of the leftovers and, wrongly, a live customer's entry: only the leftover goes.
    const removed = await api.maintenance.removeLeftoverPasswords({ customerIds: ['never-saved', kept.value.id, 'never-saved'] })
    assert.deepEqual(removed, { ok: true, value: { removed: 1 } })
    assert.equal(await keytar.getPassword(keychainService, accountFor(kept.value.id)), PASSWORD)
    assert.equal(await keytar.getPassword(keychainService, accountFor('never-saved')), null)
    assert.deepEqual(await api.maintenance.removeLeftoverPasswords({ customerIds: [gone.value.id] }), { ok: true, value: { removed: 1 } })
    assert.deepEqual(await api.maintenance.checkKeychain({}), { ok: true, value: { missing: [], leftover: [] } })
  })
})

describe('removing an x360Recover account', () => {
  test('an edit that removes the account removes its password from the keychain', async (t) => {
    const { api, keychainService } = await open(t)
    const contoso = await api.customers.create({ form: withX360('Contoso', 'contoso_01') })
    assert.ok(contoso.ok)
    const removed = await api.customers.update({ id: contoso.value.id, form: { ...emptyCustomerForm(), companyName: 'Contoso' }, reason: 'moved to another vendor' })
    assert.ok(removed.ok && removed.value.x360 === null)
    assert.deepEqual(await keytar.findCredentials(keychainService), [], 'no password is left for the removed account')
    assert.deepEqual(await api.maintenance.checkKeychain({}), { ok: true, value: { missing: [], leftover: [] } })
  })

  test('an entry of a customer that exists but has no account is reported as left over, and can be removed', async (t) => {
    const { api, keychainService } = await open(t)
    const northwind = await api.customers.create({ form: { ...emptyCustomerForm(), companyName: 'Northwind' } })
    const contoso = await api.customers.create({ form: withX360('Contoso', 'contoso_01') })
    assert.ok(northwind.ok && contoso.ok)
    // As an older desk left it behind when the account was removed.
    await keytar.setPassword(keychainService, accountFor(northwind.value.id), 'left-behind-3')
    assert.deepEqual(await api.maintenance.checkKeychain({}), { ok: true, value: { missing: [], leftover: [{ customerId: northwind.value.id, companyName: 'Northwind', why: 'no-account' }] } })
    assert.deepEqual(await api.maintenance.removeLeftoverPasswords({ customerIds: [northwind.value.id, contoso.value.id] }), { ok: true, value: { removed: 1 } })
    assert.equal(await keytar.getPassword(keychainService, accountFor(northwind.value.id)), null)
    assert.equal(await keytar.getPassword(keychainService, accountFor(contoso.value.id)), PASSWORD, 'the live account keeps its password')
  })

  test('a second desk\'s service whose name starts with ours ("… 2") does not show among our leftovers', async (t) => {
    const { api, keychainService } = await open(t)
    t.after(async () => void (await keytar.deletePassword(`${keychainService} 2`, accountFor('second-desk'))))
    await keytar.setPassword(`${keychainService} 2`, accountFor('second-desk'), 'Second-Desk-Pass-1!')
    assert.deepEqual(await api.maintenance.checkKeychain({}), { ok: true, value: { missing: [], leftover: [] } })
  })
})

describe('a password the keychain would change', () => {
  // The field rules may refuse these first (control characters, ill-formed text); either way it is refused at the field.
  test('Change Password with a NUL is refused at the password field, and the previous password and the history stay', async (t) => {
    const { api, keychainService } = await open(t)
    const contoso = await api.customers.create({ form: withX360('Contoso', 'contoso_01') })
    assert.ok(contoso.ok)
    const cut = 'Before-NUL\u0000after-2026!'
    const changed = await api.customers.changePassword({ id: contoso.value.id, password: cut, confirmPassword: cut })
    assert.ok(!changed.ok && changed.error.code === 'invalid' && changed.error.fields?.password, 'refused at the password field')
    assert.deepEqual((await keytar.findCredentials(keychainService)).map(({ account, password }) => [account, password]), [[accountFor(contoso.value.id), PASSWORD]])
    const after = await api.customers.get({ id: contoso.value.id })
    assert.ok(after.ok && after.value.history.length === 1 && after.value.x360?.passwordSetAt === contoso.value.x360?.passwordSetAt, 'the store records no change')
  })

  test('a new customer whose password has a lone surrogate is refused at its field, and nothing is saved', async (t) => {
    const { api, keychainService } = await open(t)
    const form = withX360('Contoso', 'contoso_01')
    const lone = 'Lone-\ud800-surrogate-2026!'
    const created = await api.customers.create({ form: { ...form, x360: form.x360 && { ...form.x360, password: lone, confirmPassword: lone } } })
    assert.ok(!created.ok && created.error.code === 'invalid' && created.error.fields?.['x360.password'], 'refused at the password field')
    assert.deepEqual(await api.customers.list({}), { ok: true, value: [] })
    assert.deepEqual(await keytar.findCredentials(keychainService), [])
  })
})

describe('a locked or missing keychain', () => {
  const locked: KeychainBackend = {
    setPassword: () => Promise.reject(new Error(`Cannot create an item in a locked collection (${PASSWORD})`)),
    getPassword: () => Promise.reject(new Error('The collection is locked')),
    deletePassword: () => Promise.reject(new Error('The collection is locked')),
    findCredentials: () => Promise.reject(new Error('org.freedesktop.DBus.Error.ServiceUnknown')),
  }

  test('every keychain action answers with the clear keychain-unavailable message and writes nothing in its place', async (t) => {
    const { api, dataDir, reported } = await open(t, { vault: createKeychainVault('unused', locked) })
    const created = await api.customers.create({ form: withX360('Contoso', 'contoso_01') })
    assert.ok(!created.ok)
    assert.deepEqual(created.error, {
      code: 'keychain-unavailable',
      message: 'The system keychain is not available (it may be locked, or its service is not running). Unlock it and try again; nothing was saved in its place.',
    })
    const check = await api.maintenance.checkKeychain({})
    assert.ok(!check.ok && check.error.code === 'keychain-unavailable')

    // A customer without x360Recover needs no keychain, so the store works; then its account cannot be added.
    const plain = await api.customers.create({ form: { ...emptyCustomerForm(), companyName: 'Northwind' } })
    assert.ok(plain.ok)
    const addAccount = await api.customers.update({ id: plain.value.id, form: withX360('Northwind', 'northwind_01') })
    assert.ok(!addAccount.ok && addAccount.error.code === 'keychain-unavailable')

    const stored = JSON.parse(await readFile(join(dataDir, 'customers.json'), 'utf8')) as { customers: { companyName: string; x360: unknown }[] }
    assert.deepEqual(stored.customers.map((customer) => [customer.companyName, customer.x360]), [['Northwind', null]], 'no customer was saved without its password')
    for (const bytes of await everyFile(dataDir)) assert.ok(!bytes.includes(PASSWORD), 'no file holds the password')
    assert.deepEqual(reported, [], 'nothing was logged, so nothing could leak there')
  })
})
