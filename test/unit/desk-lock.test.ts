import assert from 'node:assert/strict'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test, type TestContext } from 'node:test'
import keytar from 'keytar'
import { allChannels } from '../../main/common/contract'
import { createDesk, type Desk } from '../../main/desk'
import { dispatch, LOCKED_ERROR, lockedUnlessExempt, OPEN_WHILE_LOCKED } from '../../main/ipc/handler-table'
import type { LockAccessEvent, TouchIdPrompt } from '../../main/services/lock/desk-lock'
import { LOCK_ACCOUNT } from '../../main/services/lock/lock-record'
import { createMemoryClipboard } from '../../main/services/secret-clipboard'
import { presetLock, type LockPreset } from '../helpers/lock-preset'
import { SEED_PASSWORD, seedCustomers } from '../helpers/customer-seeds'
import { tempDesk } from '../helpers/temp-desk'

const PASSPHRASE = 'correct horse battery'

/** A clock the test moves, so the waits are proven without waiting. */
function testClock() {
  let time = new Date('2026-12-01T09:00:00Z').getTime()
  return { now: () => new Date(time), advance: (ms: number) => void (time += ms) }
}

interface Opened {
  desk: Desk
  call(channel: string, payload?: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string; fields?: Record<string, string> } }>
  events: LockAccessEvent[]
  emitted: unknown[]
  clipboard: ReturnType<typeof createMemoryClipboard>
}

async function openDesk(t: TestContext, folder: { dataDir: string; keychainService: string }, options: { preset?: LockPreset; clock?: ReturnType<typeof testClock>; touchId?: TouchIdPrompt; platform?: NodeJS.Platform } = {}): Promise<Opened> {
  if (options.preset) await presetLock(folder.keychainService, options.preset)
  const events: LockAccessEvent[] = []
  const emitted: unknown[] = []
  const clipboard = createMemoryClipboard()
  const desk = await createDesk({
    ...folder,
    clipboard,
    ...(options.clock ? { now: options.clock.now } : {}),
    emit: (event, payload) => void emitted.push([event, payload]),
    lock: { onAccess: (event) => events.push(event), ...(options.touchId ? { touchId: options.touchId } : {}), ...(options.platform ? { platform: options.platform } : {}) },
  })
  t.after(() => desk.close())
  return { desk, events, emitted, clipboard, call: (channel, payload = {}) => dispatch(desk.handlers, `desk:${channel}`, payload) as never }
}

