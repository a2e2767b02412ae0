// First: the third vendor is registered before any module builds its schemas from the registry.
import '../helpers/third-vendor/register'
import assert from 'node:assert/strict'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { parse } from 'csv-parse/sync'
import { checkCustomerForm, emptyCustomerForm, type CustomerForm } from '../../main/common/customer-form'
import { describeHistoryValue, historyFieldLabel } from '../../main/common/history-labels'
import { isOnboardingFinished, onboardingOf } from '../../main/common/onboarding'
import { computeTotals } from '../../main/common/totals'
import { registerVendor, vendors } from '../../main/common/vendors/registry'
import { createDesk } from '../../main/desk'
import { dispatch } from '../../main/ipc/handler-table'
import { createMemoryClipboard } from '../../main/services/secret-clipboard'
import { createDeskApi } from '../../preload/desk-api'
import { matchesService, queryCustomers, DEFAULT_QUERY } from '../../renderer/src/features/customers/customer-query'
import { defaultsHintText, noPasswordMatchText } from '../../renderer/src/features/exports/import-mapping/mapping-text'
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

describe('a third vendor’s onboarding steps, from its definition alone', () => {
  test('are shown, ticked, recorded and stored through the real service; a vendor without them is refused with a clear message', async (t) => {
    const { api, dataDir } = await openExportDesk(t)
    const contoso = unwrap(await api.customers.create({ form: withCove('Contoso', { partnerName: 'Contoso MSP', seats: '25' }) }))
    const fabrikam = unwrap(await api.customers.create({ form: withCove('Fabrikam', null) }))
    assert.deepEqual(
      onboardingOf(contoso).map(({ vendor, name, steps, finished }) => ({ vendor, name, steps: steps.map(({ step, doneAt }) => [step.key, doneAt]), finished })),
      [{ vendor: 'cove', name: 'Cove', steps: [['agent-installed', null], ['report-scheduled', null]], finished: false }],
    )

    const ticked = unwrap(await api.onboarding.setStep({ id: contoso.id, vendor: 'cove', step: 'agent-installed', done: true }))
    const entry = ticked.history.at(-1)
    assert.equal(entry?.field, 'onboarding.cove.agent-installed')
    assert.equal(`${historyFieldLabel(entry?.field ?? '')} ${describeHistoryValue(entry ?? { field: '', from: null, to: null })}`, 'Cove onboarding: Backup Manager installed on the devices ticked as done')
    assert.equal(isOnboardingFinished(ticked), true, 'its optional step is not needed')
    const stored = JSON.parse(await readFile(join(dataDir, 'customers.json'), 'utf8')) as { customers: { id: string; onboarding?: Record<string, object> }[] }
    assert.deepEqual(Object.keys(stored.customers.find((customer) => customer.id === contoso.id)?.onboarding?.cove ?? {}), ['agent-installed'])

    const refusal = async (request: Parameters<typeof api.onboarding.setStep>[0]) => {
      const result = await api.onboarding.setStep(request)
      assert.ok(!result.ok)
      return `${result.error.message} ${JSON.stringify(result.error.fields ?? {})}`
    }
    assert.match(await refusal({ id: fabrikam.id, vendor: 'cove', step: 'agent-installed', done: true }), /Fabrikam has no Cove service, so it has no Cove onboarding steps/)
    assert.match(await refusal({ id: contoso.id, vendor: 'cove', step: 'made-up', done: true }), /Cove has no onboarding step "made-up"/)
    assert.match(await refusal({ id: contoso.id, vendor: 'other', step: 'agent-installed', done: true }), /Not a service with onboarding steps \(expected one of x360, nexetic, cove\)/)
  })

  test('a tick of a step this desk does not know survives a save, beside the known ones', async (t) => {
    const { dataDir, keychainService } = await tempDesk(t)
    const open = async () => {
      const desk = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard(), locale: 'en-US' })
      return { desk, api: createDeskApi((channel, payload) => dispatch(desk.handlers, channel, payload)) }
    }
    const first = await open()
    const contoso = unwrap(await first.api.customers.create({ form: withCove('Contoso', { partnerName: 'Contoso MSP', seats: '25' }) }))
    await first.desk.close()
    const file = join(dataDir, 'customers.json')
    const stored = JSON.parse(await readFile(file, 'utf8')) as { customers: Record<string, unknown>[] }
    for (const customer of stored.customers) customer.onboarding = { cove: { 'future-step': '2026-11-23T09:00:00.000Z' } }
    await writeFile(file, JSON.stringify(stored))

    const second = await open()
    t.after(() => second.desk.close())
    const ticked = unwrap(await second.api.onboarding.setStep({ id: contoso.id, vendor: 'cove', step: 'agent-installed', done: true }))
    assert.deepEqual(Object.keys(ticked.onboarding?.cove ?? {}), ['agent-installed'], 'what this desk does not know never reaches the page')
    const saved = JSON.parse(await readFile(file, 'utf8')) as { customers: { onboarding?: Record<string, Record<string, string>> }[] }
    assert.deepEqual(Object.keys(saved.customers[0]?.onboarding?.cove ?? {}).sort(), ['agent-installed', 'future-step'])
  })
})

describe('a third vendor’s words in the import mapping step', () => {
  test('the values-for-every-row hint names what each vendor’s account needs; the password summary names the password vendor’s account', () => {
    assert.equal(
      defaultsHintText(),
      'For fields the file has no column for: an x360Recover account needs an e-mail address and locations; a Cove subscription needs a number of seats. Left empty, each row is checked without it.',
    )
    assert.equal(noPasswordMatchText(), 'No row matches a customer on the desk with an x360Recover account, so there is nothing to set.')
  })
})
