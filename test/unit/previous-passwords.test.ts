// Issue 10, item 2: Change Password keeps the replaced Vault password, in the real keychain only.
import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { describe, test, type TestContext } from 'node:test'
import keytar from 'keytar'
import type { DeskApi } from '../../main/common/contract'
import { emptyCustomerForm, type CustomerForm } from '../../main/common/customer-form'
import { passwordFollowUpField } from '../../main/common/vendors/accounts'
import { X360_PASSWORD_CHANGE_STEPS } from '../../main/common/vendors/x360/password-change-steps'
import { createDesk, type DeskOptions } from '../../main/desk'
import { dispatch } from '../../main/ipc/handler-table'
import { accountFor, createKeychainVault, previousAccountFor, stagedAccountFor, type KeychainBackend } from '../../main/services/credential-vault'
import { encryptBackup } from '../../main/services/exports/backup-crypto'
import { passwordTokens } from '../../main/services/password-staging'
import type { PreviousPasswordAccess } from '../../main/services/password-history-service'
import { createMemoryClipboard } from '../../main/services/secret-clipboard'
import { createDeskApi } from '../../preload/desk-api'
import { encodings, filesUnder, readable } from '../helpers/secret-search'
import { scriptedDialogs, unwrap } from '../helpers/export-fixtures'
import { tempDesk } from '../helpers/temp-desk'

const DAY = 24 * 60 * 60 * 1000
const START = new Date('2026-06-01T09:00:00.000Z')
const PASSPHRASE = 'correct horse battery staple'
/** The n-th Vault password of a test customer: v0 when created, v1 after the first change… */
const version = (n: number): string => `Vault-Pass-v${n}-2026!`

const x360 = (password: string) => ({ username: 'contoso_01', email: 'it@contoso.example', locations: 'HQ', password, confirmPassword: password })
const form = (parts: Partial<CustomerForm> = {}): CustomerForm => ({ ...emptyCustomerForm(), companyName: 'Contoso Ltd', ...parts })

async function open(t: TestContext, extra: Partial<DeskOptions> & { dataDir?: string; keychainService?: string } = {}) {
  const made = extra.dataDir && extra.keychainService ? { dataDir: extra.dataDir, keychainService: extra.keychainService } : await tempDesk(t)
  const folder = await mkdtemp(join(tmpdir(), 'desk-previous-'))
  t.after(() => rm(folder, { recursive: true, force: true }))
  const clock = { now: START }
  const clipboard = createMemoryClipboard()
  const accesses: PreviousPasswordAccess[] = []
  const dialogs = scriptedDialogs(folder)
  const desk = await createDesk({
    ...made,
    clipboard,
    now: () => clock.now,
    fileDialogs: dialogs,
    onPreviousPasswordAccess: (event) => accesses.push(event),
    ...extra,
  })
  t.after(() => desk.close())
  const api: DeskApi = createDeskApi((channel, payload) => dispatch(desk.handlers, channel, payload))
  return { ...made, folder, clock, clipboard, accesses, dialogs, desk, api }
}

type Opened = Awaited<ReturnType<typeof open>>

/** Creates Contoso with v0, then changes its password `changes` times, ten days apart. */
async function withChanges({ api, clock }: Opened, changes: number): Promise<string> {
  clock.now = START
  const created = unwrap(await api.customers.create({ form: form({ x360: x360(version(0)) }) }))
  for (let n = 1; n <= changes; n += 1) {
    clock.now = new Date(START.getTime() + n * 10 * DAY)
    unwrap(await api.customers.changePassword({ id: created.id, password: version(n), confirmPassword: version(n) }))
  }
  return created.id
}

/** The previous passwords the keychain holds for a customer, as account → password. */
async function previousEntries(service: string, customerId: string): Promise<Map<string, string>> {
  const all = await keytar.findCredentials(service)
  return new Map(all.filter(({ account }) => account.startsWith(`previous:${customerId}:`)).map(({ account, password }) => [account, password]))
}

