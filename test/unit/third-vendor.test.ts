// First: the third vendor is registered before any module builds its schemas from the registry.
import '../helpers/third-vendor/register'
import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test, type TestContext } from 'node:test'
import { parse } from 'csv-parse/sync'
import React, { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { checkCustomerForm, emptyCustomerForm, type CustomerForm } from '../../main/common/customer-form'
import type { Customer, HistoryEntry } from '../../main/common/customer-model'
import { describeHistoryValue, historyFieldLabel } from '../../main/common/history-labels'
import { followUpState } from '../../main/common/password-follow-up'
import { isOnboardingFinished, onboardingOf } from '../../main/common/onboarding'
import { computeTotals } from '../../main/common/totals'
import { passwordFollowUpField } from '../../main/common/vendors/accounts'
import { passwordWords } from '../../main/common/vendors/password-words'
import { billingVendors, registerVendor, vendors } from '../../main/common/vendors/registry'
import { adjustableVendorOf, hasAdjustableFigures, undoableEntryIds } from '../../main/common/vendors/adjustable'
import { createDesk } from '../../main/desk'
import { dispatch } from '../../main/ipc/handler-table'
import { createMemoryClipboard } from '../../main/services/secret-clipboard'
import { createDeskApi } from '../../preload/desk-api'
import { AsOfPanel } from '../../renderer/src/features/billing/AsOfPanel'
import { BillingDialog } from '../../renderer/src/features/billing/BillingDialog'
import { MonthTable } from '../../renderer/src/features/billing/MonthTable'
import { DeskProvider } from '../../renderer/src/store/desk-context'
import { createDeskStore } from '../../renderer/src/store/desk-store'
import { matchesService, queryCustomers, DEFAULT_QUERY } from '../../renderer/src/features/customers/customer-query'
import { sheetContents } from '../../renderer/src/features/exports/export-text'
import { coveBilling } from '../helpers/third-vendor/billing'
import { defaultsHintText, noPasswordMatchText } from '../../renderer/src/features/exports/import-mapping/mapping-text'
import { coveVendor, SEATS_RULE, type CoveAccount } from '../helpers/third-vendor/definition'
import { tempDesk } from '../helpers/temp-desk'
import { openExportDesk, scriptedDialogs, unwrap } from '../helpers/export-fixtures'
import { formOf } from '../helpers/billing-ops'
import { SEATS_ADJUST_RULE, SEATS_FIELD } from '../helpers/third-vendor/adjustments'
import { nexeticForm } from '../helpers/license-fixtures'

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

/**
 * Three months of a small desk with Cove customers, written through the real services with the clock set
 * to each moment: in November 2026 Contoso's seats went up and down, Northwind is new and Gone Ltd
 * (Cove and Nexetic) is deleted. The desk is closed, so the history is read back from the store file.
 */
async function writeCoveHistory(dataDir: string, keychainService: string): Promise<void> {
  let clock = Date.parse('2026-10-01T12:00:00.000Z')
  const desk = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard(), now: () => new Date(clock), locale: 'en-US' })
  try {
    const api = createDeskApi((channel, payload) => dispatch(desk.handlers, channel, payload))
    const at = (iso: string) => {
      clock = Date.parse(iso)
    }
    const cove = (seats: number) => ({ partnerName: 'Partner', seats: String(seats) })
    const contoso = unwrap(await api.customers.create({ form: withCove('Contoso Ltd', cove(10)) }))
    const gone = unwrap(await api.customers.create({ form: { ...formOf('Gone Ltd', { licenses: 5, storage: 100, type: 'Azure (Ireland)' }), cove: cove(3) } as CustomerForm }))
    const fabrikam = unwrap(await api.customers.create({ form: withCove('Fabrikam Inc', null) }))
    at('2026-11-05T12:00:00.000Z')
    unwrap(await api.customers.update({ id: contoso.id, form: withCove('Contoso Ltd', cove(15)), reason: 'New office' }))
    at('2026-11-10T12:00:00.000Z')
    unwrap(await api.customers.create({ form: withCove('Northwind Traders', cove(4)) }))
    at('2026-11-15T12:00:00.000Z')
    unwrap(await api.customers.delete({ id: gone.id }))
    unwrap(await api.customers.delete({ id: fabrikam.id }))
    at('2026-11-20T12:00:00.000Z')
    unwrap(await api.customers.update({ id: contoso.id, form: withCove('Contoso Ltd', cove(12)), reason: '' }))
    at('2026-12-01T12:00:00.000Z')
    unwrap(await api.customers.create({ form: withCove('December Co', cove(2)) }))
  } finally {
    await desk.close()
  }
}

