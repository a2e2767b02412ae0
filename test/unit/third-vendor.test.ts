// First: the third vendor is registered before any module builds its schemas from the registry.
import '../helpers/third-vendor/register'
import assert from 'node:assert/strict'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { parse } from 'csv-parse/sync'
import { checkCustomerForm, emptyCustomerForm, type CustomerForm } from '../../main/common/customer-form'
import { describeHistoryValue, historyFieldLabel } from '../../main/common/history-labels'
import { computeTotals } from '../../main/common/totals'
import { adjustableVendorOf, hasAdjustableFigures, undoableEntryIds } from '../../main/common/vendors/adjustable'
import { registerVendor, vendors } from '../../main/common/vendors/registry'
import { createDesk } from '../../main/desk'
import { dispatch } from '../../main/ipc/handler-table'
import { createMemoryClipboard } from '../../main/services/secret-clipboard'
import { createDeskApi } from '../../preload/desk-api'
import { matchesService, queryCustomers, DEFAULT_QUERY } from '../../renderer/src/features/customers/customer-query'
import { coveVendor, SEATS_RULE, type CoveAccount } from '../helpers/third-vendor/definition'
import { tempDesk } from '../helpers/temp-desk'
import { SEATS_ADJUST_RULE, SEATS_FIELD } from '../helpers/third-vendor/adjustments'
import { nexeticForm } from '../helpers/license-fixtures'
import { openExportDesk, unwrap } from '../helpers/export-fixtures'

/** The third vendor's account on a customer, read by its key as the desk does (the built-in types do not name it). */
const coveOf = (customer: object): CoveAccount | null => ((customer as Record<string, unknown>).cove as CoveAccount | null | undefined) ?? null

const withCove = (companyName: string, cove: { partnerName: string; seats: string } | null): CustomerForm =>
  ({ ...emptyCustomerForm(), companyName, cove }) as CustomerForm

