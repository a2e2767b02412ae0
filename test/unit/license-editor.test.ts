import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { formatStorage } from '../../main/common/formats'
import { describeLicenseChange } from '../../main/common/vendors/nexetic/license-change'
import { dispatch } from '../../main/ipc/handler-table'
import { addCustomer, addNexeticCustomer, openLicenseDesk, valueOf, x360Form } from '../helpers/license-fixtures'

describe('license and storage editor channel', () => {
  test('rejects invalid values at the field and changes nothing', async (t) => {
    const { api, storeText } = await openLicenseDesk(t)
    const customer = await addNexeticCustomer(api, 'Contoso Ltd', { userLicenses: '25', extraStorage: '500' })
    const before = await storeText()
    const badLicenses = ['0', '1.5', '-1', 'abc', '', '10 TB', '1e3']
    const badStorage = ['-1', 'abc', '1.5', '0.001 TB', '', '12 MB']
    for (const userLicenses of badLicenses) {
      const result = await api.licenses.change({ id: customer.id, userLicenses, extraStorage: '500', reason: '' })
      assert.ok(!result.ok, `licenses "${userLicenses}" is refused`)
      assert.equal(result.error.code, 'invalid')
      assert.deepEqual(Object.keys(result.error.fields ?? {}), ['userLicenses'], `licenses "${userLicenses}" is reported at its field`)
    }
    for (const extraStorage of badStorage) {
      const result = await api.licenses.change({ id: customer.id, userLicenses: '25', extraStorage, reason: '' })
      assert.ok(!result.ok, `storage "${extraStorage}" is refused`)
      assert.deepEqual(Object.keys(result.error.fields ?? {}), ['extraStorage'], `storage "${extraStorage}" is reported at its field`)
    }
    const both = await api.licenses.change({ id: customer.id, userLicenses: '0', extraStorage: '0.001 TB', reason: '' })
    assert.ok(!both.ok)
    assert.deepEqual(both.error.fields, {
      userLicenses: 'User Licenses must be at least 1.',
      extraStorage: '0.001 TB is 1.024 GB, which is not a whole number of GB.',
    })
    assert.equal(await storeText(), before, 'a refused change leaves the file as it was')
    assert.equal(valueOf(await api.customers.get({ id: customer.id })).history.length, 1)
  })

  test('accepts TB and whole GB, including 0 GB, and stores GB', async (t) => {
    const { api } = await openLicenseDesk(t)
    const customer = await addNexeticCustomer(api, 'Contoso Ltd')
    const cases: [string, number][] = [['2 TB', 2048], ['1.5tb', 1536], [' 750 GB ', 750], ['0', 0]]
    for (const [extraStorage, gb] of cases) {
      const updated = valueOf(await api.licenses.change({ id: customer.id, userLicenses: '25', extraStorage, reason: '' }))
      assert.equal(updated.nexetic?.extraStorageGb, gb, `"${extraStorage}" is ${gb} GB`)
    }
  })

  test('a change is in the history with from, to, reason and time, in memory and in the file', async (t) => {
    const { api, storeText } = await openLicenseDesk(t)
    const customer = await addNexeticCustomer(api, 'Contoso Ltd', { userLicenses: '25', extraStorage: '500' })
    const updated = valueOf(await api.licenses.change({ id: customer.id, userLicenses: '30', extraStorage: '1 TB', reason: '  Five new staff  ' }))
    assert.equal(updated.nexetic?.userLicenses, 30)
    assert.equal(updated.nexetic?.extraStorageGb, 1024)
    const added = updated.history.slice(1).map(({ field, from, to, reason }) => ({ field, from, to, reason }))
    assert.deepEqual(added, [
      { field: 'nexetic.userLicenses', from: '25', to: '30', reason: 'Five new staff' },
      { field: 'nexetic.extraStorageGb', from: '500', to: '1024', reason: 'Five new staff' },
    ])
    const [licenses, storage] = updated.history.slice(1)
    assert.ok(licenses && storage)
    assert.equal(licenses.at, storage.at, 'one save, one time')
    assert.ok(Date.parse(licenses.at) > Date.parse(customer.createdAt))
    assert.notEqual(licenses.id, storage.id)

    const onDisk = JSON.parse(await storeText()) as { customers: { id: string; nexetic: { userLicenses: number }; history: unknown[] }[] }
    const stored = onDisk.customers.find((c) => c.id === customer.id)
    assert.equal(stored?.nexetic.userLicenses, 30)
    assert.deepEqual(stored?.history, updated.history)

    const onlyStorage = valueOf(await api.licenses.change({ id: customer.id, userLicenses: '30', extraStorage: '2048', reason: '' }))
    assert.deepEqual(
      onlyStorage.history.slice(3).map(({ field, from, to, reason }) => ({ field, from, to, reason })),
      [{ field: 'nexetic.extraStorageGb', from: '1024', to: '2048', reason: null }],
      'only the value that changed is recorded, and no reason typed is recorded as none',
    )
  })

  test('says clearly when nothing changed, and records nothing', async (t) => {
    const { api } = await openLicenseDesk(t)
    const customer = await addNexeticCustomer(api, 'Contoso Ltd', { userLicenses: '25', extraStorage: '2048' })
    const result = await api.licenses.change({ id: customer.id, userLicenses: ' 25 ', extraStorage: '2 TB', reason: 'again' })
    assert.deepEqual(result, {
      ok: false,
      error: { code: 'invalid', message: 'Nothing changed: the customer already has 25 User Licenses and 2,048 GB (2 TB) of Extra Storage.' },
    })
    assert.equal(valueOf(await api.customers.get({ id: customer.id })).history.length, 1)
  })

  test('refuses a customer without a Nexetic subscription, and one that does not exist', async (t) => {
    const { api } = await openLicenseDesk(t)
    const x360Only = await addCustomer(api, 'Fabrikam', { x360: x360Form('fabrikam') })
    const refused = await api.licenses.change({ id: x360Only.id, userLicenses: '5', extraStorage: '0', reason: '' })
    assert.ok(!refused.ok)
    assert.equal(refused.error.code, 'invalid')
    assert.match(refused.error.message, /no Nexetic subscription/)
    assert.equal(refused.error.fields, undefined)
    const missing = await api.licenses.change({ id: 'no-such-id', userLicenses: '5', extraStorage: '0', reason: '' })
    assert.ok(!missing.ok)
    assert.equal(missing.error.code, 'not-found')
  })

  test('the payload is checked strictly before the service runs', async (t) => {
    const { desk, api } = await openLicenseDesk(t)
    const customer = await addNexeticCustomer(api, 'Contoso Ltd')
    for (const payload of [
      { id: customer.id, userLicenses: 30, extraStorage: '0' },
      { id: customer.id, userLicenses: '30', extraStorage: '0', reason: '', storageType: 'Finnish S3 Storage' },
      { id: customer.id, userLicenses: '30', extraStorage: '0', reason: 'x'.repeat(501) },
      { id: customer.id, userLicenses: '3'.repeat(51), extraStorage: '0' },
    ]) {
      const result = await dispatch(desk.handlers, 'desk:licenses.change', payload)
      assert.ok(!result.ok && result.error.code === 'invalid' && result.error.message === 'The request was not in the expected form.')
    }
    assert.equal(valueOf(await api.customers.get({ id: customer.id })).nexetic?.userLicenses, 25)
  })
})

