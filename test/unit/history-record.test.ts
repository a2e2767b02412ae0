import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { customerSchema } from '../../main/common/customer-model'
import { nexeticSubscriptionSchema } from '../../main/common/vendors/nexetic/subscription'
import { x360AccountSchema } from '../../main/common/vendors/x360/account'
import { describeHistoryValue, HISTORY_FIELD_LABELS, historyFieldLabel } from '../../main/common/history-labels'
import { trackedFields } from '../../main/services/customer-history'
import { addCustomer, addNexeticCustomer, customerForm, nexeticForm, openLicenseDesk, valueOf, VAULT_PASSWORD, x360Form } from '../helpers/license-fixtures'

const brief = (entries: { field: string; from: string | null; to: string | null; reason: string | null }[]) =>
  entries.map(({ field, from, to, reason }) => ({ field, from, to, reason }))

describe('customer history', () => {
  test('describeChanges compares every stored field a user can edit, and each has a label in words', () => {
    // The fields a user does not edit: ids and times, the history itself, and the password's time (recorded as x360.password).
    // The onboarding ticks are recorded by their own service, one entry per step (onboarding.test.ts).
    const notEdited = new Set(['id', 'createdAt', 'updatedAt', 'history', 'x360.passwordSetAt', 'onboarding'])
    const stored = [
      ...Object.keys(customerSchema.shape),
      ...Object.keys(x360AccountSchema.shape).map((key) => `x360.${key}`),
      ...Object.keys(nexeticSubscriptionSchema.shape).map((key) => `nexetic.${key}`),
    ].filter((field) => !notEdited.has(field))
    const tracked = new Set(trackedFields())
    assert.deepEqual(stored.filter((field) => !tracked.has(field)), [], 'every editable field is compared')
    for (const field of [...tracked, 'customer', 'x360.password']) assert.ok(HISTORY_FIELD_LABELS[field], `"${field}" has a label`)
    assert.equal(historyFieldLabel('nexetic.extraStorageGb'), 'Extra Storage')
  })

  test('an edit of the whole customer records each changed field with from, to and the reason', async (t) => {
    const { api } = await openLicenseDesk(t)
    const customer = await addCustomer(api, 'Contoso Ltd', { x360: x360Form('contoso', 'HQ'), nexetic: nexeticForm({ userLicenses: '25', extraStorage: '500' }) })
    const edited = valueOf(
      await api.customers.update({
        id: customer.id,
        form: customerForm('Contoso Limited', {
          notes: 'Pays yearly',
          x360: { ...x360Form('contoso_it', 'HQ, DR_Site'), password: '', confirmPassword: '' },
          nexetic: nexeticForm({ domain: 'Contoso.com', userLicenses: '30', extraStorage: '1 TB', notifyUsers: 'it@example.com; boss@example.com' }),
        }),
        reason: 'Contract renewal',
      }),
    )
    assert.deepEqual(brief(edited.history.slice(1)), [
      { field: 'companyName', from: 'Contoso Ltd', to: 'Contoso Limited', reason: 'Contract renewal' },
      { field: 'notes', from: null, to: 'Pays yearly', reason: 'Contract renewal' },
      { field: 'x360.username', from: 'contoso', to: 'contoso_it', reason: 'Contract renewal' },
      { field: 'x360.email', from: 'contoso@example.com', to: 'contoso_it@example.com', reason: 'Contract renewal' },
      { field: 'x360.locations', from: 'HQ', to: 'HQ, DR_Site', reason: 'Contract renewal' },
      { field: 'nexetic.organizationName', from: 'Contoso Ltd', to: 'Contoso Limited', reason: 'Contract renewal' },
      { field: 'nexetic.domain', from: null, to: 'contoso.com', reason: 'Contract renewal' },
      { field: 'nexetic.userLicenses', from: '25', to: '30', reason: 'Contract renewal' },
      { field: 'nexetic.extraStorageGb', from: '500', to: '1024', reason: 'Contract renewal' },
      { field: 'nexetic.notifyUsers', from: 'it@example.com', to: 'it@example.com; boss@example.com', reason: 'Contract renewal' },
    ])
    const removed = valueOf(await api.customers.update({ id: customer.id, form: customerForm('Contoso Limited', { notes: 'Pays yearly', x360: null, nexetic: null }) }))
    const sections = removed.history.filter((entry) => entry.field === 'x360' || entry.field === 'nexetic')
    assert.deepEqual(sections.map((entry) => `${historyFieldLabel(entry.field)}: ${describeHistoryValue(entry)}`), ['x360Recover account: removed', 'Nexetic subscription: removed'])
  })

  test('password changes are recorded as a fact and a time, never the value', async (t) => {
    const { api, storeText } = await openLicenseDesk(t)
    const customer = await addCustomer(api, 'Contoso Ltd', { x360: x360Form('contoso') })
    const newPassword = 'Another-Secret-77#'
    const changed = valueOf(await api.customers.changePassword({ id: customer.id, password: newPassword, confirmPassword: newPassword }))
    const thirdPassword = 'Third-Secret-88$x'
    const viaEdit = valueOf(
      await api.customers.update({
        id: customer.id,
        form: customerForm('Contoso Ltd', { x360: x360Form('contoso', 'HQ', thirdPassword) }),
        reason: 'Customer lost it',
      }),
    )
    const entries = viaEdit.history.filter((entry) => entry.field === 'x360.password')
    assert.deepEqual(brief(entries), [
      { field: 'x360.password', from: null, to: 'changed', reason: null },
      { field: 'x360.password', from: null, to: 'changed', reason: 'Customer lost it' },
    ])
    assert.equal(entries[0]?.at, changed.x360?.passwordSetAt)
    assert.equal(entries[1]?.at, viaEdit.x360?.passwordSetAt)
    assert.equal(describeHistoryValue(entries[0] ?? { field: '', from: null, to: null }), 'changed (the password itself is kept only in the keychain)')
    const text = await storeText()
    for (const secret of [VAULT_PASSWORD, newPassword, thirdPassword]) assert.ok(!text.includes(secret), 'no password is in the store file')
    assert.equal(valueOf(await api.customers.revealPassword({ id: customer.id })).password, thirdPassword, 'the keychain holds the latest')
  })

  test('history is only appended to: earlier entries stay exactly as they were, and survive a restart', async (t) => {
    const opened = await openLicenseDesk(t)
    const { api } = opened
    const customer = await addNexeticCustomer(api, 'Contoso Ltd', { userLicenses: '25', extraStorage: '500' })
    const snapshots = [valueOf(await api.customers.get({ id: customer.id })).history]
    const steps = [
      () => api.licenses.change({ id: customer.id, userLicenses: '26', extraStorage: '500', reason: 'one more' }),
      () => api.customers.update({ id: customer.id, form: customerForm('Contoso Limited', { nexetic: nexeticForm({ userLicenses: '26' }) }) }),
      () => api.licenses.change({ id: customer.id, userLicenses: '26', extraStorage: '2 TB', reason: '' }),
    ]
    for (const step of steps) snapshots.push(valueOf(await step()).history)
    const last = snapshots.at(-1)
    assert.ok(last)
    const storageChange = last.at(-1)
    assert.ok(storageChange)
    snapshots.push(valueOf(await api.licenses.undo({ id: customer.id, entryId: storageChange.id })).history)
    for (let index = 1; index < snapshots.length; index++) {
      const [before, after] = [snapshots[index - 1] ?? [], snapshots[index] ?? []]
      assert.ok(after.length > before.length, `step ${index} adds entries`)
      assert.deepEqual(after.slice(0, before.length), before, `step ${index} leaves earlier entries untouched`)
    }
    const final = snapshots.at(-1)
    const { api: reopened } = await opened.reopen()
    const afterRestart = valueOf(await reopened.customers.get({ id: customer.id }))
    assert.deepEqual(afterRestart.history, final, 'the whole history comes back after a restart')
    assert.equal(afterRestart.nexetic?.extraStorageGb, 500)
    assert.deepEqual(
      brief(afterRestart.history.filter((entry) => entry.field.startsWith('nexetic.'))),
      [
        { field: 'nexetic.userLicenses', from: '25', to: '26', reason: 'one more' },
        { field: 'nexetic.organizationName', from: 'Contoso Ltd', to: 'Contoso Limited', reason: null },
        { field: 'nexetic.extraStorageGb', from: '500', to: '2048', reason: null },
        { field: 'nexetic.extraStorageGb', from: '2048', to: '500', reason: `Undo of ${storageChange.at.slice(0, 10)} ${storageChange.at.slice(11, 16)} UTC change` },
      ],
    )
  })
})