async function openCoveBillingDesk(t: TestContext) {
  const { dataDir, keychainService } = await tempDesk(t)
  await writeCoveHistory(dataDir, keychainService)
  const folder = await mkdtemp(join(tmpdir(), 'desk-cove-billing-'))
  t.after(() => rm(folder, { recursive: true, force: true }))
  const desk = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard(), fileDialogs: scriptedDialogs(folder), locale: 'en-US' })
  t.after(() => desk.close())
  return { desk, dataDir, folder, api: createDeskApi((channel, payload) => dispatch(desk.handlers, channel, payload)) }
}

const NOVEMBER = { month: '2026-11', start: '2026-11-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z' }

describe('billing of a third vendor defined only in the test folder', () => {
  test('its billing part is listed after Nexetic’s, and a vendor without one is refused as invalid', async (t) => {
    assert.deepEqual(
      billingVendors().map((vendor) => vendor.key),
      ['nexetic', 'cove'],
    )
    const { desk } = await openCoveBillingDesk(t)
    const refused = await dispatch(desk.handlers, 'desk:billing.asOf', { vendor: 'x360', until: '2026-11-05T00:00:00.000Z' })
    assert.equal(refused.ok, false)
    assert.ok(!refused.ok && refused.error.code === 'invalid' && refused.error.fields?.vendor, JSON.stringify(refused))
  })

  test('month rows and totals as of a day come from its history through the real service, over the store file', async (t) => {
    const { api } = await openCoveBillingDesk(t)
    const month = unwrap(await api.billing.month({ vendor: 'cove', ...NOVEMBER }))
    assert.deepEqual(
      month.rows.map((row) => [row.companyName, row.measures.seats, row.createdInMonth, row.deletedInMonth, row.changes.map((change) => change.to)]),
      [
        ['Contoso Ltd', { start: 10, end: 12, highest: 15 }, false, false, ['15', '12']],
        ['Gone Ltd', { start: 3, end: null, highest: 3 }, false, true, []],
        ['Northwind Traders', { start: null, end: 4, highest: 4 }, true, false, []],
      ],
    )
    assert.deepEqual(month.totals, { customers: 3, measures: { seats: { start: 13, end: 16, highest: 22 } } })
    assert.equal(month.untracedDeletions, 0)

    const asOf = async (until: string) => unwrap(await api.billing.asOf({ vendor: 'cove', until }))
    const early = await asOf('2026-11-05T00:00:00.000Z')
    assert.deepEqual(early.customers.map((state) => [state.companyName, state.measures.seats]).sort(), [['Contoso Ltd', 10], ['Gone Ltd', 3]])
    assert.deepEqual(early.totals, { customers: 2, measures: { seats: 13 }, byGroup: {} })
    assert.deepEqual((await asOf('2026-12-01T00:00:00.000Z')).totals, { customers: 2, measures: { seats: 16 }, byGroup: {} })
    assert.deepEqual((await asOf('2026-10-01T00:00:00.000Z')).totals.customers, 0)

    // Each vendor's figures are its own: without a key, Nexetic's (the first billing vendor) has only Gone Ltd.
    const nexetic = unwrap(await api.billing.month(NOVEMBER))
    assert.deepEqual(nexetic.rows.map((row) => row.companyName), ['Gone Ltd'])
  })

  test('a tombstone records the billing of each billing vendor the customer had, in the stored shape', async (t) => {
    const { desk } = await openCoveBillingDesk(t)
    const byName = new Map(desk.store.data.deletions.map((tombstone) => [tombstone.companyName, tombstone.billing]))
    assert.deepEqual(byName.get('Gone Ltd')?.values, {
      companyName: 'Gone Ltd',
      nexetic: 'added',
      'nexetic.userLicenses': '5',
      'nexetic.extraStorageGb': '100',
      'nexetic.storageType': 'Azure (Ireland)',
      cove: 'added',
      'cove.seats': '3',
    })
    assert.deepEqual(byName.get('Fabrikam Inc'), { createdAt: '2026-10-01T12:00:00.000Z', values: { companyName: 'Fabrikam Inc' }, history: [] })
  })

  test('the month exports with its own columns and file name, without a group column', async (t) => {
    const { api, folder } = await openCoveBillingDesk(t)
    const saved = unwrap(await api.billing.monthExport({ vendor: 'cove', ...NOVEMBER, format: 'csv' }))
    assert.deepEqual(saved, { kind: 'saved', filePath: join(folder, 'Cove billing 2026-11.csv'), rows: 3 })
    const rows = parse(await readFile(saved.kind === 'saved' ? saved.filePath : '', 'utf8'), { bom: true }) as string[][]
    assert.deepEqual(rows[0], ['Customer Company Name', 'Created in month', 'Deleted in month', 'Seats at start', 'Seats at end', 'Highest Seats', 'Changes (UTC)'])
    assert.deepEqual(rows.at(-1), ['Total (3 customers)', '1', '1', '13', '16', '22', ''])
  })
})

