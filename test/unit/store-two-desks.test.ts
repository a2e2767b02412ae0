import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { readFile, rename, stat, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { describe, test, type TestContext } from 'node:test'
import { CustomerStore, STORE_FILE_NAME } from '../../main/services/customer-store'
import { LOCK_STALE_MS, lockPathFor } from '../../main/services/store-lock'
import { drivenClock } from '../helpers/driven-clock'
import { tempDesk } from '../helpers/temp-desk'

const AT = '2026-11-23T10:00:00.000Z'

/** A desk in its own process (test/child-programs/store-desk.ts) that saves a customer when asked and answers with the outcome. */
async function childDesk(t: TestContext, file: string): Promise<{ process: ChildProcess; save(id: string): Promise<string> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../child-programs/store-desk.ts'), file], { stdio: ['pipe', 'pipe', 'inherit'] })
  t.after(() => child.kill('SIGKILL'))
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]()
  const next = async (): Promise<string> => {
    const line = await lines.next()
    if (line.done) throw new Error('the other desk exited')
    return line.value
  }
  assert.match(await next(), /^ready (ok|created)$/)
  return {
    process: child,
    save: async (id) => {
      child.stdin.write(`save ${id}\n`)
      return next()
    },
  }
}

const idsIn = async (file: string): Promise<string[]> => JSON.parse(await readFile(file, 'utf8')).customers.map((customer: { id: string }) => customer.id)

const signalled = (child: ChildProcess, signal: NodeJS.Signals) => assert.ok(child.kill(signal), `${signal} was delivered`)

describe('two desks on one folder never overwrite each other’s acknowledged saves', () => {
  test('a desk whose lock was taken over while it slept refuses its next save; every acknowledged save stays', async (t) => {
    const { dataDir } = await tempDesk(t)
    const file = join(dataDir, STORE_FILE_NAME)
    await writeFile(file, JSON.stringify({ schemaVersion: 1, customers: [], deletions: [] }))
    const first = await childDesk(t, file)
    assert.equal(await first.save('first-1'), 'ack first-1')
    assert.equal(await first.save('first-2'), 'ack first-2')

    // The first desk's computer sleeps: its process stops, so does its heartbeat (and its lock looks old to anyone reading mtimes).
    signalled(first.process, 'SIGSTOP')
    const long = new Date(Date.now() - 2 * LOCK_STALE_MS)
    await utimes(lockPathFor(file), long, long)

    const clock = drivenClock()
    const second = await CustomerStore.open(file, undefined, { lockTiming: clock.timing })
    clock.advance(LOCK_STALE_MS)
    await second.mutate((data) => {
      data.customers.push({ id: 'second-1', companyName: 'From the second desk', notes: '', createdAt: AT, updatedAt: AT, x360: null, nexetic: null, history: [] })
    })
    assert.deepEqual(await idsIn(file), ['first-1', 'first-2', 'second-1'])

    // The first computer wakes up and its user saves again.
    signalled(first.process, 'SIGCONT')
    assert.match(await first.save('first-3'), /^refused Nothing can be saved: Another MSP Customer Desk \(process \d+\) took over the customer file while this window had it open/)
    assert.deepEqual(await idsIn(file), ['first-1', 'first-2', 'second-1'], 'the second desk’s acknowledged save is still there')
    assert.match(await first.save('first-4'), /^refused /, 'and it stays read-only')
    await second.close()
  })

  test('a desk whose file was replaced behind it (same size, mtime put back) refuses its next save; a mere touch does not stop it', async (t) => {
    const { dataDir } = await tempDesk(t)
    const file = join(dataDir, STORE_FILE_NAME)
    const first = await childDesk(t, file)
    assert.equal(await first.save('desk-1'), 'ack desk-1')

    // A touch changes the mtime, not the content: the content check lets the save go on.
    const touched = new Date(Date.now() + 60_000)
    await utimes(file, touched, touched)
    assert.equal(await first.save('desk-2'), 'ack desk-2')

    // A sync tool (or a desk that never saw the lock) puts another version in place, of the same size and with the old mtime.
    const mine = await readFile(file, 'utf8')
    const theirs = mine.replace('Company desk-1', 'Company DESK-1')
    const before = await stat(file)
    await writeFile(`${file}.incoming`, theirs)
    await utimes(`${file}.incoming`, before.atime, before.mtime)
    await rename(`${file}.incoming`, file)
    assert.equal((await stat(file)).size, before.size)

    assert.match(await first.save('desk-3'), /^refused Nothing can be saved: The customer file was changed by another MSP Customer Desk after this window opened/)
    assert.equal(await readFile(file, 'utf8'), theirs, 'the other version is kept as it is')
  })
})
