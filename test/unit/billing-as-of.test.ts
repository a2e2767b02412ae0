import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { billingAsOf, totalOf, tracesOf, type BilledState } from '../../main/common/billing/as-of'
import { billingMonth } from '../../main/common/billing/month'
import { nexeticBilling } from '../../main/common/vendors/nexetic/billing'
import { createDesk } from '../../main/desk'
import { dispatch } from '../../main/ipc/handler-table'
import { STORE_FILE_NAME } from '../../main/services/customer-store'
import { emptyDeskData, parseStoreText, type DeskData } from '../../main/services/store-file'
import { createMemoryClipboard } from '../../main/services/secret-clipboard'
import { applyOp, billedNow, formOf, STORAGE_TYPE_CHOICES, type BillingOp } from '../helpers/billing-ops'
import { removeKeychainService, tempDesk } from '../helpers/temp-desk'
import { openExportDesk, unwrap } from '../helpers/export-fixtures'

const PASSPHRASE = 'correct horse battery staple'

const vendor = nexeticBilling
const HOUR = 3_600_000
const START = Date.parse('2026-09-01T00:00:00.000Z')

const storageType = fc.constantFrom(...STORAGE_TYPE_CHOICES)
const licenses = fc.integer({ min: 1, max: 400 })
const storage = fc.integer({ min: 0, max: 6000 })
const target = fc.nat({ max: 20 })
const op: fc.Arbitrary<BillingOp> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('create' as const), licenses: fc.option(licenses, { freq: 4 }), storage, type: storageType }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('license' as const), target, licenses, storage }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('undo' as const), target }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      target,
      rename: fc.boolean(),
      nexetic: fc.oneof(fc.constant('keep' as const), fc.constant('remove' as const), fc.record({ licenses, storage, type: storageType })),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('delete' as const), target }), weight: 1 },
)
/** Each op after a gap of minutes to days, so ops fall on the same day, the next, or weeks later. */
const step = fc.record({ gapMinutes: fc.integer({ min: 1, max: 6 * 24 * 60 }), op })

const byId = (states: readonly BilledState[]): BilledState[] => [...states].sort((a, b) => a.customerId.localeCompare(b.customerId))

interface Snapshot {
  atMs: number
  billed: BilledState[]
}

/**
 * Runs the steps on a real desk with a clock the test moves, and after each one notes the store's
 * own Nexetic customers: the truth at that moment. The desk is closed, and the history is read back
 * from the file it wrote, as after a restart.
 */
async function recordTruth(steps: { gapMinutes: number; op: BillingOp }[]): Promise<{ data: DeskData; snapshots: Snapshot[] }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'desk-billing-'))
  const keychainService = `msp-customer-desk-test-${randomBytes(6).toString('hex')}`
  let clock = START
  const desk = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard(), now: () => new Date(clock) })
  const snapshots: Snapshot[] = [{ atMs: START, billed: [] }]
  try {
    for (const { gapMinutes, op: next } of steps) {
      clock += gapMinutes * 60_000
      await applyOp(desk, next)
      snapshots.push({ atMs: clock, billed: billedNow(desk.store.data.customers) })
    }
  } finally {
    await desk.close()
  }
  try {
    // No op that changed anything leaves no file: an empty desk.
    const text = await readFile(join(dataDir, STORE_FILE_NAME), 'utf8').catch(() => JSON.stringify(emptyDeskData()))
    const parsed = parseStoreText(text)
    assert.equal(parsed.kind, 'ok', 'the store file reads back')
    return { data: (parsed as { data: DeskData }).data, snapshots }
  } finally {
    await rm(dataDir, { recursive: true, force: true })
    await removeKeychainService(keychainService)
  }
}

/** What a replay of the noted truth says held just before `instantMs`: the last snapshot taken before it. */
const truthBefore = (snapshots: readonly Snapshot[], instantMs: number): BilledState[] => snapshots.filter((snapshot) => snapshot.atMs < instantMs).at(-1)?.billed ?? []