describe('previous Vault passwords in the real keychain', () => {
  test('six changes keep the newest five replaced passwords, each with when it was set and replaced', async (t) => {
    const opened = await open(t)
    const { api, keychainService } = opened
    const id = await withChanges(opened, 6)

    const listed = unwrap(await api.passwordHistory.previous({ id }))
    const at = (n: number) => new Date(START.getTime() + n * 10 * DAY).toISOString()
    assert.deepEqual(
      listed.map(({ setAt, replacedAt }) => ({ setAt, replacedAt })),
      [5, 4, 3, 2, 1].map((n) => ({ setAt: at(n), replacedAt: at(n + 1) })),
      'newest first; v0 (the oldest) is no longer kept',
    )
    for (const [index, entry] of listed.entries()) {
      assert.equal(unwrap(await api.passwordHistory.revealPrevious({ id, entryId: entry.entryId })).password, version(5 - index))
    }
    assert.equal(unwrap(await api.customers.revealPassword({ id })).password, version(6))
    const held = await previousEntries(keychainService, id)
    assert.deepEqual([...held.values()].sort(), [1, 2, 3, 4, 5].map(version).sort(), 'exactly five previous entries in the keychain')
    const tokens = passwordTokens(opened.desk.store.data.customers[0]!)
    assert.equal(held.get(previousAccountFor(id, tokens[1]!)), version(1), 'each under the history entry that set it')
  })

  test('Copy goes to the protected clipboard; reveal and copy are told to the access hook; only a listed entry can be read', async (t) => {
    const opened = await open(t)
    const { api, clipboard, accesses } = opened
    const id = await withChanges(opened, 2)
    const [newest] = unwrap(await api.passwordHistory.previous({ id }))
    assert.ok(newest)
    const copied = unwrap(await api.passwordHistory.copyPrevious({ id, entryId: newest.entryId }))
    assert.equal(await clipboard.readText(), version(1))
    assert.equal(copied.clearsAfterSeconds, 30)
    unwrap(await api.passwordHistory.revealPrevious({ id, entryId: newest.entryId }))
    assert.deepEqual(accesses, [
      { action: 'previous-password-copy', customerId: id },
      { action: 'previous-password-reveal', customerId: id },
    ])
    // The current password's own entry id is no previous password, and an unknown one is refused the same way.
    const currentToken = passwordTokens(opened.desk.store.data.customers[0]!).at(-1) ?? ''
    for (const entryId of [currentToken, 'not-an-entry']) {
      const refused = await api.passwordHistory.revealPrevious({ id, entryId })
      assert.ok(!refused.ok && refused.error.code === 'not-found', entryId)
    }
    assert.equal(accesses.length, 2, 'a refused reveal is not an access')
  })

  test('a password set in the customer form is kept as well when replaced', async (t) => {
    const opened = await open(t)
    const { api } = opened
    const id = await withChanges(opened, 0)
    unwrap(await api.customers.update({ id, form: form({ x360: x360(version(1)) }), reason: '' }))
    const [kept] = unwrap(await api.passwordHistory.previous({ id }))
    assert.equal(unwrap(await api.passwordHistory.revealPrevious({ id, entryId: kept?.entryId ?? '' })).password, version(0))
  })

  test('deleting the customer, or removing its x360Recover account, removes its previous passwords', async (t) => {
    const opened = await open(t)
    const { api, keychainService } = opened
    const id = await withChanges(opened, 3)
    assert.equal((await previousEntries(keychainService, id)).size, 3)
    unwrap(await api.customers.delete({ id }))
    assert.deepEqual([...(await previousEntries(keychainService, id)).keys()], [])
    assert.deepEqual(await keytar.findCredentials(keychainService), [], 'no entry of any kind is left')

    const other = await withChanges(opened, 2)
    unwrap(await api.customers.update({ id: other, form: form(), reason: 'moved to another vendor' }))
    assert.deepEqual(await keytar.findCredentials(keychainService), [])
  })

  test('after a crash between promotion and the staged entry going, settling does not keep the new password as the replaced one', async (t) => {
    const { dataDir, keychainService } = await tempDesk(t)
    const first = await open(t, { dataDir, keychainService })
    const id = await withChanges(first, 1)
    const customer = first.desk.store.data.customers[0]!
    const [created, changed] = passwordTokens(customer)
    await first.desk.close()
    // The keychain as a kill after the promotion leaves it when the current entry had nothing to keep:
    // the current entry is v1, the staged entry of v1 is still there, and no previous entry was written.
    await keytar.deletePassword(keychainService, previousAccountFor(id, created!))
    await keytar.setPassword(keychainService, stagedAccountFor(id, changed!), version(1))
    const reopened = await open(t, { dataDir, keychainService })
    assert.equal(await keytar.getPassword(keychainService, accountFor(id)), version(1))
    assert.equal(await keytar.getPassword(keychainService, stagedAccountFor(id, changed!)), null, 'settled on opening')
    assert.equal(await keytar.getPassword(keychainService, previousAccountFor(id, created!)), null, 'v1 was not kept as the password it replaced')
    assert.deepEqual(unwrap(await reopened.api.passwordHistory.previous({ id })), [])
  })

  test('a change the keychain could not finish is settled before the next one, so each replaced password keeps its own dates', async (t) => {
    let refuseCurrent = false
    const backend: KeychainBackend = {
      getPassword: (service, account) => keytar.getPassword(service, account),
      deletePassword: (service, account) => keytar.deletePassword(service, account),
      findCredentials: (service) => keytar.findCredentials(service),
      // The keychain stops answering just after the store commit: the promotion writes the current entry.
      setPassword: async (service, account, password) => {
        if (refuseCurrent && account.startsWith('customer:')) throw new Error('keychain locked')
        return keytar.setPassword(service, account, password)
      },
    }
    const { dataDir, keychainService } = await tempDesk(t)
    const opened = await open(t, { dataDir, keychainService, vault: createKeychainVault(keychainService, backend) })
    const { api } = opened
    const id = await withChanges(opened, 0)
    refuseCurrent = true
    const stuck = await api.customers.changePassword({ id, password: version(1), confirmPassword: version(1) })
    assert.ok(!stuck.ok && stuck.error.code === 'keychain-unavailable', 'saved, but not finished in the keychain')
    refuseCurrent = false
    unwrap(await api.customers.changePassword({ id, password: version(2), confirmPassword: version(2) }))
    const listed = unwrap(await api.passwordHistory.previous({ id }))
    const revealed = await Promise.all(listed.map(async (entry) => unwrap(await api.passwordHistory.revealPrevious({ id, entryId: entry.entryId })).password))
    assert.deepEqual(revealed, [version(1), version(0)])
    assert.equal(unwrap(await api.customers.revealPassword({ id })).password, version(2))
  })
})

