import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { AccessLogPage } from '../../main/common/contract'
import { createDesk } from '../../main/desk'
import { dispatch } from '../../main/ipc/handler-table'
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