describe('a third vendor defined only in the test folder', () => {
  test('is listed after the built-in vendors, and a vendor registered once the desk uses the list is refused', () => {
    assert.deepEqual(
      vendors().map((vendor) => vendor.key),
      ['x360', 'nexetic', 'cove'],
    )
    assert.throws(() => registerVendor({ ...coveVendor, key: 'late' }), /registered too late/)
  })

  test('the form check applies its own rule at its own field, and makes its draft', () => {
    const refused = checkCustomerForm(withCove('Contoso', { partnerName: 'Contoso MSP', seats: 'many' }), { requirePassword: false })
    assert.deepEqual(refused, { ok: false, fields: { 'cove.seats': SEATS_RULE } })
    const passed = checkCustomerForm(withCove('Contoso', { partnerName: ' Contoso MSP ', seats: '25' }), { requirePassword: false })
    assert.ok(passed.ok)
    assert.deepEqual(coveOf(passed.draft), { partnerName: 'Contoso MSP', seats: 25 })
    assert.equal(passed.draft.x360, null)
  })

  test('create, edit, list, search, service filter, history and totals pick it up through the real handler table', async (t) => {
    const { api } = await openExportDesk(t)
    const refused = await api.customers.create({ form: withCove('Contoso', { partnerName: 'Contoso MSP', seats: '0' }) })
    assert.ok(!refused.ok)
    assert.deepEqual(refused.error.fields, { 'cove.seats': SEATS_RULE })

    const created = unwrap(await api.customers.create({ form: withCove('Contoso', { partnerName: 'Contoso MSP', seats: '25' }) }))
    assert.deepEqual(coveOf(created), { partnerName: 'Contoso MSP', seats: 25 })
    unwrap(await api.customers.create({ form: withCove('Fabrikam', null) }))

    const edited = unwrap(
      await api.customers.update({ id: created.id, form: withCove('Contoso', { partnerName: 'Contoso MSP', seats: '30' }), reason: 'more seats' }),
    )
    const entry = edited.history.find((item) => item.field === 'cove.seats')
    assert.deepEqual(entry && { from: entry.from, to: entry.to, reason: entry.reason }, { from: '25', to: '30', reason: 'more seats' })
    assert.equal(historyFieldLabel('cove.seats'), 'Seats')
    assert.equal(historyFieldLabel('cove'), 'Cove subscription')
    assert.equal(describeHistoryValue(entry ?? { field: '', from: null, to: null }), '25 → 30')

    const list = unwrap(await api.customers.list({}))
    assert.deepEqual(coveOf(list.find((customer) => customer.id === created.id) ?? {}), { partnerName: 'Contoso MSP', seats: 30 })
    // The renderer's own search and service filter, run in Node on the list main sent.
    const names = (query: Partial<typeof DEFAULT_QUERY>) => queryCustomers(list, { ...DEFAULT_QUERY, ...query }).map((customer) => customer.companyName)
    assert.deepEqual(names({ search: 'contoso msp' }), ['Contoso'])
    assert.deepEqual(names({ service: 'cove' }), ['Contoso'])
    assert.deepEqual(names({ service: 'none' }), ['Fabrikam'])
    assert.equal(matchesService(list[0] ?? list[1]!, 'every'), false, 'no customer has all three services')

    const totals = computeTotals(list) as unknown as Record<string, unknown>
    assert.deepEqual(totals.cove, { customers: 1, seats: 30 })
    assert.equal(totals.customers, 2)
  })

  test('CSV export writes its columns, and an import reads them back with its rule at its column', async (t) => {
    const from = await openExportDesk(t)
    unwrap(await from.api.customers.create({ form: withCove('Contoso', { partnerName: 'Contoso MSP', seats: '25' }) }))
    const saved = unwrap(await from.api.exports.listExport({ format: 'csv' }))
    if (saved.kind !== 'saved') throw new Error('the save dialog was closed')
    const [header = [], row = []] = parse(await readFile(saved.filePath, 'utf8'), { bom: true }) as string[][]
    const cell = (name: string) => row[header.indexOf(name)]
    assert.ok(header.indexOf('Cove Partner') < header.indexOf('Notes'), 'its columns come with the other vendors’, before Notes')
    assert.equal(cell('Cove Partner'), 'Contoso MSP')
    assert.equal(cell('Seats'), '25')

    const into = await openExportDesk(t)
    const file = join(into.folder, 'back.csv')
    await writeFile(file, await readFile(saved.filePath))
    into.dialogs.openWith(file)
    const preview = unwrap(await into.api.exports.importPreview({}))
    if (preview.kind !== 'preview' || preview.token === null) throw new Error(`not importable: ${JSON.stringify(preview)}`)
    assert.deepEqual(preview.rows.map((r) => [r.companyName, r.services]), [['Contoso', ['cove']]])
    unwrap(await into.api.exports.importConfirm({ token: preview.token }))
    const [imported] = unwrap(await into.api.customers.list({}))
    assert.deepEqual(coveOf(imported ?? {}), { partnerName: 'Contoso MSP', seats: 25 })

    const bad = join(into.folder, 'bad.csv')
    await writeFile(bad, 'Customer Company Name,Cove Partner,Seats\nNorthwind,Northwind MSP,none\n')
    into.dialogs.openWith(bad)
    const refused = unwrap(await into.api.exports.importPreview({}))
    if (refused.kind !== 'preview') throw new Error('the dialog was closed')
    assert.deepEqual(refused.errors, [{ row: 2, column: 'Seats', message: SEATS_RULE }])
  })

  test('a customer file written before the vendor existed opens with no migration: its customers have no such account', async (t) => {
    const { dataDir, keychainService } = await tempDesk(t)
    const desk = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard(), locale: 'en-US' })
    const api = createDeskApi((channel, payload) => dispatch(desk.handlers, channel, payload))
    const created = unwrap(await api.customers.create({ form: withCove('Contoso', null) }))
    await desk.close()
    const file = join(dataDir, 'customers.json')
    const stored = JSON.parse(await readFile(file, 'utf8')) as { customers: Record<string, unknown>[] }
    for (const customer of stored.customers) delete customer.cove
    await writeFile(file, JSON.stringify(stored))

    const reopened = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard(), locale: 'en-US' })
    t.after(() => reopened.close())
    const again = createDeskApi((channel, payload) => dispatch(reopened.handlers, channel, payload))
    const [customer] = unwrap(await again.customers.list({}))
    assert.equal(customer?.id, created.id)
    assert.equal(coveOf(customer ?? {}), null)
    assert.equal(unwrap(await again.app.status({})).store.kind, 'ok', 'the file was read as it is, not set aside')
  })
})

