import assert from 'node:assert/strict'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import type { DeskApi } from '../../main/common/contract'
import { emptyCustomerForm } from '../../main/common/customer-form'
import { DeskFailure } from '../../main/common/desk-error'
import { createDesk } from '../../main/desk'
import { dispatch } from '../../main/ipc/handler-table'
import { CustomerStore, STORE_FILE_NAME } from '../../main/services/customer-store'
import { createMemoryClipboard } from '../../main/services/secret-clipboard'
import { BACKUP_FOLDER, KEEP_DAILY } from '../../main/services/store-backups'
import { createDeskApi } from '../../preload/desk-api'
import { tempDesk } from '../helpers/temp-desk'

/** A clock the test moves by hand; local dates, so the "day" is the same in every time zone. */
function handClock(start = new Date(2026, 10, 23, 9, 0)) {
  let current = start
  return {
    now: () => current,
    nextDay(hours = 9) {
      current = new Date(current.getFullYear(), current.getMonth(), current.getDate() + 1, hours, 0)
    },
    later(minutes: number) {
      current = new Date(current.getTime() + minutes * 60_000)
    },
  }
}

const add = (store: CustomerStore, id: string) =>
  store.mutate((data) => {
    data.customers.push({ id, companyName: `Company ${id}`, notes: '', createdAt: '2026-11-23T09:00:00.000Z', updatedAt: '2026-11-23T09:00:00.000Z', x360: null, nexetic: null, history: [] })
  })
const idsIn = (text: string): string[] => (JSON.parse(text) as { customers: { id: string }[] }).customers.map((customer) => customer.id)

describe('daily backups', () => {
  test('the first write of each day keeps the file as the day began; later writes that day do not', async (t) => {
    const { dataDir } = await tempDesk(t)
    const clock = handClock()
    const file = join(dataDir, STORE_FILE_NAME)
    const store = await CustomerStore.open(file, clock.now)
    await add(store, 'a')
    assert.ok(!(await readdir(dataDir)).includes(BACKUP_FOLDER), 'a new file has nothing to back up yet')

    clock.nextDay()
    await add(store, 'b')
    const backups = join(dataDir, BACKUP_FOLDER)
    assert.deepEqual(await readdir(backups), ['customers-2026-11-24.json'])
    assert.deepEqual(idsIn(await readFile(join(backups, 'customers-2026-11-24.json'), 'utf8')), ['a'])

    clock.later(60)
    await add(store, 'c')
    assert.deepEqual(idsIn(await readFile(join(backups, 'customers-2026-11-24.json'), 'utf8')), ['a'], 'the day’s copy is not replaced')

    clock.nextDay()
    await add(store, 'd')
    assert.deepEqual(idsIn(await readFile(join(backups, 'customers-2026-11-25.json'), 'utf8')), ['a', 'b', 'c'])
    await store.close()
  })

  test('a restart later the same day does not replace the copy the day began with', async (t) => {
    const { dataDir } = await tempDesk(t)
    const clock = handClock()
    const file = join(dataDir, STORE_FILE_NAME)
    const first = await CustomerStore.open(file, clock.now)
    await add(first, 'a')
    clock.nextDay()
    await add(first, 'b')
    await first.close()
    clock.later(120)
    const second = await CustomerStore.open(file, clock.now)
    await add(second, 'c')
    assert.deepEqual(idsIn(await readFile(join(dataDir, BACKUP_FOLDER, 'customers-2026-11-24.json'), 'utf8')), ['a'])
    await second.close()
  })

  test(`only the newest ${KEEP_DAILY} daily copies are kept`, async (t) => {
    const { dataDir } = await tempDesk(t)
    const clock = handClock(new Date(2026, 0, 1, 9, 0))
    const store = await CustomerStore.open(join(dataDir, STORE_FILE_NAME), clock.now)
    for (let day = 1; day <= 20; day += 1) {
      await add(store, `day-${day}`)
      clock.nextDay()
    }
    const kept = (await readdir(join(dataDir, BACKUP_FOLDER))).sort()
    assert.equal(kept.length, KEEP_DAILY)
    assert.equal(kept[0], 'customers-2026-01-07.json')
    assert.equal(kept.at(-1), 'customers-2026-01-20.json')
    const listed = await store.listBackups()
    assert.deepEqual(listed.backups.map((backup) => backup.name), [...kept].reverse(), 'listed newest first')
    assert.equal(listed.backups[0]?.customerCount, 19)
    await store.close()
  })

  test('a backup that cannot be written does not stop the save, and the list says why', async (t) => {
    const { dataDir } = await tempDesk(t)
    const clock = handClock()
    const store = await CustomerStore.open(join(dataDir, STORE_FILE_NAME), clock.now)
    await add(store, 'a')
    await writeFile(join(dataDir, BACKUP_FOLDER), 'a file where the backups folder should be')
    clock.nextDay()
    await add(store, 'b')
    assert.deepEqual(idsIn(await readFile(join(dataDir, STORE_FILE_NAME), 'utf8')), ['a', 'b'])
    assert.match((await store.listBackups()).problem ?? '', /daily backup for 2026-11-24 could not be written \(E(EXIST|NOTDIR)\)/)
    await store.close()
  })
})

