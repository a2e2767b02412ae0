import assert from 'node:assert/strict'
import { chmod, lstat, mkdir, readdir, readFile, symlink, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { DeskFailure } from '../../main/common/desk-error'
import { tempPathFor } from '../../main/services/atomic-file'
import { CustomerStore, STORE_FILE_NAME } from '../../main/services/customer-store'
import { CURRENT_SCHEMA_VERSION } from '../../main/services/migrations'
import { generateCustomers } from '../helpers/generate-customers'
import { tempDesk } from '../helpers/temp-desk'
import { tinyDisk } from './store-disk-helpers'

const NOW = new Date('2026-11-23T10:00:00.000Z')
const sample = (count: number) => JSON.stringify(generateCustomers(count, 3))
const addOne = (store: CustomerStore, id: string) =>
  store.mutate((data) => {
    data.customers.push({ id, companyName: `Added ${id}`, notes: '', createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), x360: null, nexetic: null, history: [] })
  })
const refusedAsReadOnly = (error: unknown) => error instanceof DeskFailure && error.code === 'store-read-only'

/** Opens a store on `contents` and checks the damaged file is kept aside, byte for byte, and never written over. */
async function expectKeptAside(dataDir: string, contents: string, reason: RegExp): Promise<void> {
  const file = join(dataDir, STORE_FILE_NAME)
  await writeFile(file, contents)
  const store = await CustomerStore.open(file, NOW)
  assert.ok(store.status.kind === 'recovered', `status was ${store.status.kind}`)
  assert.match(store.status.reason, reason)
  assert.equal(await readFile(store.status.keptAs, 'utf8'), contents, 'the damaged file is kept byte for byte')
  assert.deepEqual(store.data.customers, [])
  assert.equal(await lstat(file).catch(() => null), null, 'opening writes nothing in its place')
  await addOne(store, 'after')
  assert.equal(await readFile(store.status.keptAs, 'utf8'), contents, 'a later save does not touch the kept file')
  await store.close()
}

describe('damaged customer files', () => {
  test('an empty file is kept aside and reported as empty', async (t) => {
    const { dataDir } = await tempDesk(t)
    await expectKeptAside(dataDir, '', /is empty/)
  })

  test('a file cut short is kept aside; the message says it was cut short', async (t) => {
    const { dataDir } = await tempDesk(t)
    const whole = sample(50)
    await expectKeptAside(dataDir, whole.slice(0, Math.floor(whole.length / 2)), /not valid JSON: it was cut short or damaged/)
  })

  test('valid JSON of the wrong shape is kept aside, naming where it differs', async (t) => {
    const { dataDir } = await tempDesk(t)
    await expectKeptAside(dataDir, JSON.stringify({ schemaVersion: CURRENT_SCHEMA_VERSION, customers: 'none', deletions: [] }), /does not hold customer data as expected at customers/)
    const { dataDir: other } = await tempDesk(t)
    await expectKeptAside(other, '[1, 2, 3]', /does not hold customer data as expected/)
  })

  test('when a damaged file cannot be moved aside, nothing is saved over it', async (t) => {
    const { dataDir } = await tempDesk(t)
    const file = join(dataDir, STORE_FILE_NAME)
    await writeFile(file, '{"schemaVersion":1,"customers":[')
    // A folder already holding the kept-aside name makes the rename fail, even for root.
    await mkdir(`${file}.unreadable-2026-11-23T10-00-00-000Z`)
    const store = await CustomerStore.open(file, NOW)
    assert.ok(store.status.kind === 'read-only')
    assert.match(store.status.reason, /could not be moved aside .* nothing will be saved over it/)
    await assert.rejects(addOne(store, 'x'), refusedAsReadOnly)
    assert.equal(await readFile(file, 'utf8'), '{"schemaVersion":1,"customers":[')
  })

  test('a file from a newer version is left untouched: read-only, and the message says to update', async (t) => {
    const { dataDir } = await tempDesk(t)
    const file = join(dataDir, STORE_FILE_NAME)
    const newer = JSON.stringify({ schemaVersion: CURRENT_SCHEMA_VERSION + 1, customers: [{ id: 'c1', future: true }] })
    await writeFile(file, newer)
    const store = await CustomerStore.open(file, NOW)
    assert.ok(store.status.kind === 'read-only')
    assert.match(store.status.reason, /newer version .*data format 2; this version reads format 1.*left untouched.*update MSP Customer Desk/)
    await assert.rejects(addOne(store, 'x'), refusedAsReadOnly)
    await assert.rejects(store.restoreBackup('customers-2026-11-22.json'), refusedAsReadOnly)
    assert.equal(await readFile(file, 'utf8'), newer)
    assert.deepEqual(await readdir(dataDir), [STORE_FILE_NAME], 'no lock, backup or temporary file appears')
  })
})