describe('a third vendor with figures the licence editor adjusts', () => {
  test('its customers get the editor: a change with its rule, its message, the history, and an undo, on a real store', async (t) => {
    const { api } = await openExportDesk(t)
    const contoso = unwrap(await api.customers.create({ form: withCove('Contoso', { partnerName: 'Contoso MSP', seats: '25' }) }))
    assert.equal(adjustableVendorOf(contoso)?.key, 'cove')

    const refused = await api.licenses.change({ id: contoso.id, seats: 'many', reason: '' })
    assert.ok(!refused.ok)
    assert.deepEqual(refused.error.fields, { seats: SEATS_ADJUST_RULE })
    const same = await api.licenses.change({ id: contoso.id, seats: '25', reason: '' })
    assert.ok(!same.ok)
    assert.equal(same.error.message, 'Nothing changed: the Cove partner already has 25 seats.')
    const foreign = await api.licenses.change({ id: contoso.id, seats: '30', extraStorage: '0', reason: '' })
    assert.ok(!foreign.ok, 'an input of another vendor is refused by the contract')

    const changed = unwrap(await api.licenses.change({ id: contoso.id, seats: '30', reason: 'growth' }))
    assert.deepEqual(coveOf(changed), { partnerName: 'Contoso MSP', seats: 30 })
    const entry = changed.history.at(-1)
    assert.deepEqual(entry && { field: entry.field, from: entry.from, to: entry.to, reason: entry.reason }, { field: SEATS_FIELD, from: '25', to: '30', reason: 'growth' })
    assert.deepEqual(undoableEntryIds(changed), [entry?.id])

    const undone = unwrap(await api.licenses.undo({ id: contoso.id, entryId: entry?.id ?? '' }))
    assert.equal(coveOf(undone)?.seats, 25)
    const undo = undone.history.at(-1)
    assert.deepEqual(undo && { field: undo.field, from: undo.from, to: undo.to, undoOf: undo.undoOf }, { field: SEATS_FIELD, from: '30', to: '25', undoOf: entry?.id })
    assert.equal(undo?.reason, `Cove undo of ${entry?.at}`)
  })

  test('a Nexetic customer keeps its own editor, and a customer with neither is refused in the first vendor\'s words', async (t) => {
    const { api } = await openExportDesk(t)
    const both = unwrap(
      await api.customers.create({ form: { ...withCove('Tailspin', { partnerName: 'Tailspin MSP', seats: '5' }), nexetic: nexeticForm({ userLicenses: '20' }) } as CustomerForm }),
    )
    assert.equal(adjustableVendorOf(both)?.key, 'nexetic', 'the first adjustable vendor the customer holds')
    const changed = unwrap(await api.licenses.change({ id: both.id, userLicenses: '21', extraStorage: '0', reason: '' }))
    assert.equal(changed.nexetic?.userLicenses, 21)
    assert.equal(coveOf(changed)?.seats, 5)

    const none = unwrap(await api.customers.create({ form: withCove('Fabrikam', null) }))
    assert.equal(hasAdjustableFigures(none), false)
    const refused = await api.licenses.change({ id: none.id, seats: '3', reason: '' })
    assert.ok(!refused.ok)
    assert.match(refused.error.message, /no Nexetic subscription/)
  })
})
