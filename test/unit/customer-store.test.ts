import assert from 'node:assert/strict'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { DeskFailure } from '../../main/common/desk-error'
import { CustomerStore, STORE_FILE_NAME } from '../../main/services/customer-store'
import { CURRENT_SCHEMA_VERSION } from '../../main/services/migrations'
import { tempDesk } from '../helpers/temp-desk'

const NOW = new Date('2026-11-23T10:00:00.000Z')
const customer = (id: string, companyName: string) => ({
  id,
  companyName,
  notes: '',
  createdAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
  x360: null,
  nexetic: null,
  history: [],
})

describe('customer store', () => {
  test('a new store reports created, and a write reaches the file', async (t) => {
    const { dataDir } = await tempDesk(t)
    const store = await CustomerStore.open(join(dataDir, STORE_FILE_NAME), NOW)
    assert.deepEqual(store.status, { kind: 'created' })
    await store.mutate((data) => data.customers.push(customer('c1', 'Contoso')))
    const onDisk = JSON.parse(await readFile(join(dataDir, STORE_FILE_NAME), 'utf8'))
    assert.equal(onDisk.schemaVersion, CURRENT_SCHEMA_VERSION)
    assert.deepEqual(onDisk.customers.map((c: { companyName: string }) => c.companyName), ['Contoso'])
    assert.deepEqual(store.status, { kind: 'ok' })
  })

  test('reopening shows what was written', async (t) => {
    const { dataDir } = await tempDesk(t)
    const file = join(dataDir, STORE_FILE_NAME)
    const first = await CustomerStore.open(file, NOW)
    await first.mutate((data) => data.customers.push(customer('c1', 'Contoso'), customer('c2', 'Fabrikam')))
    const second = await CustomerStore.open(file, NOW)
    assert.deepEqual(second.status, { kind: 'ok' })
    assert.deepEqual(second.data.customers.map((c) => c.id), ['c1', 'c2'])
  })

  test('an unparseable file is moved aside untouched and reported, not overwritten', async (t) => {
    const { dataDir } = await tempDesk(t)
    const file = join(dataDir, STORE_FILE_NAME)
    const broken = '{"schemaVersion":1,"customers":[{"id":"c1","companyName":"Cont'
    await writeFile(file, broken)
    const store = await CustomerStore.open(file, NOW)
    assert.equal(store.status.kind, 'recovered')
    assert.ok(store.status.kind === 'recovered')
    assert.match(store.status.reason, /not valid JSON/)
    assert.equal(store.status.keptAs, `${file}.unreadable-2026-11-23T10-00-00-000Z`)
    assert.equal(await readFile(store.status.keptAs, 'utf8'), broken)
    assert.deepEqual(store.data.customers, [])
    await store.mutate((data) => data.customers.push(customer('c9', 'Northwind')))
    assert.equal(await readFile(store.status.keptAs, 'utf8'), broken, 'the kept file is never written to')
  })

  test('valid JSON of the wrong shape is kept aside too, naming where it differs', async (t) => {
    const { dataDir } = await tempDesk(t)
    const file = join(dataDir, STORE_FILE_NAME)
    await writeFile(file, JSON.stringify({ schemaVersion: 1, customers: [{ id: 'c1' }], deletions: [] }))
    const store = await CustomerStore.open(file, NOW)
    assert.ok(store.status.kind === 'recovered')
    assert.match(store.status.reason, /at customers\.0\./)
  })

  test('a file from a newer version is left alone and the store is read-only', async (t) => {
    const { dataDir } = await tempDesk(t)
    const file = join(dataDir, STORE_FILE_NAME)
    const newer = JSON.stringify({ schemaVersion: CURRENT_SCHEMA_VERSION + 1, customers: [], somethingNew: true })
    await writeFile(file, newer)
    const store = await CustomerStore.open(file, NOW)
    assert.ok(store.status.kind === 'read-only')
    assert.match(store.status.reason, /newer version/)
    await assert.rejects(
      store.mutate((data) => data.customers.push(customer('c1', 'Contoso'))),
      (error: unknown) => error instanceof DeskFailure && error.code === 'store-read-only',
    )
    assert.equal(await readFile(file, 'utf8'), newer)
    assert.deepEqual(await readdir(dataDir), [STORE_FILE_NAME])
  })

  test('a failed write leaves memory as the file has it', async (t) => {
    const { dataDir } = await tempDesk(t)
    const file = join(dataDir, STORE_FILE_NAME)
    const store = await CustomerStore.open(file, NOW)
    await store.mutate((data) => data.customers.push(customer('c1', 'Contoso')))
    // A folder where the writer's temporary file must go makes the next write fail, even for root.
    await mkdir(join(dataDir, `.${STORE_FILE_NAME}.tmp`))
    await assert.rejects(store.mutate((data) => data.customers.push(customer('c2', 'Fabrikam'))), /could not be saved/)
    assert.deepEqual(store.data.customers.map((c) => c.id), ['c1'])
    assert.deepEqual(JSON.parse(await readFile(file, 'utf8')).customers.map((c: { id: string }) => c.id), ['c1'])
  })
})