describe('the desk lock, over the real keychain', () => {
  test('first start: nothing chosen yet, the desk is open; a passphrase is kept only as a scrypt verifier in the keychain', async (t) => {
    const folder = await tempDesk(t)
    const { call } = await openDesk(t, folder)
    assert.equal(((await call('lock.status')).value as { state: string }).state, 'setup')
    assert.equal((await call('customers.list')).ok, true, 'nothing to protect before the user chose')

    const short = await call('lock.setUp', { choice: 'passphrase', passphrase: 'short', repeat: 'short' })
    assert.match(short.error?.fields?.passphrase ?? '', /at least 8 characters/)
    const differ = await call('lock.setUp', { choice: 'passphrase', passphrase: PASSPHRASE, repeat: 'correct horse batterY' })
    assert.match(differ.error?.fields?.repeat ?? '', /not the same/)
    const set = await call('lock.setUp', { choice: 'passphrase', passphrase: PASSPHRASE, repeat: PASSPHRASE })
    assert.deepEqual(set.value, { state: 'unlocked', hasPassphrase: true, idleMinutes: 5, touchId: { available: false, enabled: false }, retryInMs: 0 })

    const entry = await keytar.getPassword(folder.keychainService, LOCK_ACCOUNT)
    assert.ok(entry, 'the verifier is in the keychain')
    assert.ok(!entry.includes(PASSPHRASE), 'never the passphrase itself')
    const record = JSON.parse(entry)
    assert.equal(record.verifier.name, 'scrypt')
    assert.deepEqual([record.verifier.N, record.verifier.r, record.verifier.p], [2 ** 17, 8, 1], "the backup's memory-hard parameters")
    assert.equal(Buffer.from(record.verifier.salt, 'base64').length, 16)
    for (const name of await readdir(folder.dataDir)) {
      const text = await readFile(join(folder.dataDir, name), 'utf8').catch(() => '')
      assert.ok(!text.includes(PASSPHRASE) && !text.includes(record.verifier.hash), `nothing of the lock in ${name}`)
    }
    const again = await call('lock.setUp', { choice: 'passphrase', passphrase: 'another passphrase', repeat: 'another passphrase' })
    assert.equal(again.error?.code, 'conflict', 'a passphrase is not replaced without the old one')
  })

  test('"no lock" is an explicit choice kept in the keychain: the desk opens at once next time, and never locks', async (t) => {
    const folder = await tempDesk(t)
    const first = await openDesk(t, folder)
    assert.equal(((await first.call('lock.setUp', { choice: 'none' })).value as { state: string }).state, 'unlocked')
    await first.desk.close()
    const next = await openDesk(t, folder)
    assert.equal(((await next.call('lock.lock')).value as { state: string }).state, 'unlocked', 'nothing could unlock it, so it does not lock')
    assert.equal(await next.desk.lock.trigger({ kind: 'suspend' }), false)
    assert.deepEqual(next.events, [])
  })

  test('a desk with a passphrase starts locked and refuses every channel but the lock\'s own with a typed "locked" error', async (t) => {
    const folder = await tempDesk(t)
    const { desk, call } = await openDesk(t, folder, { preset: { passphrase: PASSPHRASE } })
    assert.equal(((await call('lock.status')).value as { state: string }).state, 'locked')
    const refused: string[] = []
    for (const { name } of allChannels()) {
      const result = await dispatch(desk.handlers, name, {})
      if (!result.ok && result.error.code === 'locked') refused.push(name)
    }
    const expected = allChannels()
      .map(({ name }) => name)
      .filter((name) => !OPEN_WHILE_LOCKED.has(name))
    assert.deepEqual(refused.sort(), expected.sort(), 'every channel of the contract that is not exempt, whatever it is')
    assert.deepEqual([...OPEN_WHILE_LOCKED].sort(), ['desk:lock.lock', 'desk:lock.setUp', 'desk:lock.status', 'desk:lock.unlock', 'desk:lock.unlockWithTouchId'])
    assert.ok(refused.includes('desk:customers.revealPassword') && refused.includes('desk:lock.saveSettings'))
  })

  test('a channel added later, with no exemption, is refused by the wrapper while locked and answered once unlocked', async () => {
    let locked = true
    let called = 0
    const handler = lockedUnlessExempt('desk:someday.newChannel', { isLocked: () => locked }, async () => {
      called += 1
      return { ok: true, value: 'answer' }
    })
    assert.deepEqual(await handler({}), { ok: false, error: LOCKED_ERROR })
    assert.equal(called, 0, 'the service is never reached')
    locked = false
    assert.deepEqual(await handler({}), { ok: true, value: 'answer' })
  })

  test('locking takes a copied password off the clipboard (other text stays), tells the page, and is reported for the access log', async (t) => {
    const folder = await tempDesk(t)
    const opened = await openDesk(t, folder)
    await opened.call('lock.setUp', { choice: 'passphrase', passphrase: PASSPHRASE, repeat: PASSPHRASE })
    const [contoso] = await seedCustomers(opened.desk, [{ company: 'Contoso Ltd', x360: { username: 'contoso_backup', email: 'it@contoso.com', locations: 'Dublin' } }])
    assert.ok(contoso)
    assert.equal((await opened.call('customers.copyPassword', { id: contoso.id })).ok, true)
    assert.equal(await opened.clipboard.readText(), SEED_PASSWORD)
    const status = await opened.call('lock.lock')
    assert.equal((status.value as { state: string }).state, 'locked')
    assert.equal(await opened.clipboard.readText(), '', 'the password is off the clipboard at once, not after 30 seconds')
    assert.equal((await opened.call('customers.revealPassword', { id: contoso.id })).error?.code, 'locked')
    // The access log's own events (the copy, the lock's entry) go to the page too; the lock's is one lock.changed.
    assert.deepEqual(opened.emitted.filter((event) => (event as [string])[0] === 'lock.changed'), [['lock.changed', { locked: true }]])
    assert.deepEqual(
      opened.events.map(({ action, trigger }) => ({ action, trigger })),
      [{ action: 'lock', trigger: 'manual' }],
    )
    await opened.call('lock.unlock', { passphrase: PASSPHRASE })
    await opened.call('app.copyText', { text: 'contoso_backup' })
    await opened.call('lock.lock')
    assert.equal(await opened.clipboard.readText(), 'contoso_backup', 'a username the user copied is theirs to keep')
  })

  test('wrong passphrases: each waits longer (enforced in main, before scrypt runs), the wait survives a restart, and the right one resets it', async (t) => {
    const folder = await tempDesk(t)
    const clock = testClock()
    const first = await openDesk(t, folder, { preset: { passphrase: PASSPHRASE }, clock })
    const wrong = await first.call('lock.unlock', { passphrase: 'not it at all' })
    assert.deepEqual(wrong.value, { unlocked: false, retryInMs: 2000, message: 'That is not the desk passphrase. Wait 2 seconds before the next try.' })
    const early = await first.call('lock.unlock', { passphrase: PASSPHRASE })
    assert.deepEqual(early.value, { unlocked: false, retryInMs: 2000, message: 'Wait 2 seconds before the next try.' }, 'even the right passphrase is not checked during the wait')
    clock.advance(2000)
    assert.equal(((await first.call('lock.unlock', { passphrase: 'still wrong' })).value as { retryInMs: number }).retryInMs, 4000)
    assert.deepEqual(first.events.map(({ action }) => action), ['unlock-failed', 'unlock-failed'])
    await first.desk.close()

    clock.advance(1000)
    const restarted = await openDesk(t, folder, { clock })
    assert.equal(((await restarted.call('lock.status')).value as { retryInMs: number }).retryInMs, 3000, 'a restart is no way around the wait')
    assert.equal(((await restarted.call('lock.unlock', { passphrase: PASSPHRASE })).value as { unlocked: boolean }).unlocked, false)
    clock.advance(3000)
    assert.deepEqual((await restarted.call('lock.unlock', { passphrase: PASSPHRASE })).value, { unlocked: true, retryInMs: 0, message: null })
    assert.equal((await restarted.call('customers.list')).ok, true)
    assert.deepEqual(restarted.events.map(({ action, method }) => [action, method]), [['unlock', 'passphrase']])
    assert.equal(JSON.parse((await keytar.getPassword(folder.keychainService, LOCK_ACCOUNT)) ?? '{}').failures, 0, 'the count starts again')
  })

  test('parallel guesses are checked one after another, so the count cannot be raced', async (t) => {
    const folder = await tempDesk(t)
    const { call } = await openDesk(t, folder, { preset: { passphrase: PASSPHRASE }, clock: testClock() })
    const answers = await Promise.all([call('lock.unlock', { passphrase: 'guess one' }), call('lock.unlock', { passphrase: 'guess two' }), call('lock.unlock', { passphrase: PASSPHRASE })])
    assert.deepEqual(
      answers.map((answer) => (answer.value as { unlocked: boolean; message: string }).message),
      ['That is not the desk passphrase. Wait 2 seconds before the next try.', 'Wait 2 seconds before the next try.', 'Wait 2 seconds before the next try.'],
    )
  })

  test('Settings: the idle period is kept in the keychain entry and decides the idle lock; saving is refused while locked', async (t) => {
    const folder = await tempDesk(t)
    const opened = await openDesk(t, folder)
    await opened.call('lock.setUp', { choice: 'passphrase', passphrase: PASSPHRASE, repeat: PASSPHRASE })
    assert.equal(await opened.desk.lock.trigger({ kind: 'idle', idleSeconds: 15 * 60 - 1 }), true, '5 minutes by default')
    await opened.call('lock.unlock', { passphrase: PASSPHRASE })
    const saved = await opened.call('lock.saveSettings', { idleMinutes: 15, touchId: false })
    assert.equal((saved.value as { idleMinutes: number }).idleMinutes, 15)
    assert.equal(await opened.desk.lock.trigger({ kind: 'idle', idleSeconds: 15 * 60 - 1 }), false)
    assert.equal(await opened.desk.lock.trigger({ kind: 'idle', idleSeconds: 15 * 60 }), true)
    assert.equal((await opened.call('lock.saveSettings', { idleMinutes: null, touchId: false })).error?.code, 'locked')
    assert.equal((await opened.call('lock.saveSettings', { idleMinutes: 7, touchId: false })).ok, false, 'only the offered periods')
    assert.equal(JSON.parse((await keytar.getPassword(folder.keychainService, LOCK_ACCOUNT)) ?? '{}').idleMinutes, 15)
    assert.equal((await opened.call('lock.saveSettings', { idleMinutes: 30, touchId: true })).error?.code, 'locked')
  })

  test('Touch ID (macOS): a second way in once turned on in Settings; a cancelled prompt is a failed unlock', async (t) => {
    const folder = await tempDesk(t)
    const answers: ('pass' | 'cancel')[] = ['cancel', 'pass']
    const prompts: string[] = []
    const touchId: TouchIdPrompt = {
      canPrompt: () => true,
      prompt: async (reason) => {
        prompts.push(reason)
        if (answers.shift() === 'cancel') throw new Error('Touch ID was cancelled')
      },
    }
    const opened = await openDesk(t, folder, { touchId, platform: 'darwin' })
    await opened.call('lock.setUp', { choice: 'passphrase', passphrase: PASSPHRASE, repeat: PASSPHRASE })
    await opened.call('lock.lock')
    assert.equal((await opened.call('lock.unlockWithTouchId')).error?.code, 'invalid', 'off until turned on')
    await opened.call('lock.unlock', { passphrase: PASSPHRASE })
    assert.deepEqual(((await opened.call('lock.saveSettings', { idleMinutes: 5, touchId: true })).value as { touchId: unknown }).touchId, { available: true, enabled: true })
    await opened.call('lock.lock')
    assert.equal(((await opened.call('lock.unlockWithTouchId')).value as { unlocked: boolean }).unlocked, false)
    assert.equal(((await opened.call('lock.unlockWithTouchId')).value as { unlocked: boolean }).unlocked, true)
    assert.deepEqual(prompts, ['unlock MSP Customer Desk', 'unlock MSP Customer Desk'])
    assert.deepEqual(
      opened.events.map(({ action, method }) => [action, method ?? null]),
      [['lock', null], ['unlock', 'passphrase'], ['lock', null], ['unlock-failed', 'touch-id'], ['unlock', 'touch-id']],
    )
  })

  test('Touch ID cannot be turned on where it is not available (Windows, Linux, a Mac without it)', async (t) => {
    const folder = await tempDesk(t)
    const opened = await openDesk(t, folder, { touchId: { canPrompt: () => true, prompt: async () => {} }, platform: 'win32' })
    await opened.call('lock.setUp', { choice: 'passphrase', passphrase: PASSPHRASE, repeat: PASSPHRASE })
    const refused = await opened.call('lock.saveSettings', { idleMinutes: 5, touchId: true })
    assert.match(refused.error?.fields?.touchId ?? '', /not available/)
  })

  test('a lock entry that cannot be read keeps the desk shut (never open), and is read again on the next status', async (t) => {
    const folder = await tempDesk(t)
    await keytar.setPassword(folder.keychainService, LOCK_ACCOUNT, '{"version":1,"mode":"none","idleMinutes":7}')
    const { call } = await openDesk(t, folder)
    assert.equal(((await call('lock.status')).value as { state: string }).state, 'keychain-unavailable')
    assert.equal((await call('customers.list')).error?.code, 'locked')
    await presetLock(folder.keychainService, 'none')
    assert.equal(((await call('lock.status')).value as { state: string }).state, 'unlocked')
    assert.equal((await call('customers.list')).ok, true)
  })
})