describe('describeLicenseChange', () => {
  test('shows each difference with its sign, and nothing when equal', () => {
    assert.deepEqual(describeLicenseChange({ userLicenses: 20, extraStorageGb: 1024 }, { userLicenses: 25, extraStorageGb: 512 }), {
      changed: true,
      licensesDelta: 5,
      storageDeltaGb: -512,
      lines: ['User Licenses: 20 → 25 (+5)', 'Extra Storage: 1,024 GB (1 TB) → 512 GB (−512 GB)'],
    })
    assert.deepEqual(describeLicenseChange({ userLicenses: 1500, extraStorageGb: 0 }, { userLicenses: 1000, extraStorageGb: 0 }).lines, ['User Licenses: 1,500 → 1,000 (−500)'])
    assert.deepEqual(describeLicenseChange({ userLicenses: 3, extraStorageGb: 3 }, { userLicenses: 3, extraStorageGb: 3 }), {
      changed: false,
      licensesDelta: 0,
      storageDeltaGb: 0,
      lines: [],
    })
  })

  test('formats storage in GB with an exact TB figure only', () => {
    assert.equal(formatStorage(0, 'en-US'), '0 GB')
    assert.equal(formatStorage(500, 'en-US'), '500 GB')
    assert.equal(formatStorage(1536, 'en-US'), '1,536 GB (1.5 TB)')
    assert.equal(formatStorage(1100, 'en-US'), '1,100 GB')
  })
})
