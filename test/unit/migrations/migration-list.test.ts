import assert from 'node:assert/strict'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { CustomerStore, STORE_FILE_NAME } from '../../../main/services/customer-store'
import { CURRENT_SCHEMA_VERSION, migrate, MIGRATIONS, runMigrations, type Migration } from '../../../main/services/migrations'
import { tempDesk } from '../../helpers/temp-desk'

const NOW = new Date('2026-11-23T10:00:00.000Z')

const step = (from: number, to: number): Migration => ({ from, to, migrate: (data) => ({ ...data, [`step${from}`]: true }) })

describe('the list of migrations', () => {
  test('starts at 0 (files from before versions) and each step starts where the one before ends', () => {
    assert.ok(MIGRATIONS.length > 0)
    assert.equal(MIGRATIONS[0]?.from, 0)
    MIGRATIONS.forEach((migration, index) => {
      assert.ok(migration.to > migration.from, `step ${index} goes forward`)
      if (index > 0) assert.equal(migration.from, MIGRATIONS[index - 1]?.to, `step ${index} starts where step ${index - 1} ends`)
    })
    assert.equal(CURRENT_SCHEMA_VERSION, MIGRATIONS.at(-1)?.to)
  })

  test('a current file is returned unchanged', () => {
    const current = { schemaVersion: CURRENT_SCHEMA_VERSION, customers: [], deletions: [] }
    assert.deepEqual(migrate(current), current)
  })

  test('every step runs in order from the file’s version, and stamps the version it reaches', () => {
    const steps = [step(0, 1), step(1, 2), step(2, 3)]
    assert.deepEqual(runMigrations({ schemaVersion: 1, kept: 'yes' }, steps), { kind: 'migrated', data: { schemaVersion: 3, kept: 'yes', step1: true, step2: true } })
    assert.deepEqual(runMigrations({}, steps), { kind: 'migrated', data: { schemaVersion: 3, step0: true, step1: true, step2: true } })
    assert.deepEqual(runMigrations({ schemaVersion: 4 }, steps), { kind: 'newer', version: 4 })
  })

  test('a version that no step starts from is named, not guessed past', () => {
    assert.deepEqual(runMigrations({ schemaVersion: 0 }, [step(0, 1), step(2, 3)]), { kind: 'no-step', version: 1 })
    assert.deepEqual(runMigrations({ schemaVersion: 0.5 }), { kind: 'no-step', version: 0.5 })
    assert.deepEqual(runMigrations({ schemaVersion: '1' }), { kind: 'no-step', version: '1' })
  })

  for (const version of [-1, 0.5, '1', null]) {
    test(`a file of data format ${JSON.stringify(version)} is kept aside with a message that names its format`, async (t) => {
      const { dataDir } = await tempDesk(t)
      const file = join(dataDir, STORE_FILE_NAME)
      const text = JSON.stringify({ schemaVersion: version, customers: [], deletions: [] })
      await writeFile(file, text)
      const store = await CustomerStore.open(file, NOW)
      assert.ok(store.status.kind === 'recovered')
      const expected = `The customer file says its data format is ${JSON.stringify(version)}, which no version of MSP Customer Desk writes (this version reads formats up to ${CURRENT_SCHEMA_VERSION})`
      assert.ok(store.status.reason.startsWith(expected), store.status.reason)
      assert.equal(await readFile(store.status.keptAs, 'utf8'), text)
      assert.deepEqual((await readdir(dataDir)).sort(), [`${STORE_FILE_NAME}.unreadable-2026-11-23T10-00-00-000Z`])
    })
  }
})