test('a crash left a change unsettled and the keychain was locked at opening: the next change settles it first', async (t) => {
  const { dataDir, keychainService } = await tempDesk(t)
  const first = await open(t, { dataDir, keychainService })
  const id = await withChanges(first, 1)
  const [created, changed] = passwordTokens(first.desk.store.data.customers[0]!)
  await first.desk.close()
  // The keychain as a kill right after the store committed v1 leaves it: v0 current, v1 staged, nothing kept yet.
  await keytar.setPassword(keychainService, accountFor(id), version(0))
  await keytar.setPassword(keychainService, stagedAccountFor(id, changed!), version(1))
  await keytar.deletePassword(keychainService, previousAccountFor(id, created!))
  let locked = true
  const refuse = <T>(run: () => Promise<T>): Promise<T> => (locked ? Promise.reject(new Error('keychain locked')) : run())
  const backend: KeychainBackend = {
    getPassword: (service, account) => refuse(() => keytar.getPassword(service, account)),
    setPassword: (service, account, password) => refuse(() => keytar.setPassword(service, account, password)),
    deletePassword: (service, account) => refuse(() => keytar.deletePassword(service, account)),
    findCredentials: (service) => refuse(() => keytar.findCredentials(service)),
  }
  const reopened = await open(t, { dataDir, keychainService, vault: createKeychainVault(keychainService, backend) })
  locked = false
  unwrap(await reopened.api.customers.changePassword({ id, password: version(2), confirmPassword: version(2) }))
  const listed = unwrap(await reopened.api.passwordHistory.previous({ id }))
  const revealed = await Promise.all(listed.map(async (entry) => unwrap(await reopened.api.passwordHistory.revealPrevious({ id, entryId: entry.entryId })).password))
  assert.deepEqual(revealed, [version(1), version(0)], 'v1 kept under its own change, v0 under the creation')
})

