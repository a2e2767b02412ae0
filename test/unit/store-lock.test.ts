import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, test, type TestContext } from 'node:test'
import { DeskFailure } from '../../main/common/desk-error'
import { CustomerStore, STORE_FILE_NAME } from '../../main/services/customer-store'
import { LOCK_STALE_MS, lockPathFor } from '../../main/services/store-lock'
import { drivenClock } from '../helpers/driven-clock'
import { tempDesk } from '../helpers/temp-desk'

const add = (store: CustomerStore, id: string) =>
  store.mutate((data) => {
    data.customers.push({ id, companyName: `Company ${id}`, notes: '', createdAt: '2026-11-23T09:00:00.000Z', updatedAt: '2026-11-23T09:00:00.000Z', x360: null, nexetic: null, history: [] })
  })
const refusedAsReadOnly = (pattern: RegExp) => (error: unknown) => error instanceof DeskFailure && error.code === 'store-read-only' && pattern.test(error.message)

/** Another desk, in its own process, that has saved once and keeps the file open. */
function otherDesk(t: TestContext, file: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../child-programs/store-holder.ts'), file], { stdio: ['ignore', 'pipe', 'inherit'] })
    t.after(() => child.kill('SIGKILL'))
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => chunk.includes('holding') && resolve(child))
    child.on('error', reject)
    child.on('exit', (code) => reject(new Error(`the other desk exited early (${code})`)))
  })
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.removeAllListeners('exit')
    child.on('exit', () => resolve())
    child.kill('SIGKILL')
  })