describe('restoring a backup', () => {
  async function storeWithHistory(dataDir: string) {
    const clock = handClock()
    const store = await CustomerStore.open(join(dataDir, STORE_FILE_NAME), clock.now)
    await add(store, 'a')
    clock.nextDay()
    await add(store, 'b')
    clock.nextDay()
    await add(store, 'c')
    return { store, clock }
  }

  test('keeps the current file first, then copies the backup back byte for byte and reloads', async (t) => {
    const { dataDir } = await tempDesk(t)
    const { store } = await storeWithHistory(dataDir)
    const current = await readFile(join(dataDir, STORE_FILE_NAME), 'utf8')
    const backupText = await readFile(join(dataDir, BACKUP_FOLDER, 'customers-2026-11-24.json'), 'utf8')

    const result = await store.restoreBackup('customers-2026-11-24.json')
    assert.equal(result.restored, 'customers-2026-11-24.json')
    assert.equal(result.customerCount, 1)
    assert.match(result.keptCurrentAs ?? '', /^customers-2026-11-2\dT.*-before-restore\.json$/)
    assert.equal(await readFile(join(dataDir, BACKUP_FOLDER, result.keptCurrentAs ?? ''), 'utf8'), current, 'the replaced file is kept whole')
    assert.equal(await readFile(join(dataDir, STORE_FILE_NAME), 'utf8'), backupText)
    assert.deepEqual(store.data.customers.map((customer) => customer.id), ['a'])

    await add(store, 'd')
    assert.deepEqual(idsIn(await readFile(join(dataDir, STORE_FILE_NAME), 'utf8')), ['a', 'd'], 'saving goes on from the restored file')
    const kinds = (await store.listBackups()).backups.map((backup) => `${backup.kind}:${backup.customerCount}`)
    assert.deepEqual(kinds, ['before-restore:3', 'daily:2', 'daily:1'])
    await store.close()
  })

  test('a damaged backup is refused and nothing changes', async (t) => {
    const { dataDir } = await tempDesk(t)
    const { store } = await storeWithHistory(dataDir)
    await writeFile(join(dataDir, BACKUP_FOLDER, 'customers-2026-11-20.json'), '{"schemaVersion":1,"custo')
    const before = await readFile(join(dataDir, STORE_FILE_NAME), 'utf8')
    const listed = (await store.listBackups()).backups.find((backup) => backup.name === 'customers-2026-11-20.json')
    assert.equal(listed?.customerCount, null)
    assert.match(listed?.problem ?? '', /This copy is not valid JSON/)
    await assert.rejects(store.restoreBackup('customers-2026-11-20.json'), (error: unknown) => {
      assert.ok(error instanceof DeskFailure && error.code === 'invalid')
      assert.match(error.message, /cannot be restored: .*Nothing was changed\./)
      return true
    })
    assert.equal(await readFile(join(dataDir, STORE_FILE_NAME), 'utf8'), before)
    assert.ok(!(await readdir(join(dataDir, BACKUP_FOLDER))).some((name) => name.includes('before-restore')))
    await store.close()
  })

  test('the page can name only a backup, never another path', async (t) => {
    const { dataDir, keychainService } = await tempDesk(t)
    const desk = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard() })
    t.after(() => desk.close())
    for (const name of ['../customers.json', 'customers.json', '/etc/passwd', 'customers-2026-11-24.json/../../x', 'customers-2026-11-24.json\0']) {
      const result = await dispatch(desk.handlers, 'desk:maintenance.restoreDailyBackup', { name })
      assert.ok(!result.ok && result.error.code === 'invalid', name)
    }
    const missing = await dispatch(desk.handlers, 'desk:maintenance.restoreDailyBackup', { name: 'customers-2020-01-01.json' })
    assert.ok(!missing.ok && missing.error.code === 'not-found')
  })

  test('through the channels: list, restore, and the desk shows the restored customers', async (t) => {
    const { dataDir, keychainService } = await tempDesk(t)
    const clock = handClock()
    const desk = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard(), now: clock.now })
    t.after(() => desk.close())
    const api: DeskApi = createDeskApi((channel, payload) => dispatch(desk.handlers, channel, payload))
    const create = (companyName: string) => api.customers.create({ form: { ...emptyCustomerForm(), companyName } })
    assert.ok((await create('Contoso')).ok)
    clock.nextDay()
    assert.ok((await create('Fabrikam')).ok)

    const listed = await api.maintenance.listDailyBackups({})
    assert.ok(listed.ok)
    assert.equal(listed.value.folder, join(dataDir, BACKUP_FOLDER))
    assert.deepEqual(listed.value.backups.map((backup) => [backup.name, backup.customerCount]), [['customers-2026-11-24.json', 1]])

    const restored = await api.maintenance.restoreDailyBackup({ name: 'customers-2026-11-24.json' })
    assert.ok(restored.ok)
    const list = await api.customers.list({})
    assert.ok(list.ok)
    assert.deepEqual(list.value.map((customer) => customer.companyName), ['Contoso'])
    const status = await api.app.status({})
    assert.ok(status.ok && status.value.customerCount === 1 && status.value.store.kind === 'ok')
  })

  test('after a damaged file is kept aside, the status names the newest backup that can be restored', async (t) => {
    const { dataDir } = await tempDesk(t)
    const { store } = await storeWithHistory(dataDir)
    await store.close()
    await writeFile(join(dataDir, STORE_FILE_NAME), '{"schemaVersion":1,"customers":[{"id":')
    const reopened = await CustomerStore.open(join(dataDir, STORE_FILE_NAME), new Date(2026, 10, 26, 9, 0))
    assert.ok(reopened.status.kind === 'recovered')
    assert.match(reopened.status.reason, /A backup from 2026-11-25 with 2 customers can be restored\.$/)
    const restored = await reopened.restoreBackup('customers-2026-11-25.json')
    assert.equal(restored.keptCurrentAs, null, 'the damaged file is already kept aside')
    assert.deepEqual(reopened.status, { kind: 'ok' })
    await reopened.close()
  })
})
