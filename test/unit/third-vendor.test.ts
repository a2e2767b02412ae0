// First: the third vendor is registered before any module builds its schemas from the registry.
import '../helpers/third-vendor/register'
import assert from 'node:assert/strict'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { parse } from 'csv-parse/sync'
import { checkCustomerForm, emptyCustomerForm, type CustomerForm } from '../../main/common/customer-form'
import type { Customer, HistoryEntry } from '../../main/common/customer-model'
import { describeHistoryValue, historyFieldLabel } from '../../main/common/history-labels'
import { followUpState } from '../../main/common/password-follow-up'
import { computeTotals } from '../../main/common/totals'
import { passwordFollowUpField } from '../../main/common/vendors/accounts'
import { passwordWords } from '../../main/common/vendors/password-words'
import { registerVendor, vendors } from '../../main/common/vendors/registry'
import { createDesk } from '../../main/desk'
import { dispatch } from '../../main/ipc/handler-table'
import { createMemoryClipboard } from '../../main/services/secret-clipboard'
import { createDeskApi } from '../../preload/desk-api'
import { matchesService, queryCustomers, DEFAULT_QUERY } from '../../renderer/src/features/customers/customer-query'
import { sheetContents } from '../../renderer/src/features/exports/export-text'
import { coveVendor, SEATS_RULE, type CoveAccount } from '../helpers/third-vendor/definition'
import { tempDesk } from '../helpers/temp-desk'
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

describe('the Vault password features ask the password vendor, and the sheet lists every vendor', () => {
  // Cove as if it held the password: the registry allows one password vendor, so the follow-up is given it directly.
  const coveWithPassword = {
    ...coveVendor,
    password: {
      field: 'secret',
      confirmField: 'confirmSecret',
      label: 'Cove Secret',
      username: (account: CoveAccount) => account.partnerName,
      usernameField: 'partnerName',
      setAt: () => null,
      setAtHeader: 'Secret Set At',
      anAccount: 'a Cove subscription',
      portalName: 'Cove Management Console',
      loginNote: 'The partner logs into Cove with this.',
      changeSteps: [
        { id: 'console-reset', label: 'Reset in the Cove console', detail: 'Under Users, reset the secret.', source: { title: 'Cove help', url: 'https://example.test' } },
        { id: 'agents-updated', label: 'Agents updated', detail: 'Every agent takes the new secret.', source: { title: 'Cove help', url: 'https://example.test' } },
      ],
      changeStepsSource: 'the Cove documentation',
    },
  }
  const entry = (id: string, field: string, from: string | null, to: string | null): HistoryEntry => ({ id, at: `2026-01-0${id}T10:00:00.000Z`, field, from, to, reason: null })
  const customerWith = (history: HistoryEntry[], cove: CoveAccount | null = { partnerName: 'Contoso MSP', seats: 25 }): Customer =>
    ({ id: 'c1', companyName: 'Contoso', notes: '', createdAt: '', updatedAt: '', x360: null, nexetic: null, cove, history }) as Customer

  test('the follow-up is the vendor’s own steps after its own password field, ticked under its own key', () => {
    const history = [
      entry('1', 'customer', null, 'created'),
      entry('2', 'cove.secret', null, 'changed'),
      entry('3', 'cove.passwordFollowUp', 'agents-updated', 'Agents updated'),
      entry('4', 'x360.passwordFollowUp', 'console-reset', 'another vendor’s tick'),
    ]
    const state = followUpState(customerWith(history), coveWithPassword)
    assert.deepEqual(state, {
      changedAt: '2026-01-02T10:00:00.000Z',
      steps: [
        { id: 'console-reset', label: 'Reset in the Cove console', detail: 'Under Users, reset the secret.', tickedAt: null },
        { id: 'agents-updated', label: 'Agents updated', detail: 'Every agent takes the new secret.', tickedAt: '2026-01-03T10:00:00.000Z' },
      ],
    })
    assert.equal(followUpState(customerWith(history, null), coveWithPassword), null, 'no account, no checklist')
    assert.equal(followUpState(customerWith(history), { ...coveWithPassword, password: { ...coveWithPassword.password, changeSteps: [] } }), null, 'no steps, no checklist')
    assert.equal(followUpState(customerWith(history), coveVendor), null, 'a vendor without the password has no follow-up')
  })

  test('the built-in password vendor keeps the stored follow-up field and its own words', () => {
    assert.equal(passwordFollowUpField(), 'x360.passwordFollowUp')
    assert.equal(passwordWords().anAccount, 'an x360Recover account')
  })

  test('the sheet dialog lists each vendor’s part in the registry’s order, the password vendor’s with its login note', () => {
    assert.equal(sheetContents(), 'the company, the x360Recover account with the Vault login note, the Nexetic subscription, the Cove subscription and today’s date')
  })
})