describe('one desk per customer file', () => {
  test('while another process has the file open, a second desk shows it read-only and saves nothing; after a crash it takes over', async (t) => {
    const { dataDir } = await tempDesk(t)
    const file = join(dataDir, STORE_FILE_NAME)
    const other = await otherDesk(t, file)
    const held = await readFile(file, 'utf8')

    const second = await CustomerStore.open(file)
    assert.ok(second.status.kind === 'read-only')
    assert.match(second.status.reason, new RegExp(`already open in another MSP Customer Desk \\(process ${other.pid}\\)`))
    assert.deepEqual(second.data.deletions.map((tombstone) => tombstone.customerId), ['held'], 'the customers are shown')
    await assert.rejects(add(second, 'x'), refusedAsReadOnly(/already open/))
    assert.equal(await readFile(file, 'utf8'), held)

    await killed(other)
    const third = await CustomerStore.open(file)
    assert.deepEqual(third.status, { kind: 'ok' }, 'a lock whose process is gone does not block')
    await add(third, 'after-crash')
    assert.equal(JSON.parse(await readFile(lockPathFor(file), 'utf8')).pid, process.pid)
    await third.close()
    assert.ok(!(await readdir(dataDir)).includes(`${STORE_FILE_NAME}.lock`), 'closing releases the lock')
  })

  test('a lock whose counter stopped is taken only after standing still for the stale time on this desk’s own clock, whatever its mtime or process id', async (t) => {
    const { dataDir } = await tempDesk(t)
    const file = join(dataDir, STORE_FILE_NAME)
    const clock = drivenClock()
    // process.ppid is alive (as a reused process id would be) and the mtime is ahead (another machine's clock):
    // neither may keep a lock whose heartbeat stopped, and neither may decide it is stale.
    await writeFile(lockPathFor(file), JSON.stringify({ pid: process.ppid, host: hostname(), token: 'old', beat: 7 }))
    const ahead = new Date(Date.now() + 365 * 24 * 3_600_000)
    await utimes(lockPathFor(file), ahead, ahead)

    const store = await CustomerStore.open(file, undefined, { lockTiming: clock.timing })
    assert.ok(store.status.kind === 'read-only')
    assert.match(store.status.reason, /already open in another MSP Customer Desk/)
    clock.advance(LOCK_STALE_MS - 1)
    await assert.rejects(add(store, 'too-early'), refusedAsReadOnly(/already open/))
    assert.equal(JSON.parse(await readFile(lockPathFor(file), 'utf8')).token, 'old', 'not taken before the wait is over')

    clock.advance(1)
    await add(store, 'after-the-wait')
    assert.deepEqual(store.status, { kind: 'ok' })
    assert.equal(JSON.parse(await readFile(lockPathFor(file), 'utf8')).pid, process.pid)
    assert.deepEqual(JSON.parse(await readFile(file, 'utf8')).customers.map((customer: { id: string }) => customer.id), ['after-the-wait'])
    await store.close()
  })

  test('a lock whose counter keeps moving is never taken, even when its mtime is long past (another machine’s clock)', async (t) => {
    const { dataDir } = await tempDesk(t)
    const file = join(dataDir, STORE_FILE_NAME)
    const clock = drivenClock()
    const long = new Date(Date.now() - 365 * 24 * 3_600_000)
    const beat = async (count: number) => {
      await writeFile(lockPathFor(file), JSON.stringify({ pid: 4242, host: 'front-desk-pc', token: 'theirs', beat: count }))
      await utimes(lockPathFor(file), long, long)
    }
    await beat(1)
    const store = await CustomerStore.open(file, undefined, { lockTiming: clock.timing })
    assert.equal(store.status.kind, 'read-only', 'an old mtime alone does not make a lock stale')
    for (let count = 2; count <= 4; count += 1) {
      clock.advance(LOCK_STALE_MS + 1)
      await beat(count)
      await assert.rejects(add(store, `try-${count}`), refusedAsReadOnly(/process 4242 on front-desk-pc/))
    }
    assert.equal(JSON.parse(await readFile(lockPathFor(file), 'utf8')).token, 'theirs', 'their lock is left alone')
    assert.equal(await readFile(file, 'utf8').catch(() => null), null, 'nothing was written')

    clock.advance(LOCK_STALE_MS)
    await add(store, 'they-stopped')
    assert.equal(JSON.parse(await readFile(lockPathFor(file), 'utf8')).pid, process.pid)
    await store.close()
  })

  test('a lock file that cannot be created turns the desk read-only instead of writing without one', async (t) => {
    const { dataDir } = await tempDesk(t)
    const file = join(dataDir, STORE_FILE_NAME)
    await writeFile(file, JSON.stringify({ schemaVersion: 1, customers: [], deletions: [] }))
    const before = await readFile(file, 'utf8')
    // A folder where the lock file goes refuses it for everyone, root included.
    await mkdir(lockPathFor(file))
    const store = await CustomerStore.open(file)
    await assert.rejects(add(store, 'x'), refusedAsReadOnly(/lock file .* could not be created \(EISDIR\)/))
    assert.ok(store.status.kind === 'read-only')
    assert.match(store.status.reason, /Without it this window saves nothing/)
    assert.equal(await readFile(file, 'utf8'), before)
  })

  test('a lock from another machine sharing the folder blocks while its heartbeat is fresh', async (t) => {
    const { dataDir } = await tempDesk(t)
    const file = join(dataDir, STORE_FILE_NAME)
    await writeFile(lockPathFor(file), JSON.stringify({ pid: 4242, host: 'front-desk-pc', token: 'theirs' }))
    const store = await CustomerStore.open(file)
    assert.ok(store.status.kind === 'read-only')
    assert.match(store.status.reason, /process 4242 on front-desk-pc/)
    assert.equal(JSON.parse(await readFile(lockPathFor(file), 'utf8')).token, 'theirs', 'their lock is left alone')
  })

  test('a desk that only looks leaves no lock; one that finds the file changed since it opened saves nothing', async (t) => {
    const { dataDir } = await tempDesk(t)
    const file = join(dataDir, STORE_FILE_NAME)
    const first = await CustomerStore.open(file)
    const second = await CustomerStore.open(file)
    assert.deepEqual(await readdir(dataDir), [], 'opening alone writes nothing')

    await add(first, 'from-first')
    await first.close()
    await assert.rejects(add(second, 'from-second'), refusedAsReadOnly(/changed by another MSP Customer Desk after this window opened/))
    assert.equal(second.status.kind, 'read-only')
    assert.deepEqual(JSON.parse(await readFile(file, 'utf8')).customers.map((customer: { id: string }) => customer.id), ['from-first'])
    assert.deepEqual(second.data.customers, [], 'memory is back to what this desk read')
  })

  test('opening removes the staged lock file of a desk of this computer killed while taking the lock, and no other', async (t) => {
    const { dataDir } = await tempDesk(t)
    const file = join(dataDir, STORE_FILE_NAME)
    // A process that has ended: its pid names nobody now. A live one: this test's own keeps its file.
    const gone = spawn(process.execPath, ['-e', ''])
    await once(gone, 'exit')
    const staged = (name: string, pid: number, host = hostname()) => writeFile(join(dataDir, `${STORE_FILE_NAME}.lock.staged-${name}.tmp`), JSON.stringify({ pid, host, token: name, beat: 0 }))
    await staged('gone', gone.pid ?? 0)
    await staged('alive', process.pid)
    await staged('elsewhere', gone.pid ?? 0, 'another-computer')
    const store = await CustomerStore.open(file)
    t.after(() => store.close())
    assert.deepEqual((await readdir(dataDir)).sort(), [`${STORE_FILE_NAME}.lock.staged-alive.tmp`, `${STORE_FILE_NAME}.lock.staged-elsewhere.tmp`])
  })
})

test('the holder’s heartbeat raises the counter in its lock file, keeping its token', async (t) => {
  const { dataDir } = await tempDesk(t)
  const file = join(dataDir, STORE_FILE_NAME)
  const store = await CustomerStore.open(file, undefined, { lockTiming: { now: () => performance.now(), heartbeatMs: 5, staleMs: LOCK_STALE_MS } })
  await add(store, 'a')
  const first = JSON.parse(await readFile(lockPathFor(file), 'utf8'))
  assert.equal(typeof first.beat, 'number', 'the lock file holds a counter')
  let current = first
  // Waits for the signal (a higher counter in the file), however long the machine takes to give it.
  while (current.beat <= first.beat) {
    await new Promise((resume) => setImmediate(resume))
    current = JSON.parse(await readFile(lockPathFor(file), 'utf8'))
  }
  assert.equal(current.token, first.token)
  await add(store, 'b')
  await store.close()
})