describe('previous passwords in the encrypted backup', () => {
  test('a backup carries them and a restore on an empty desk brings them back with their dates', async (t) => {
    const source = await open(t)
    const id = await withChanges(source, 3)
    const listedBefore = unwrap(await source.api.passwordHistory.previous({ id }))
    const saved = unwrap(await source.api.exports.backupCreate({ passphrase: PASSPHRASE, confirmPassphrase: PASSPHRASE }))
    assert.ok(saved.kind === 'saved')

    const target = await open(t)
    target.dialogs.openWith(saved.filePath)
    const opened = unwrap(await target.api.exports.restoreOpen({}))
    assert.ok(opened.kind === 'opened')
    unwrap(await target.api.exports.restoreCheck({ token: opened.token, passphrase: PASSPHRASE }))
    unwrap(await target.api.exports.restoreConfirm({ token: opened.token }))
    assert.deepEqual(unwrap(await target.api.passwordHistory.previous({ id })), listedBefore)
    for (const [index, entry] of listedBefore.entries()) {
      assert.equal(unwrap(await target.api.passwordHistory.revealPrevious({ id, entryId: entry.entryId })).password, version(2 - index))
    }
  })

  test('restoring over the same customer puts its previous passwords back as the backup had them, and removes later ones', async (t) => {
    const desk = await open(t)
    const id = await withChanges(desk, 2)
    const saved = unwrap(await desk.api.exports.backupCreate({ passphrase: PASSPHRASE, confirmPassphrase: PASSPHRASE }))
    assert.ok(saved.kind === 'saved')
    for (const n of [3, 4]) unwrap(await desk.api.customers.changePassword({ id, password: version(n), confirmPassword: version(n) }))
    desk.dialogs.openWith(saved.filePath)
    const opened = unwrap(await desk.api.exports.restoreOpen({}))
    assert.ok(opened.kind === 'opened')
    unwrap(await desk.api.exports.restoreCheck({ token: opened.token, passphrase: PASSPHRASE }))
    unwrap(await desk.api.exports.restoreConfirm({ token: opened.token }))
    assert.equal(unwrap(await desk.api.customers.revealPassword({ id })).password, version(2))
    assert.deepEqual([...(await previousEntries(desk.keychainService, id)).values()].sort(), [version(0), version(1)].sort())
  })

  test('a backup made before previous passwords were kept still restores', async (t) => {
    const source = await open(t)
    const id = await withChanges(source, 1)
    // The payload as the earlier version wrote it: the desk and the current passwords only.
    const plaintext = Buffer.from(JSON.stringify({ desk: source.desk.store.data, passwords: { [id]: version(1) } }))
    const file = join(source.folder, 'before-previous.deskbackup')
    await writeFile(file, await encryptBackup(plaintext, PASSPHRASE, START))
    const target = await open(t)
    target.dialogs.openWith(file)
    const opened = unwrap(await target.api.exports.restoreOpen({}))
    assert.ok(opened.kind === 'opened')
    unwrap(await target.api.exports.restoreCheck({ token: opened.token, passphrase: PASSPHRASE }))
    assert.deepEqual(unwrap(await target.api.exports.restoreConfirm({ token: opened.token })), { added: 1, replaced: 0, passwords: 1 })
    assert.equal(unwrap(await target.api.customers.revealPassword({ id })).password, version(1))
    assert.deepEqual(unwrap(await target.api.passwordHistory.previous({ id })), [])
  })
})

describe('previous passwords stay secret', () => {
  test('they are never in the data folder, the exports, the logs or an answer other than Reveal', async (t) => {
    const logged: string[] = []
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) t.mock.method(console, method, (...parts: unknown[]) => logged.push(parts.map(String).join(' ')))
    const { dataDir, keychainService } = await tempDesk(t)
    const opened = await open(t, { dataDir, keychainService, report: (error) => logged.push(String(error)) })
    const answers: string[] = []
    const api: DeskApi = createDeskApi(async (channel, payload) => {
      const result = await dispatch(opened.desk.handlers, channel, payload)
      if (channel !== 'desk:passwordHistory.revealPrevious' && channel !== 'desk:customers.revealPassword') answers.push(JSON.stringify(result))
      return result
    })
    const id = await withChanges({ ...opened, api }, 3)
    for (const entry of unwrap(await api.passwordHistory.previous({ id }))) {
      unwrap(await api.passwordHistory.revealPrevious({ id, entryId: entry.entryId }))
      unwrap(await api.passwordHistory.copyPrevious({ id, entryId: entry.entryId }))
    }
    unwrap(await api.passwordHistory.tickFollowUp({ id, stepId: 'vault-sync' }))
    unwrap(await api.exports.listExport({ format: 'csv' }))
    unwrap(await api.exports.listExport({ format: 'xlsx' }))
    const sheet = unwrap(await api.exports.sheetStart({ customerIds: [id], includePasswords: true, confirmIncludePasswords: true }))
    assert.ok(sheet.kind === 'started')
    while (unwrap(await api.exports.progress({ jobId: sheet.jobId })).state === 'running') await new Promise((wake) => setImmediate(wake))
    unwrap(await api.exports.backupCreate({ passphrase: PASSPHRASE, confirmPassphrase: PASSPHRASE }))
    unwrap(await api.maintenance.checkKeychain({}))

    const places: { where: string; contents: Buffer[] }[] = []
    for (const file of await filesUnder(dataDir)) places.push({ where: `data folder: ${relative(dataDir, file)}`, contents: await readable(file) })
    const exported = await filesUnder(opened.folder)
    assert.ok(['.csv', '.xlsx', '.pdf', '.deskbackup'].every((ext) => exported.some((file) => file.endsWith(ext))), exported.join(', '))
    for (const file of exported) places.push({ where: `export: ${relative(opened.folder, file)}`, contents: await readable(file) })
    places.push({ where: 'logs', contents: [Buffer.from(logged.join('\n'))] })
    places.push({ where: 'answers to the page', contents: [Buffer.from(answers.join('\n'))] })
    // The sheet with passwords prints the current one (v3) by design; the replaced ones are on no page.
    const pdf = exported.find((file) => file.endsWith('.pdf'))!
    assert.ok((await readable(pdf)).some((bytes) => bytes.includes(version(3))), 'the search finds a password that is there')
    for (const { where, contents } of places) {
      for (const secret of [0, 1, 2].map(version)) {
        for (const bytes of contents) assert.ok(!encodings(secret).some((encoded) => bytes.includes(encoded)), `"${secret}" found in ${where}`)
      }
    }
    assert.ok(!(await readFile(join(dataDir, 'customers.json'), 'utf8')).includes('Vault-Pass'))
  })
})