/** The cells of each table row of server-rendered HTML, as text. */
const rowsOf = (html: string): string[][] =>
  [...html.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map(([, row]) => [...(row ?? '').matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map(([, cell]) => (cell ?? '').replace(/<[^>]+>/g, '')))

describe('the Billing view with a third billing vendor', () => {
  // tsx applies no tsconfig to the page's files (none lists them for it), so it compiles their JSX to React.createElement.
  Object.assign(globalThis, { React })

  test('gives it a month section of its own after Nexetic’s, headed with its name', async (t) => {
    const { api } = await openCoveBillingDesk(t)
    const bridge = { ...api, on: () => () => {} }
    const html = renderToStaticMarkup(createElement(DeskProvider, { api: bridge, store: createDeskStore(bridge), children: createElement(BillingDialog, { onClose: () => {} }) }))
    assert.deepEqual([...html.matchAll(/<h3[^>]*>(.*?)<\/h3>/g)].map(([, heading]) => heading), ['Nexetic month by month', 'Cove month by month', 'Totals as of a day'])
  })

  test('draws its month and its totals with its own columns, and no group column', async (t) => {
    const { api } = await openCoveBillingDesk(t)
    const month = unwrap(await api.billing.month({ vendor: 'cove', ...NOVEMBER }))
    const table = rowsOf(renderToStaticMarkup(createElement(MonthTable, { vendor: coveBilling, view: month, caption: 'Cove billing for November 2026', onShowMore: () => {} })))
    assert.deepEqual(table.slice(0, 2), [['Customer', 'Seats', 'Changes'], ['Start', 'End', 'Highest']])
    assert.deepEqual(table[2]?.slice(0, 4), ['Contoso Ltd', '10', '12', '15'])
    assert.deepEqual(table.at(-1), ['Total (3 customers)', '13', '16', '22', ''])

    const asOf = unwrap(await api.billing.asOf({ vendor: 'cove', until: '2026-11-05T00:00:00.000Z' }))
    const totals = rowsOf(renderToStaticMarkup(createElement(AsOfPanel, { vendor: coveBilling, view: asOf, caption: 'Cove totals at the end of November 4, 2026' })))
    assert.deepEqual(totals, [['Customers', 'Seats'], ['2', '13']])
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
