import assert from 'node:assert/strict'
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import type { AccessLogPage } from '../../main/common/contract'
import { createDesk } from '../../main/desk'
import { dispatch } from '../../main/ipc/handler-table'
import { ACCESS_LOG_FILE_NAME } from '../../main/services/access-log/log-file'
import { createMemoryClipboard } from '../../main/services/secret-clipboard'
import { SAMPLE_CUSTOMERS, seedCustomers } from '../helpers/customer-seeds'
import { tempDesk } from '../helpers/temp-desk'

const PASSPHRASE = 'correct horse battery'

/** The services built by other parts of the desk (the lock, previous passwords) write to the one access log. */
describe('the access log records what the lock and the previous passwords do', () => {
  test('a failed unlock, an unlock, a lock and a reveal of a previous password each leave an entry, with no secret', async (t) => {
    const folder = await tempDesk(t)
    let time = new Date('2026-12-01T09:00:00Z').getTime()
    const desk = await createDesk({ ...folder, clipboard: createMemoryClipboard(), now: () => new Date(time) })
    t.after(() => desk.close())
    const call = (channel: string, payload: unknown = {}) => dispatch(desk.handlers, `desk:${channel}`, payload)

    const [contoso] = await seedCustomers(desk, SAMPLE_CUSTOMERS.slice(0, 1))
    assert.ok(contoso)
    const changed = await call('customers.changePassword', { id: contoso.id, password: 'Second-Pass-2026!', confirmPassword: 'Second-Pass-2026!' })
    assert.ok(changed.ok, JSON.stringify(changed))
    const previous = await call('passwordHistory.previous', { id: contoso.id })
    assert.ok(previous.ok)
    const [replaced] = previous.value as { entryId: string }[]
    assert.ok(replaced, 'the replaced password is kept')
    assert.ok((await call('passwordHistory.revealPrevious', { id: contoso.id, entryId: replaced.entryId })).ok)

    assert.ok((await call('lock.setUp', { choice: 'passphrase', passphrase: PASSPHRASE, repeat: PASSPHRASE })).ok)
    assert.ok((await call('lock.lock')).ok)
    assert.equal((await call('lock.unlock', { passphrase: 'not the passphrase' })).ok, true, 'a wrong passphrase is an answer, not an error')
    time += 10 * 60_000
    assert.ok((await call('lock.unlock', { passphrase: PASSPHRASE })).ok)

    // The lock tells the log without waiting for the disk: read until the unlock's entry has landed.
    let entries: AccessLogPage['entries'] = []
    for (let attempt = 0; attempt < 200 && !entries.some((entry) => entry.action === 'unlock'); attempt += 1) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 25))
      const listed = await call('accessLog.list', {})
      assert.ok(listed.ok, JSON.stringify(listed))
      entries = (listed.value as AccessLogPage).entries
    }
    const actions = entries.map((entry) => entry.action)
    for (const action of ['previous-password-reveal', 'lock', 'unlock-failed', 'unlock']) assert.ok(actions.includes(action as never), `${action} is in the log: ${actions.join(', ')}`)
    assert.equal(entries.find((entry) => entry.action === 'previous-password-reveal')?.customerId, contoso.id)
    const text = JSON.stringify(entries)
    for (const secret of [PASSPHRASE, 'not the passphrase', 'Second-Pass-2026!']) assert.ok(!text.includes(secret), 'no secret in the log')
  })
})

