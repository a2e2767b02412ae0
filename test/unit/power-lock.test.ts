import assert from 'node:assert/strict'
import { EventEmitter, once } from 'node:events'
import { describe, test, type TestContext } from 'node:test'
import { createDesk } from '../../main/desk'
import { lockOnPowerEvents, type PowerMonitorPart } from '../../main/electron/power-lock'
import { touchIdFor } from '../../main/electron/touch-id'
import { dispatch } from '../../main/ipc/handler-table'
import { createMemoryClipboard } from '../../main/services/secret-clipboard'
import { tempDesk } from '../helpers/temp-desk'

const PASSPHRASE = 'correct horse battery'

/** Electron's powerMonitor as far as the lock uses it: its events, and an idle time the test sets; each poll is announced. */
class PowerMonitorStandIn extends EventEmitter implements PowerMonitorPart {
  idleSeconds = 0
  readonly polls = new EventEmitter()
  getSystemIdleTime(): number {
    this.polls.emit('poll')
    return this.idleSeconds
  }
}

/** A real desk (store, keychain, lock) with a passphrase set and open, and the lock's events to wait for. */
async function unlockedDesk(t: TestContext) {
  const folder = await tempDesk(t)
  const changes = new EventEmitter()
  const desk = await createDesk({ ...folder, clipboard: createMemoryClipboard(), emit: (event, payload) => void changes.emit(event, payload) })
  t.after(() => desk.close())
  await dispatch(desk.handlers, 'desk:lock.setUp', { choice: 'passphrase', passphrase: PASSPHRASE, repeat: PASSPHRASE })
  return { desk, changes }
}

describe('the lock on the OS power events (main/electron/power-lock.ts over a stand-in powerMonitor)', () => {
  for (const event of ['lock-screen', 'suspend'] as const) {
    test(`${event} locks the desk`, async (t) => {
      const { desk, changes } = await unlockedDesk(t)
      const power = new PowerMonitorStandIn()
      const stop = lockOnPowerEvents(power, desk.lock, 60_000)
      t.after(stop)
      const changed = once(changes, 'lock.changed')
      // The lock's access-log entry lands after the page is told; the test ends once it has, not while it is written.
      const logged = once(changes, 'accessLog.recorded')
      power.emit(event)
      assert.deepEqual(await changed, [{ locked: true }])
      assert.equal(desk.lock.isLocked(), true)
      await logged
    })
  }

  test('the polled system idle time locks the desk once it reaches the period (5 minutes by default), not before', async (t) => {
    const { desk, changes } = await unlockedDesk(t)
    const power = new PowerMonitorStandIn()
    power.idleSeconds = 299
    const stop = lockOnPowerEvents(power, desk.lock, 5)
    t.after(stop)
    // The poll is unref'd (it must not keep a quitting app alive), so the test keeps the process up while it waits.
    const awake = setInterval(() => {}, 1000)
    t.after(() => clearInterval(awake))
    for (let poll = 0; poll < 3; poll += 1) await once(power.polls, 'poll')
    assert.equal(desk.lock.isLocked(), false, 'three polls at 299 seconds idle left it open')
    const changed = once(changes, 'lock.changed')
    const logged = once(changes, 'accessLog.recorded')
    power.idleSeconds = 300
    assert.deepEqual(await changed, [{ locked: true }])
    await logged
  })
})

describe('Touch ID glue (main/electron/touch-id.ts)', () => {
  test('only on macOS, over systemPreferences', async () => {
    const calls: string[] = []
    const prefs = { canPromptTouchID: () => (calls.push('can'), true), promptTouchID: async (reason: string) => void calls.push(`prompt ${reason}`) }
    assert.equal(touchIdFor('win32', prefs), undefined)
    assert.equal(touchIdFor('linux', prefs), undefined)
    const mac = touchIdFor('darwin', prefs)
    assert.ok(mac)
    assert.equal(mac.canPrompt(), true)
    await mac.prompt('unlock MSP Customer Desk')
    assert.deepEqual(calls, ['can', 'prompt unlock MSP Customer Desk'])
  })
})
