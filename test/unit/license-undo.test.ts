import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { undoableEntryIds } from '../../main/common/vendors/adjustable'
import { addCustomer, addNexeticCustomer, nexeticForm, customerForm, openLicenseDesk, valueOf } from '../helpers/license-fixtures'

describe('undo of a license or storage change', () => {
  test('restores the earlier value and records the undo as a new change pointing at the entry', async (t) => {
    const { api, storeText } = await openLicenseDesk(t)
    const customer = await addNexeticCustomer(api, 'Contoso Ltd', { userLicenses: '25', extraStorage: '500' })
    const changed = valueOf(await api.licenses.change({ id: customer.id, userLicenses: '40', extraStorage: '500', reason: 'Typo in ticket' }))
    const entry = changed.history.at(-1)
    assert.ok(entry)
    assert.deepEqual(undoableEntryIds(changed), [entry.id])

    const undone = valueOf(await api.licenses.undo({ id: customer.id, entryId: entry.id }))
    assert.equal(undone.nexetic?.userLicenses, 25)
    assert.equal(undone.history.length, changed.history.length + 1)
    assert.deepEqual(undone.history.slice(0, changed.history.length), changed.history, 'earlier entries are untouched')
    const undo = undone.history.at(-1)
    assert.deepEqual(
      { field: undo?.field, from: undo?.from, to: undo?.to, reason: undo?.reason, undoOf: undo?.undoOf },
      { field: 'nexetic.userLicenses', from: '40', to: '25', reason: `Undo of ${entry.at.slice(0, 10)} ${entry.at.slice(11, 16)} UTC change`, undoOf: entry.id },
    )
    assert.ok(undo && Date.parse(undo.at) > Date.parse(entry.at))
    const stored = (JSON.parse(await storeText()) as { customers: { nexetic: { userLicenses: number }; history: unknown[] }[] }).customers[0]
    assert.equal(stored?.nexetic.userLicenses, 25)
    assert.deepEqual(stored?.history, undone.history)
  })

  test('storage is undone on its own; each value offers the undo of its own latest change', async (t) => {
    const { api } = await openLicenseDesk(t)
    const customer = await addNexeticCustomer(api, 'Contoso Ltd', { userLicenses: '25', extraStorage: '500' })
    const changed = valueOf(await api.licenses.change({ id: customer.id, userLicenses: '30', extraStorage: '2 TB', reason: '' }))
    const [licenses, storage] = changed.history.slice(-2)
    assert.ok(licenses && storage)
    assert.deepEqual(undoableEntryIds(changed).sort(), [licenses.id, storage.id].sort())
    const undone = valueOf(await api.licenses.undo({ id: customer.id, entryId: storage.id }))
    assert.deepEqual(undone.nexetic && { l: undone.nexetic.userLicenses, s: undone.nexetic.extraStorageGb }, { l: 30, s: 500 })
    const undo = undone.history.at(-1)
    assert.ok(undo)
    assert.deepEqual(undoableEntryIds(undone).sort(), [licenses.id, undo.id].sort(), 'the undo itself is now the latest storage change')
  })

  test('refuses when the value was changed again since, with a clear message', async (t) => {
    const { api } = await openLicenseDesk(t)
    const customer = await addNexeticCustomer(api, 'Contoso Ltd', { userLicenses: '10' })
    const first = valueOf(await api.licenses.change({ id: customer.id, userLicenses: '20', extraStorage: '500', reason: '' })).history.at(-1)
    valueOf(await api.licenses.change({ id: customer.id, userLicenses: '30', extraStorage: '500', reason: '' }))
    assert.ok(first)
    const refused = await api.licenses.undo({ id: customer.id, entryId: first.id })
    assert.deepEqual(refused, {
      ok: false,
      error: { code: 'conflict', message: 'User Licenses is now 30, not 20 as that change left it, so the change cannot be undone. Edit the value instead.' },
    })
    // Back at 20 by a later change: the old entry matches the value again, but it is no longer the latest change.
    const third = valueOf(await api.licenses.change({ id: customer.id, userLicenses: '20', extraStorage: '500', reason: '' })).history.at(-1)
    const stillRefused = await api.licenses.undo({ id: customer.id, entryId: first.id })
    assert.ok(!stillRefused.ok)
    assert.equal(stillRefused.error.code, 'conflict')
    assert.match(stillRefused.error.message, /^Only the latest change of User Licenses can be undone: it was changed again on \d{4}-\d\d-\d\d \d\d:\d\d UTC\.$/)
    const after = valueOf(await api.customers.get({ id: customer.id }))
    assert.equal(after.nexetic?.userLicenses, 20)
    assert.equal(after.history.at(-1)?.id, third?.id, 'refused undos record nothing')
  })

  test('refuses entries that are not license or storage changes, unknown entries, and a first value', async (t) => {
    const { api } = await openLicenseDesk(t)
    const plain = await addCustomer(api, 'Fabrikam')
    const renamed = valueOf(await api.customers.update({ id: plain.id, form: customerForm('Fabrikam Ltd') }))
    const rename = renamed.history.find((entry) => entry.field === 'companyName')
    assert.ok(rename)
    const notLicense = await api.licenses.undo({ id: plain.id, entryId: rename.id })
    assert.deepEqual(notLicense, { ok: false, error: { code: 'invalid', message: 'Only a change of User Licenses or Extra Storage can be undone.' } })
    const created = renamed.history[0]
    assert.ok(created)
    assert.ok(!(await api.licenses.undo({ id: plain.id, entryId: created.id })).ok)

    const unknown = await api.licenses.undo({ id: plain.id, entryId: 'no-such-entry' })
    assert.ok(!unknown.ok && unknown.error.code === 'not-found')

    // The subscription added by an edit: its first license count has nothing earlier to go back to.
    const withNexetic = valueOf(await api.customers.update({ id: plain.id, form: customerForm('Fabrikam Ltd', { nexetic: nexeticForm() }) }))
    const firstLicenses = withNexetic.history.find((entry) => entry.field === 'nexetic.userLicenses')
    assert.ok(firstLicenses && firstLicenses.from === null)
    const refused = await api.licenses.undo({ id: plain.id, entryId: firstLicenses.id })
    assert.ok(!refused.ok)
    assert.match(refused.error.message, /no earlier value to go back to/)
    assert.deepEqual(undoableEntryIds(withNexetic), [])
  })

  test('a license change made in the full customer form can be undone too', async (t) => {
    const { api } = await openLicenseDesk(t)
    const customer = await addNexeticCustomer(api, 'Contoso Ltd', { userLicenses: '25' })
    const edited = valueOf(await api.customers.update({ id: customer.id, form: customerForm('Contoso Ltd', { nexetic: nexeticForm({ userLicenses: '26' }) }) }))
    const entry = edited.history.at(-1)
    assert.equal(entry?.field, 'nexetic.userLicenses')
    assert.ok(entry)
    assert.equal(valueOf(await api.licenses.undo({ id: customer.id, entryId: entry.id })).nexetic?.userLicenses, 25)
  })
})