describe('billing as of any date', () => {
  test('the reconstruction from the stored history equals the truth at every moment, and a month adds up', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }), async (steps, probes) => {
        const { data, snapshots } = await recordTruth(steps)
        const { traces, untraced } = tracesOf(data, vendor)
        assert.deepEqual(untraced, [], 'every deletion of this desk kept its billing record')
        const lastMs = snapshots.at(-1)?.atMs ?? START
        // Each snapshot's own moment, just after it, and random moments in between (and after the last).
        const instants = [...snapshots.flatMap((snapshot) => [snapshot.atMs, snapshot.atMs + 1]), ...probes.map((probe) => START + Math.floor(probe * (lastMs - START + 48 * HOUR)))]
        for (const instant of instants) {
          const asOf = billingAsOf(traces, vendor, instant)
          const truth = truthBefore(snapshots, instant)
          assert.deepEqual(byId(asOf.customers), byId(truth), `as of ${new Date(instant).toISOString()}`)
          assert.deepEqual(asOf.totals, totalOf(truth, vendor))
        }

        // A "month" between two probes: its rows add up to the totals, which equal the as-of totals at its ends.
        const [a = 0, b = 1] = probes.length > 1 ? probes : [0, probes[0] ?? 1]
        const startMs = START + Math.floor(Math.min(a, b) * (lastMs - START))
        const endMs = Math.max(startMs + 1, START + Math.ceil(Math.max(a, b) * (lastMs - START + HOUR)))
        const month = billingMonth(traces, vendor, startMs, endMs)
        const atStart = billingAsOf(traces, vendor, startMs)
        const atEnd = billingAsOf(traces, vendor, endMs)
        for (const measure of vendor.measures) {
          const sum = (pick: 'start' | 'end' | 'highest') => month.rows.reduce((total, row) => total + (row.measures[measure.key]?.[pick] ?? 0), 0)
          assert.equal(month.totals.measures[measure.key]?.start, sum('start'))
          assert.equal(month.totals.measures[measure.key]?.end, sum('end'))
          assert.equal(month.totals.measures[measure.key]?.highest, sum('highest'))
          assert.equal(sum('start'), atStart.totals.measures[measure.key], `${measure.label} at the start`)
          assert.equal(sum('end'), atEnd.totals.measures[measure.key], `${measure.label} at the end`)
        }
        // Every customer billed at any moment of the month has one row; its highest is the highest the truth held.
        const during = [truthBefore(snapshots, startMs + 1), ...snapshots.filter((snapshot) => snapshot.atMs >= startMs && snapshot.atMs < endMs).map((snapshot) => snapshot.billed)]
        const ids = new Set(during.flat().map((state) => state.customerId))
        assert.deepEqual(month.rows.map((row) => row.customerId).sort(), [...ids].sort())
        for (const row of month.rows) {
          for (const measure of vendor.measures) {
            const values = during.flatMap((states) => states.filter((state) => state.customerId === row.customerId).map((state) => state.measures[measure.key] ?? 0))
            assert.equal(row.measures[measure.key]?.highest, Math.max(...values), `highest ${measure.label} of ${row.companyName}`)
          }
          assert.equal(row.createdInMonth, (() => {
            const trace = traces.find((candidate) => candidate.customerId === row.customerId)
            const created = Date.parse(trace?.createdAt ?? '')
            return created >= startMs && created < endMs
          })())
        }
      }),
      { numRuns: Number(process.env.BILLING_RUNS ?? 25) },
    )
  })

  test('a deleted customer still counts on the days it was live; a tombstone from before the billing view is reported, not guessed', async (t) => {
    const { dataDir, keychainService } = await tempDesk(t)
    let clock = Date.parse('2026-11-02T10:00:00.000Z')
    const desk = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard(), now: () => new Date(clock) })
    const created = await dispatch(desk.handlers, 'desk:customers.create', { form: formOf('Gone Ltd', { licenses: 30, storage: 100, type: 'Finnish S3 Storage' }), confirmDuplicateCompany: false })
    assert.ok(created.ok)
    const id = (created.value as { id: string }).id
    clock = Date.parse('2026-11-10T10:00:00.000Z')
    assert.ok((await dispatch(desk.handlers, 'desk:licenses.change', { id, userLicenses: '45', extraStorage: '100', reason: 'New office' })).ok)
    clock = Date.parse('2026-11-20T10:00:00.000Z')
    assert.ok((await dispatch(desk.handlers, 'desk:customers.delete', { id })).ok)
    await desk.close()

    // The tombstone is written to the real file and read back by a desk opened again.
    const file = join(dataDir, STORE_FILE_NAME)
    const stored = JSON.parse(await readFile(file, 'utf8')) as { deletions: { billing?: unknown }[] }
    assert.ok(stored.deletions[0]?.billing, 'the tombstone keeps the billing record')
    // An older tombstone, as desks before the billing view wrote them.
    stored.deletions.push({ customerId: 'old-1', companyName: 'Deleted Long Ago', deletedAt: '2026-11-25T09:00:00.000Z', x360Username: null } as never)
    await writeFile(file, JSON.stringify(stored))
    const again = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard(), now: () => new Date(clock) })
    t.after(() => again.close())
    const asOf = async (until: string) => {
      const result = await dispatch(again.handlers, 'desk:billing.asOf', { until })
      assert.ok(result.ok, JSON.stringify(result))
      return result.value as { customers: BilledState[]; totals: { customers: number; measures: Record<string, number> }; untracedDeletions: number }
    }
    const before = await asOf('2026-11-09T00:00:00.000Z')
    assert.deepEqual(before.customers.map((state) => [state.companyName, state.measures.userLicenses, state.group]), [['Gone Ltd', 30, 'Finnish S3 Storage']])
    assert.equal(before.untracedDeletions, 1, 'the old tombstone may hide a customer live then')
    assert.equal((await asOf('2026-11-15T00:00:00.000Z')).totals.measures.userLicenses, 45)
    const after = await asOf('2026-11-21T00:00:00.000Z')
    assert.equal(after.totals.customers, 0)
    assert.equal(after.untracedDeletions, 1)
    assert.equal((await asOf('2026-11-26T00:00:00.000Z')).untracedDeletions, 0, 'deleted before that moment: not live then')

    const month = await dispatch(again.handlers, 'desk:billing.month', { month: '2026-11', start: '2026-11-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z' })
    assert.ok(month.ok)
    const [row] = (month.value as { rows: { companyName: string; createdInMonth: boolean; deletedInMonth: boolean; measures: Record<string, unknown>; changes: { to: string | null }[] }[] }).rows
    assert.deepEqual(row?.measures.userLicenses, { start: null, end: null, highest: 45 })
    assert.equal(row?.createdInMonth, true)
    assert.equal(row?.deletedInMonth, true)
    assert.deepEqual(row?.changes.map((change) => change.to), ['45'])
  })

  test('the tombstone\'s billing record survives the encrypted backup and its restore on another desk', async (t) => {
    const source = await openExportDesk(t)
    const created = unwrap(await source.api.customers.create({ form: formOf('Gone Ltd', { licenses: 7, storage: 50, type: 'Azure (Ireland)' }), confirmDuplicateCompany: false }))
    unwrap(await source.api.licenses.change({ id: created.id, userLicenses: '9', extraStorage: '50', reason: 'More staff' }))
    unwrap(await source.api.customers.delete({ id: created.id }))
    const saved = unwrap(await source.api.exports.backupCreate({ passphrase: PASSPHRASE, confirmPassphrase: PASSPHRASE }))
    assert.equal(saved.kind, 'saved')

    const target = await openExportDesk(t)
    target.dialogs.openWith(saved.kind === 'saved' ? saved.filePath : '')
    const opened = unwrap(await target.api.exports.restoreOpen({}))
    assert.equal(opened.kind, 'opened')
    const token = opened.kind === 'opened' ? opened.token : ''
    unwrap(await target.api.exports.restoreCheck({ token, passphrase: PASSPHRASE }))
    unwrap(await target.api.exports.restoreConfirm({ token }))
    const [tombstone] = target.desk.store.data.deletions
    assert.deepEqual(tombstone?.billing?.values, { companyName: 'Gone Ltd', nexetic: 'added', 'nexetic.userLicenses': '9', 'nexetic.extraStorageGb': '50', 'nexetic.storageType': 'Azure (Ireland)' })
    assert.deepEqual(tombstone?.billing?.history.map((entry) => [entry.field, entry.from, entry.to]), [['nexetic.userLicenses', '7', '9']])
    const { traces, untraced } = tracesOf(target.desk.store.data, vendor)
    assert.deepEqual([traces.map((trace) => trace.customerId), untraced], [[created.id], []])
  })

  test('main refuses a month that is not one, at the field', async (t) => {
    const { dataDir, keychainService } = await tempDesk(t)
    const desk = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard() })
    t.after(() => desk.close())
    const backwards = await dispatch(desk.handlers, 'desk:billing.month', { month: '2026-11', start: '2026-12-01T00:00:00.000Z', end: '2026-11-01T00:00:00.000Z' })
    assert.equal(backwards.ok, false)
    assert.match(JSON.stringify(!backwards.ok && backwards.error.fields), /"end":"The month must end after it starts/)
    const year = await dispatch(desk.handlers, 'desk:billing.monthExport', { month: '2026-11', start: '2026-01-01T00:00:00.000Z', end: '2027-01-01T00:00:00.000Z', format: 'csv' })
    assert.equal(year.ok, false)
    const notDate = await dispatch(desk.handlers, 'desk:billing.asOf', { until: 'yesterday' })
    assert.equal(notDate.ok, false)
    assert.ok(!notDate.ok && notDate.error.fields?.until)
  })
})