describe('changing the passphrase and turning the lock off, over the real keychain', () => {
  const NEW_PASSPHRASE = 'purple staple orbit lamp'
  const entryOf = async (service: string) => JSON.parse((await keytar.getPassword(service, LOCK_ACCOUNT)) ?? '{}')

  test('a change needs the current passphrase, checked with the unlock\'s own growing wait; the new rules are the first start\'s; the old passphrase stops working', async (t) => {
    const folder = await tempDesk(t)
    const clock = testClock()
    const opened = await openDesk(t, folder, { clock })
    await opened.call('lock.setUp', { choice: 'passphrase', passphrase: PASSPHRASE, repeat: PASSPHRASE })
    await opened.call('lock.saveSettings', { idleMinutes: 30, touchId: false })
    const before = await entryOf(folder.keychainService)

    const short = await opened.call('lock.changePassphrase', { current: PASSPHRASE, passphrase: 'short', repeat: 'short' })
    assert.equal(short.error?.fields?.passphrase, 'Use at least 8 characters; a few unrelated words are easy to type and hard to guess.')
    const differ = await opened.call('lock.changePassphrase', { current: 'not it', passphrase: NEW_PASSPHRASE, repeat: `${NEW_PASSPHRASE}!` })
    assert.equal(differ.error?.fields?.repeat, 'This is not the same as the passphrase above. Type it again.')
    assert.equal((await entryOf(folder.keychainService)).failures, 0, 'a slip in the new one costs no attempt of the current one')

    const wrong = await opened.call('lock.changePassphrase', { current: 'not it at all', passphrase: NEW_PASSPHRASE, repeat: NEW_PASSPHRASE })
    assert.deepEqual(wrong.value, { done: false, retryInMs: 2000, message: 'That is not the desk passphrase. Wait 2 seconds before the next try.' })
    const early = await opened.call('lock.changePassphrase', { current: PASSPHRASE, passphrase: NEW_PASSPHRASE, repeat: NEW_PASSPHRASE })
    assert.deepEqual(early.value, { done: false, retryInMs: 2000, message: 'Wait 2 seconds before the next try.' }, 'the right one is not checked during the wait either')
    clock.advance(2000)
    const offOnWrong = await opened.call('lock.turnOff', { current: 'still not it' })
    assert.deepEqual(offOnWrong.value, { done: false, retryInMs: 4000, message: 'That is not the desk passphrase. Wait 4 seconds before the next try.' }, 'one count for every check of the passphrase')
    assert.equal((await entryOf(folder.keychainService)).failures, 2, 'kept with the verifier, so a restart does not reset it')
    clock.advance(4000)
    const changed = await opened.call('lock.changePassphrase', { current: PASSPHRASE, passphrase: NEW_PASSPHRASE, repeat: NEW_PASSPHRASE })
    assert.deepEqual(changed.value, { done: true, status: { state: 'unlocked', hasPassphrase: true, idleMinutes: 30, touchId: { available: false, enabled: false }, retryInMs: 0 } })

    const after = await entryOf(folder.keychainService)
    assert.notEqual(after.verifier.hash, before.verifier.hash)
    assert.notEqual(after.verifier.salt, before.verifier.salt, 'a fresh salt')
    assert.deepEqual([after.mode, after.idleMinutes, after.failures, after.lastFailureAt], ['passphrase', 30, 0, null])
    assert.ok(!JSON.stringify(after).includes(NEW_PASSPHRASE))
    assert.equal((await opened.call('lock.setUp', { choice: 'passphrase', passphrase: 'another passphrase', repeat: 'another passphrase' })).error?.code, 'conflict', 'setUp still never replaces one')

    await opened.call('lock.lock')
    assert.equal(((await opened.call('lock.unlock', { passphrase: PASSPHRASE })).value as { unlocked: boolean }).unlocked, false, 'the old passphrase no longer unlocks')
    clock.advance(2000)
    assert.equal(((await opened.call('lock.unlock', { passphrase: NEW_PASSPHRASE })).value as { unlocked: boolean }).unlocked, true)
    await opened.desk.close()
    const restarted = await openDesk(t, folder, { clock })
    assert.equal(((await restarted.call('lock.unlock', { passphrase: NEW_PASSPHRASE })).value as { unlocked: boolean }).unlocked, true, 'the new one after a restart too')
  })

  test('while locked both changes are refused by the handler wrapper, and they are not among the channels open while locked', async (t) => {
    const folder = await tempDesk(t)
    const { call } = await openDesk(t, folder, { preset: { passphrase: PASSPHRASE } })
    assert.equal((await call('lock.changePassphrase', { current: PASSPHRASE, passphrase: NEW_PASSPHRASE, repeat: NEW_PASSPHRASE })).error?.code, 'locked')
    assert.equal((await call('lock.turnOff', { current: PASSPHRASE })).error?.code, 'locked')
    assert.ok(!OPEN_WHILE_LOCKED.has('desk:lock.changePassphrase') && !OPEN_WHILE_LOCKED.has('desk:lock.turnOff'))
    assert.equal((await entryOf(folder.keychainService)).failures, 0, 'not even checked')
    assert.equal((await call('lock.turnOff', { current: 42 })).error?.code, 'locked', 'refused before its payload is parsed')
  })

  test('unlocked, a malformed request is refused by zod, and a desk without a passphrase has nothing to change', async (t) => {
    const folder = await tempDesk(t)
    const opened = await openDesk(t, folder)
    await opened.call('lock.setUp', { choice: 'none' })
    assert.equal((await opened.call('lock.turnOff', { current: PASSPHRASE })).error?.code, 'conflict')
    assert.equal((await opened.call('lock.changePassphrase', { current: PASSPHRASE, passphrase: NEW_PASSPHRASE, repeat: NEW_PASSPHRASE })).error?.code, 'conflict')
    assert.equal((await opened.call('lock.turnOff', { current: PASSPHRASE, extra: true })).error?.code, 'invalid')
    assert.equal((await opened.call('lock.changePassphrase', { current: PASSPHRASE, passphrase: 'x'.repeat(1025), repeat: 'x' })).error?.code, 'invalid')
  })

  test('Touch ID stays as set when the passphrase changes, and is switched off with the lock; the lock can be set again later, keeping the idle period', async (t) => {
    const folder = await tempDesk(t)
    const touchId: TouchIdPrompt = { canPrompt: () => true, prompt: async () => {} }
    const opened = await openDesk(t, folder, { touchId, platform: 'darwin' })
    await opened.call('lock.setUp', { choice: 'passphrase', passphrase: PASSPHRASE, repeat: PASSPHRASE })
    await opened.call('lock.saveSettings', { idleMinutes: 15, touchId: true })
    const changed = (await opened.call('lock.changePassphrase', { current: PASSPHRASE, passphrase: NEW_PASSPHRASE, repeat: NEW_PASSPHRASE })).value as { status: { touchId: unknown } }
    assert.deepEqual(changed.status.touchId, { available: true, enabled: true })
    assert.equal((await entryOf(folder.keychainService)).touchId, true)

    const off = (await opened.call('lock.turnOff', { current: NEW_PASSPHRASE })).value as { done: boolean; status: unknown }
    assert.deepEqual(off, { done: true, status: { state: 'unlocked', hasPassphrase: false, idleMinutes: 15, touchId: { available: true, enabled: false }, retryInMs: 0 } })
    assert.deepEqual(await entryOf(folder.keychainService), { version: 1, mode: 'none', idleMinutes: 15, touchId: false }, 'no verifier left behind')
    assert.equal(await opened.desk.lock.trigger({ kind: 'manual' }), false, 'a desk without a lock does not lock')
    assert.equal((await opened.call('lock.unlockWithTouchId')).ok, true)

    const on = await opened.call('lock.setUp', { choice: 'passphrase', passphrase: PASSPHRASE, repeat: PASSPHRASE })
    assert.deepEqual(on.value, { state: 'unlocked', hasPassphrase: true, idleMinutes: 15, touchId: { available: true, enabled: false }, retryInMs: 0 })
    assert.equal(await opened.desk.lock.trigger({ kind: 'manual' }), true)
  })
})