describe('deletion log', () => {
  test('a deleted customer leaves a tombstone that is listed newest first and survives a restart', async (t) => {
    const opened = await openLicenseDesk(t)
    const { api } = opened
    assert.deepEqual(valueOf(await api.history.deletions({})), [])
    const contoso = await addCustomer(api, 'Contoso Ltd', { x360: x360Form('contoso') })
    const fabrikam = await addNexeticCustomer(api, 'Fabrikam')
    await addCustomer(api, 'Northwind')
    valueOf(await api.customers.delete({ id: contoso.id }))
    valueOf(await api.customers.delete({ id: fabrikam.id }))
    const log = valueOf(await api.history.deletions({}))
    assert.deepEqual(
      log.map(({ customerId, companyName, x360Username }) => ({ customerId, companyName, x360Username })),
      [
        { customerId: fabrikam.id, companyName: 'Fabrikam', x360Username: null },
        { customerId: contoso.id, companyName: 'Contoso Ltd', x360Username: 'contoso' },
      ],
    )
    assert.ok(log.every((tombstone) => !Number.isNaN(Date.parse(tombstone.deletedAt))))
    assert.ok(Date.parse(log[0]?.deletedAt ?? '') > Date.parse(log[1]?.deletedAt ?? ''))
    log.pop()
    assert.equal(valueOf(await api.history.deletions({})).length, 2, 'the answer is a copy: changing it changes nothing')

    const { api: reopened } = await opened.reopen()
    assert.deepEqual(valueOf(await reopened.history.deletions({})).map((tombstone) => tombstone.companyName), ['Fabrikam', 'Contoso Ltd'])
    assert.deepEqual(valueOf(await reopened.customers.list({})).map((customer) => customer.companyName), ['Northwind'])
    const extra = await reopened.history.deletions({ all: true } as never)
    assert.ok(!extra.ok && extra.error.code === 'invalid', 'the payload is strict')
  })
})