describe('a data folder that cannot be written', () => {
  test('a file where the data folder should be: read-only, and that file is left alone', async (t) => {
    const { dataDir } = await tempDesk(t)
    const notAFolder = join(dataDir, 'MSP Customer Desk')
    await writeFile(notAFolder, 'someone else’s file')
    const store = await CustomerStore.open(join(notAFolder, STORE_FILE_NAME), NOW)
    assert.ok(store.status.kind === 'read-only')
    assert.match(store.status.reason, /could not be created: something that is not a folder already has its name/)
    await assert.rejects(addOne(store, 'x'), refusedAsReadOnly)
    assert.equal(await readFile(notAFolder, 'utf8'), 'someone else’s file')
  })

  // Windows has no POSIX folder modes (chmod sets only the read-only attribute, which folders ignore); a folder
  // closed to writes there needs an ACL. Root on Linux is stopped only by a read-only mount (tinyDisk).
  const readOnlyFolderSkip = process.platform === 'win32' && 'Windows folders have no POSIX modes to make them read-only'
  test('a read-only folder: the customers are shown, nothing is saved, the file is unchanged', { skip: readOnlyFolderSkip }, async (t) => {
    const disk = await tinyDisk(t, 512)
    const { dataDir: fallback } = await tempDesk(t)
    const dataDir = disk?.dir ?? fallback
    const file = join(dataDir, STORE_FILE_NAME)
    const contents = sample(20)
    await writeFile(file, contents)
    if (disk) assert.ok(disk.remountReadOnly(), 'the tmpfs was remounted read-only')
    else if (process.getuid?.() !== 0) await chmod(dataDir, 0o555)
    else return t.skip('running as root without permission to mount a read-only tmpfs')
    t.after(() => chmod(dataDir, 0o755).catch(() => undefined))

    const store = await CustomerStore.open(file, NOW)
    assert.ok(store.status.kind === 'read-only')
    assert.match(store.status.reason, /cannot be written to \((EROFS|EACCES)\)\. Your customers are shown, but nothing will be saved/)
    assert.equal(store.data.customers.length, 20)
    await assert.rejects(addOne(store, 'x'), refusedAsReadOnly)
    assert.equal(await readFile(file, 'utf8'), contents)
  })

  test('a folder in the way of the temporary file turns the store read-only at open', async (t) => {
    const { dataDir } = await tempDesk(t)
    const file = join(dataDir, STORE_FILE_NAME)
    await writeFile(file, sample(5))
    await mkdir(tempPathFor(file))
    const store = await CustomerStore.open(file, NOW)
    assert.ok(store.status.kind === 'read-only')
    assert.match(store.status.reason, /cannot be written to \(EISDIR\)/)
    assert.equal(store.data.customers.length, 5)
  })
})

describe('a full disk', () => {
  test('a save that hits a full disk leaves the file and memory as they were, says so, and works once there is space', async (t) => {
    const disk = await tinyDisk(t, 256)
    const { dataDir: fallback } = await tempDesk(t)
    const dataDir = disk?.dir ?? fallback
    const file = join(dataDir, STORE_FILE_NAME)
    await writeFile(file, sample(30))
    const store = await CustomerStore.open(file, NOW)
    assert.equal(store.status.kind, 'ok')
    const before = await readFile(file, 'utf8')

    const filler = join(dataDir, 'filler.bin')
    if (disk) {
      // Fill the tmpfs to the last block, so the next write really meets ENOSPC.
      await writeFile(filler, Buffer.alloc(256 * 1024)).catch(() => undefined)
    } else if (process.platform === 'linux') {
      // No mount allowed: the writer's temporary file points at /dev/full, which answers every write with ENOSPC.
      await symlink('/dev/full', tempPathFor(file))
    } else {
      return t.skip('needs Linux (a tmpfs or /dev/full) to make a disk full')
    }

    await assert.rejects(addOne(store, 'too-much'), (error: unknown) => {
      assert.ok(error instanceof DeskFailure)
      assert.match(error.message, /disk holding the data folder .* is full, so this change was not saved\. Your customer file was left as it was; free some space/)
      return true
    })
    assert.equal(await readFile(file, 'utf8'), before, 'the file is untouched')
    assert.equal(store.data.customers.length, 30, 'memory is back to what the file holds')
    assert.equal(await lstat(tempPathFor(file)).catch(() => null), null, 'no half-written temporary file is left taking space')

    if (disk) await unlink(filler)
    await addOne(store, 'fits-now')
    assert.equal(JSON.parse(await readFile(file, 'utf8')).customers.length, 31)
    await store.close()
  })
})

describe('changes that fail halfway', () => {
  test('a change that throws after altering memory is undone, so the next save does not carry half of it', async (t) => {
    const { dataDir } = await tempDesk(t)
    const file = join(dataDir, STORE_FILE_NAME)
    await writeFile(file, sample(3))
    const store = await CustomerStore.open(file, NOW)
    const before = structuredClone(store.data)
    await assert.rejects(
      store.mutate((data) => {
        const first = data.customers[0]
        if (first) first.notes = 'half-done'
        throw new DeskFailure('not-found', 'This customer no longer exists.')
      }),
      /no longer exists/,
    )
    assert.deepEqual(store.data, before)
    await addOne(store, 'next')
    assert.ok(!(await readFile(file, 'utf8')).includes('half-done'))
  })

  test('changes fired together are written one at a time; a failed one in the middle loses none of the others', async (t) => {
    const { dataDir } = await tempDesk(t)
    const file = join(dataDir, STORE_FILE_NAME)
    const store = await CustomerStore.open(file, NOW)
    const results = await Promise.allSettled([
      addOne(store, 'one'),
      store.mutate(() => {
        throw new DeskFailure('invalid', 'Refused.')
      }),
      addOne(store, 'two'),
      addOne(store, 'three'),
    ])
    assert.deepEqual(results.map((result) => result.status), ['fulfilled', 'rejected', 'fulfilled', 'fulfilled'])
    assert.deepEqual(JSON.parse(await readFile(file, 'utf8')).customers.map((customer: { id: string }) => customer.id), ['one', 'two', 'three'])
    assert.deepEqual(store.data.customers.map((customer) => customer.id), ['one', 'two', 'three'])
  })
})