describe('the keychain check knows previous passwords', () => {
  test("a deleted customer's previous passwords left in the keychain are reported and removed", async (t) => {
    const opened = await open(t)
    const { api, keychainService } = opened
    const id = await withChanges(opened, 1)
    const [entry] = passwordTokens(opened.desk.store.data.customers[0]!)
    unwrap(await api.customers.delete({ id }))
    // Left behind as by an earlier version, or by hand.
    await keytar.setPassword(keychainService, previousAccountFor(id, entry!), version(0))
    const report = unwrap(await api.maintenance.checkKeychain({}))
    assert.deepEqual(report.leftover, [{ customerId: id, companyName: 'Contoso Ltd', why: 'deleted' }])
    assert.deepEqual(unwrap(await api.maintenance.removeLeftoverPasswords({ customerIds: [id] })), { removed: 1 })
    assert.deepEqual(await keytar.findCredentials(keychainService), [])
  })
})

describe('the follow-up checklist after Change Password', () => {
  test('each tick is one history entry with its label; a new change starts the checklist again', async (t) => {
    const opened = await open(t)
    const { api } = opened
    const id = await withChanges(opened, 0)
    assert.equal(unwrap(await api.passwordHistory.followUp({ id })), null, 'nothing to follow up before a change')
    const refused = await api.passwordHistory.tickFollowUp({ id, stepId: 'vault-sync' })
    assert.ok(!refused.ok && refused.error.code === 'invalid')

    opened.clock.now = new Date(START.getTime() + DAY)
    unwrap(await api.customers.changePassword({ id, password: version(1), confirmPassword: version(1) }))
    const fresh = unwrap(await api.passwordHistory.followUp({ id }))
    assert.deepEqual(fresh?.steps.map((step) => [step.id, step.tickedAt]), X360_PASSWORD_CHANGE_STEPS.map((step) => [step.id, null]))
    opened.clock.now = new Date(START.getTime() + 2 * DAY)
    const ticked = unwrap(await api.passwordHistory.tickFollowUp({ id, stepId: 'portal-change-password' }))
    unwrap(await api.passwordHistory.tickFollowUp({ id, stepId: 'portal-change-password' }))
    assert.equal(ticked.followUp?.steps[0]?.tickedAt, opened.clock.now.toISOString())
    const history = unwrap(await api.customers.get({ id })).history.filter((entry) => entry.field === passwordFollowUpField())
    assert.deepEqual(history.map(({ from, to }) => ({ from, to })), [{ from: 'portal-change-password', to: 'Changed in the x360Recover portal with Change Password' }], 'recorded once')

    unwrap(await api.customers.changePassword({ id, password: version(2), confirmPassword: version(2) }))
    assert.ok(unwrap(await api.passwordHistory.followUp({ id }))?.steps.every((step) => step.tickedAt === null))
    const bad = await api.passwordHistory.tickFollowUp({ id, stepId: 'made-up' as 'vault-sync' })
    assert.ok(!bad.ok && bad.error.code === 'invalid', 'only the listed steps')
  })
})
