import assert from 'node:assert/strict'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { CustomerStore, STORE_FILE_NAME } from '../../../main/services/customer-store'
import { CURRENT_SCHEMA_VERSION, migrate } from '../../../main/services/migrations'
import { BACKUP_FOLDER, localDay } from '../../../main/services/store-backups'
import { tempDesk } from '../../helpers/temp-desk'

const NOW = new Date('2026-11-23T10:00:00.000Z')

/** A file as the first desks wrote it: no schemaVersion, no history, no deletion log; plus fields added by hand. */
const contoso = {
  id: 'c1',
  companyName: 'Contoso',
  notes: 'Call before noon',
  createdAt: '2025-01-02T09:00:00.000Z',
  updatedAt: '2025-03-04T09:00:00.000Z',
  x360: { username: 'contoso-vault', email: 'it@contoso.example', locations: ['Head office', 'Warehouse'], passwordSetAt: '2025-01-02T09:05:00.000Z' },
  nexetic: null,
  accountManager: 'Robin',
}
const fabrikam = {
  id: 'c2',
  companyName: 'Fabrikam',
  notes: '',
  createdAt: '2025-02-01T09:00:00.000Z',
  updatedAt: '2025-02-01T09:00:00.000Z',
  x360: null,
  nexetic: { organizationName: 'Fabrikam Oy', domain: 'fabrikam.example', userLicenses: 12, extraStorageGb: 50, notifyUsers: ['admin@fabrikam.example'], storageType: 'Finnish S3 Storage' },
}
const versionZeroFile = JSON.stringify({ customers: [contoso, fabrikam], exportedBy: 'a script' })

const withoutKey = <T extends object>(value: T, key: keyof T) => Object.fromEntries(Object.entries(value).filter(([name]) => name !== key))

describe('migration 0 → 1', () => {
  test('an unversioned file gains schemaVersion, history and the deletion log', () => {
    const migrated = migrate({ customers: [{ id: 'c1', companyName: 'Contoso' }] }) as Record<string, unknown>
    assert.deepEqual(migrated, { schemaVersion: 1, customers: [{ id: 'c1', companyName: 'Contoso', history: [] }], deletions: [] })
  })

  test('history a file already has is kept', () => {
    const history = [{ at: NOW.toISOString(), field: 'companyName', from: 'Contoso', to: 'Contoso Ltd', reason: null, id: 'h1' }]
    const migrated = migrate({ customers: [{ id: 'c1', history }], deletions: [{ customerId: 'c0' }] }) as { customers: { history: unknown }[]; deletions: unknown }
    assert.deepEqual(migrated.customers[0]?.history, history)
    assert.deepEqual(migrated.deletions, [{ customerId: 'c0' }])
  })

  test('a real version 0 file opens migrated, saves as the current version, and loses nothing', async (t) => {
    const { dataDir } = await tempDesk(t)
    const file = join(dataDir, STORE_FILE_NAME)
    await writeFile(file, versionZeroFile)

    const store = await CustomerStore.open(file, NOW)
    assert.deepEqual(store.status, { kind: 'ok' })
    assert.equal(store.data.schemaVersion, CURRENT_SCHEMA_VERSION)
    assert.deepEqual(store.data.customers, [{ ...withoutKey(contoso, 'accountManager'), history: [] }, { ...fabrikam, history: [] }])
    assert.deepEqual(store.data.deletions, [])
    assert.equal(await readFile(file, 'utf8'), versionZeroFile, 'opening alone writes nothing')

    await store.mutate((data) => {
      const fabrikamNow = data.customers.find((customer) => customer.id === 'c2')
      if (fabrikamNow) fabrikamNow.notes = 'Renewal in May'
    })
    const saved = JSON.parse(await readFile(file, 'utf8'))
    assert.equal(saved.schemaVersion, CURRENT_SCHEMA_VERSION)
    assert.deepEqual(saved.customers, [
      { ...contoso, history: [] },
      { ...fabrikam, notes: 'Renewal in May', history: [] },
    ])
    assert.deepEqual(saved.deletions, [])
    assert.equal(saved.exportedBy, 'a script', 'a field of the file the desk does not know is kept')
    const dayBackup = join(dataDir, BACKUP_FOLDER, `customers-${localDay(NOW)}.json`)
    assert.equal(await readFile(dayBackup, 'utf8'), versionZeroFile, 'the day’s backup is the old file as it was')

    const reopened = await CustomerStore.open(file, NOW)
    assert.deepEqual(reopened.status, { kind: 'ok' })
    assert.deepEqual(reopened.data, store.data)
  })
})