describe('the access log records every change of the lock\'s settings', () => {
  const NEW_PASSPHRASE = 'purple staple orbit lamp'
  const lockSettings = async (call: (channel: string, payload?: unknown) => Promise<unknown>): Promise<(string | null)[]> => {
    const listed = (await call('accessLog.list', { actions: ['lock-settings'] })) as { ok: boolean; value: AccessLogPage }
    assert.ok(listed.ok, JSON.stringify(listed))
    return listed.value.entries.map((entry) => entry.detail).reverse()
  }

  test('first start, Settings, a change and a refused one, turning the lock off and on: one entry each, saying what changed and never a secret', async (t) => {
    const folder = await tempDesk(t)
    let time = new Date('2026-12-01T09:00:00Z').getTime()
    const desk = await createDesk({ ...folder, clipboard: createMemoryClipboard(), now: () => new Date(time) })
    t.after(() => desk.close())
    const call = (channel: string, payload: unknown = {}) => dispatch(desk.handlers, `desk:${channel}`, payload)

    assert.ok((await call('lock.setUp', { choice: 'passphrase', passphrase: PASSPHRASE, repeat: PASSPHRASE })).ok)
    assert.ok((await call('lock.saveSettings', { idleMinutes: 15, touchId: false })).ok)
    assert.ok((await call('lock.saveSettings', { idleMinutes: 15, touchId: false })).ok, 'saving nothing new')
    assert.ok((await call('lock.saveSettings', { idleMinutes: null, touchId: false })).ok)
    assert.ok((await call('lock.changePassphrase', { current: 'a wrong guess', passphrase: NEW_PASSPHRASE, repeat: NEW_PASSPHRASE })).ok)
    time += 2000
    assert.equal((await call('lock.changePassphrase', { current: PASSPHRASE, passphrase: 'short', repeat: 'short' })).ok, false, 'a refused new passphrase changes nothing')
    assert.ok((await call('lock.changePassphrase', { current: PASSPHRASE, passphrase: NEW_PASSPHRASE, repeat: NEW_PASSPHRASE })).ok)
    assert.ok((await call('lock.turnOff', { current: 'another wrong guess' })).ok)
    time += 4000
    assert.ok((await call('lock.turnOff', { current: NEW_PASSPHRASE })).ok)
    assert.ok((await call('lock.setUp', { choice: 'passphrase', passphrase: PASSPHRASE, repeat: PASSPHRASE })).ok)
    assert.ok((await call('lock.saveSettings', { idleMinutes: 1, touchId: false })).ok)

    assert.deepEqual(await lockSettings(call), [
      'passphrase set on first start',
      'idle 15 minutes',
      'idle never',
      'passphrase not changed: wrong current passphrase',
      'passphrase changed',
      'lock not turned off: wrong current passphrase',
      'lock turned off',
      'lock turned on with a new passphrase',
      'idle 1 minute',
    ])
    const text = JSON.stringify((await call('accessLog.list', {})) as unknown)
    for (const secret of [PASSPHRASE, NEW_PASSPHRASE, 'a wrong guess', 'another wrong guess']) assert.ok(!text.includes(secret), `"${secret}" is not in the log`)
  })

  test('"no lock" on first start is an entry too; a change whose entry cannot be written is kept, and its answer says the log missed it', async (t) => {
    const folder = await tempDesk(t)
    const desk = await createDesk({ ...folder, clipboard: createMemoryClipboard() })
    t.after(() => desk.close())
    const call = (channel: string, payload: unknown = {}) => dispatch(desk.handlers, `desk:${channel}`, payload)
    assert.ok((await call('lock.setUp', { choice: 'none' })).ok)
    assert.ok((await call('lock.setUp', { choice: 'none' })).ok, 'choosing it again is no change')
    assert.deepEqual(await lockSettings(call), ['no lock chosen on first start'])

    await rm(join(folder.dataDir, ACCESS_LOG_FILE_NAME))
    await mkdir(join(folder.dataDir, ACCESS_LOG_FILE_NAME))
    const set = await call('lock.setUp', { choice: 'passphrase', passphrase: PASSPHRASE, repeat: PASSPHRASE })
    assert.ok(!set.ok)
    assert.match(set.error.message, /^The lock's change was saved \(lock turned on with a new passphrase\), but the access log could not record it\./)
    const status = await call('lock.status')
    assert.ok(status.ok && (status.value as { hasPassphrase: boolean }).hasPassphrase, 'the passphrase is set all the same')
  })
})
