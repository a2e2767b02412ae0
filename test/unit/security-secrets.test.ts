import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { test, type TestContext } from 'node:test'
import { allChannels, type DeskApi } from '../../main/common/contract'
import { emptyCustomerForm, type CustomerForm } from '../../main/common/customer-form'
import type { Result } from '../../main/common/result'
import { createDesk } from '../../main/desk'
import { dispatch } from '../../main/ipc/handler-table'
import type { FileDialogs } from '../../main/services/exports/file-dialogs'
import { createMemoryClipboard } from '../../main/services/secret-clipboard'
import { createDeskApi } from '../../preload/desk-api'
import { accessLogEntries, encodings, filesUnder, readable } from '../helpers/secret-search'
import { tempDesk } from '../helpers/temp-desk'

const FIRST = ['Contoso-Vault-2026!', 'Fabrikam#Secret-99', 'Imported=Key+42']
const CHANGED = ['Changed-Vault-Pass-7?', 'Edited-In-Form-8&']
const PASSPHRASE = 'a long backup passphrase nobody guesses'
const DESK_PASSPHRASE = 'the desk lock passphrase'
const NEW_DESK_PASSPHRASE = 'a changed desk passphrase'
const WRONG_DESK_PASSPHRASE = 'a mistyped desk passphrase'
const SECRETS = [...FIRST, ...CHANGED, PASSPHRASE, DESK_PASSPHRASE, NEW_DESK_PASSPHRASE, WRONG_DESK_PASSPHRASE]

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}

const x360 = (username: string, password: string) => ({ username, email: `${username}@example.com`, locations: 'HQ, DR_Site', password, confirmPassword: password })
const nexetic = { organizationName: '', domain: 'contoso.com', userLicenses: '25', extraStorage: '500', notifyUsers: 'it@contoso.com', storageType: 'Azure (Ireland)' as const }
const form = (companyName: string, parts: Partial<CustomerForm>): CustomerForm => ({ ...emptyCustomerForm(), companyName, ...parts })

/** The OS dialogs, answered as a user would: save into the exports folder, open the file named next. */
function dialogsIn(folder: string): FileDialogs & { openNext(path: string): void } {
  let next: string | null = null
  return {
    openNext: (path) => (next = path),
    chooseSaveFile: async (suggestedName) => join(folder, suggestedName),
    chooseOpenFile: async () => next,
  }
}


async function exportsFolder(t: TestContext): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'desk-secret-exports-'))
  t.after(() => rm(folder, { recursive: true, force: true }))
  return folder
}

test('after every channel has been used, no password or passphrase is in the data folder, the exports, the logs or the answers', { timeout: 120_000 }, async (t) => {
  const { dataDir, keychainService } = await tempDesk(t)
  const folder = await exportsFolder(t)
  const dialogs = dialogsIn(folder)
  let now = new Date(2026, 10, 23, 9, 0)
  const logged: string[] = []
  const desk = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard(), fileDialogs: dialogs, now: () => now, report: (error) => logged.push(String(error instanceof Error ? `${error.message}\n${error.stack}` : error)) })
  t.after(() => desk.close())

  const used = new Set<string>()
  const answers: string[] = []
  const api: DeskApi = createDeskApi(async (channel, payload) => {
    used.add(channel)
    const result = await dispatch(desk.handlers, channel, payload)
    // Reveal returns the password by design, only when the user asks: every other answer is searched.
    if (channel !== 'desk:customers.revealPassword' && channel !== 'desk:passwordHistory.revealPrevious') answers.push(JSON.stringify(result))
    return result
  })
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) t.mock.method(console, method, (...parts: unknown[]) => logged.push(parts.map(String).join(' ')))

  // Customers with known passwords, then every kind of change.
  const contoso = unwrap(await api.customers.create({ form: form('Contoso Ltd', { x360: x360('contoso_01', FIRST[0] ?? ''), nexetic }) }))
  const fabrikam = unwrap(await api.customers.create({ form: form('Fabrikam', { x360: x360('fabrikam_01', FIRST[1] ?? '') }) }))
  const northwind = unwrap(await api.customers.create({ form: form('Northwind', { nexetic: { ...nexetic, domain: '' } }) }))
  unwrap(await api.app.status({}))
  unwrap(await api.customers.list({}))
  unwrap(await api.customers.get({ id: contoso.id }))
  const mismatch = await api.customers.changePassword({ id: fabrikam.id, password: CHANGED[0] ?? '', confirmPassword: 'not the same' })
  assert.ok(!mismatch.ok, 'a refused change answers without the password')
  unwrap(await api.customers.changePassword({ id: fabrikam.id, password: CHANGED[0] ?? '', confirmPassword: CHANGED[0] ?? '' }))
  now = new Date(2026, 10, 24, 9, 0)
  unwrap(await api.customers.update({ id: contoso.id, form: form('Contoso Ltd', { notes: 'Edited', x360: x360('contoso_01', CHANGED[1] ?? ''), nexetic }), reason: 'yearly review' }))
  assert.equal(unwrap(await api.customers.revealPassword({ id: contoso.id })).password, CHANGED[1])
  unwrap(await api.customers.copyPassword({ id: fabrikam.id }))
  // Fabrikam's first password and Contoso's are previous passwords now: listed, revealed, copied, and the portal follow-up ticked.
  const [replaced] = unwrap(await api.passwordHistory.previous({ id: fabrikam.id }))
  assert.ok(replaced)
  assert.equal(unwrap(await api.passwordHistory.revealPrevious({ id: fabrikam.id, entryId: replaced.entryId })).password, FIRST[1])
  unwrap(await api.passwordHistory.copyPrevious({ id: fabrikam.id, entryId: replaced.entryId }))
  unwrap(await api.passwordHistory.followUp({ id: fabrikam.id }))
  unwrap(await api.passwordHistory.tickFollowUp({ id: fabrikam.id, stepId: 'portal-change-password' }))
  unwrap(await api.app.copyText({ text: 'contoso_01' }))
  const change = unwrap(await api.licenses.change({ id: contoso.id, userLicenses: '30', extraStorage: '600', reason: 'growth' }))
  const entry = change.history.at(-1)
  assert.ok(entry)
  unwrap(await api.licenses.undo({ id: contoso.id, entryId: entry.id }))
  unwrap(await api.onboarding.setStep({ id: contoso.id, vendor: 'x360', step: 'credentials-shared', done: true }))

  // Exports without passwords, an import with one, an encrypted backup and its restore.
  unwrap(await api.exports.listExport({ format: 'csv' }))
  unwrap(await api.exports.listExport({ format: 'xlsx', customerIds: [contoso.id, fabrikam.id] }))
  const sheet = unwrap(await api.exports.sheetStart({ customerIds: [contoso.id, fabrikam.id, northwind.id], includeOnboarding: true }))
  assert.ok(sheet.kind === 'started')
  for (;;) {
    const progress = unwrap(await api.exports.progress({ jobId: sheet.jobId }))
    if (progress.state !== 'running') break
    await new Promise((wake) => setImmediate(wake))
  }
  unwrap(await api.exports.cancel({ jobId: sheet.jobId }))
  // The file to import holds a password on purpose (the user's own source file); it is not searched.
  const importFile = join(folder, 'new-customers.csv')
  await writeFile(importFile, `Customer Company Name,Customer Username,Customer Email Address,Locations,Customer Password\nAdatum,adatum_01,it@adatum.example,HQ,${FIRST[2]}\n`)
  dialogs.openNext(importFile)
  const preview = unwrap(await api.exports.importPreview({}))
  assert.ok(preview.kind === 'preview' && preview.token, JSON.stringify(preview))
  unwrap(await api.exports.importConfirm({ token: preview.token }))
  // The same file through the mapping channels and the password mode: the password is already Adatum's, so nothing changes.
  const { fileToken, mapping } = preview.columns
  unwrap(await api.exports.importRemap({ fileToken, mapping }))
  unwrap(await api.exports.importSaveMapping({ fileToken, name: 'Desk columns', mapping }))
  const passwords = unwrap(await api.exports.passwordImportPreview({ fileToken, mapping, matchBy: 'username' }))
  assert.ok(passwords.token, JSON.stringify(passwords))
  assert.deepEqual(unwrap(await api.exports.passwordImportConfirm({ token: passwords.token })), { changed: 0, unchanged: 1 })
  const backup = unwrap(await api.exports.backupCreate({ passphrase: PASSPHRASE, confirmPassphrase: PASSPHRASE }))
  assert.ok(backup.kind === 'saved')
  dialogs.openNext(backup.filePath)
  const opened = unwrap(await api.exports.restoreOpen({}))
  assert.ok(opened.kind === 'opened')
  unwrap(await api.exports.restoreCheck({ token: opened.token, passphrase: PASSPHRASE }))
  unwrap(await api.exports.restoreConfirm({ token: opened.token }))
  dialogs.openNext(backup.filePath)
  const again = unwrap(await api.exports.restoreOpen({}))
  assert.ok(again.kind === 'opened')
  unwrap(await api.exports.discard({ token: again.token }))

  // Delete, the deletion log, and the maintenance channels (a daily backup exists since the day changed).
  unwrap(await api.customers.delete({ id: northwind.id }))
  unwrap(await api.history.deletions({}))
  // The billing view reads every customer's history and the tombstones, and exports the month.
  const month = { month: '2026-11', start: '2026-11-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z' }
  unwrap(await api.billing.asOf({ until: new Date(Date.now() + 86_400_000).toISOString() }))
  unwrap(await api.billing.month(month))
  unwrap(await api.billing.monthExport({ ...month, format: 'csv' }))
  unwrap(await api.maintenance.checkKeychain({}))
  await api.maintenance.removeLeftoverPasswords({ customerIds: [northwind.id] })
  const backups = unwrap(await api.maintenance.listDailyBackups({}))
  assert.ok(backups.backups.length > 0)
  unwrap(await api.maintenance.restoreDailyBackup({ name: backups.backups[0]?.name ?? '' }))
  now = new Date(2026, 10, 25, 9, 0)
  unwrap(await api.customers.update({ id: fabrikam.id, form: form('Fabrikam', { notes: 'after restore', x360: { ...x360('fabrikam_01', ''), password: '', confirmPassword: '' } }), reason: '' }))

  // The lock: a passphrase set, a wrong and a right unlock, Settings; none of them may leave the passphrase behind.
  unwrap(await api.lock.status({}))
  unwrap(await api.lock.setUp({ choice: 'passphrase', passphrase: DESK_PASSPHRASE, repeat: DESK_PASSPHRASE }))
  unwrap(await api.lock.saveSettings({ idleMinutes: 15, touchId: false }))
  unwrap(await api.lock.lock({}))
  await api.lock.unlockWithTouchId({})
  unwrap(await api.lock.unlock({ passphrase: `${DESK_PASSPHRASE}!` }))
  now = new Date(now.getTime() + 60_000)
  assert.ok(unwrap(await api.lock.unlock({ passphrase: DESK_PASSPHRASE })).unlocked)
  // Settings' changes: a wrong current passphrase, a new one, and the lock turned off with it; each is a lock-settings entry.
  assert.equal(unwrap(await api.lock.changePassphrase({ current: WRONG_DESK_PASSPHRASE, passphrase: NEW_DESK_PASSPHRASE, repeat: NEW_DESK_PASSPHRASE })).done, false)
  now = new Date(now.getTime() + 60_000)
  assert.ok(unwrap(await api.lock.changePassphrase({ current: DESK_PASSPHRASE, passphrase: NEW_DESK_PASSPHRASE, repeat: NEW_DESK_PASSPHRASE })).done)
  assert.ok(unwrap(await api.lock.turnOff({ current: NEW_DESK_PASSPHRASE })).done)
  // The access log's own channels, and its CSV among the exports searched below.
  unwrap(await api.accessLog.list({}))
  unwrap(await api.accessLog.verify({}))
  unwrap(await api.accessLog.exposedSinceChanged({}))
  unwrap(await api.accessLog.exportCsv({ filter: {} }))
  const log = await accessLogEntries(dataDir)
  for (const action of ['password-reveal', 'password-copy', 'password-change', 'password-import', 'backup', 'restore', 'lock-settings']) {
    assert.ok(log.entries.some((logged) => logged.action === action), `the access log holds a ${action} entry, and is searched`)
  }

  const untried = allChannels().map((channel) => channel.name).filter((name) => !used.has(name))
  assert.deepEqual(untried, [], 'every channel was exercised: add the new ones to this test')

  // Search every file the desk wrote: the data folder (backups, lock, kept-aside files) and every export.
  const exportFiles = (await filesUnder(folder)).filter((file) => file !== importFile)
  const places: { where: string; contents: Buffer[] }[] = []
  for (const file of await filesUnder(dataDir)) places.push({ where: `data folder: ${relative(dataDir, file)}`, contents: await readable(file) })
  for (const file of exportFiles) places.push({ where: `export: ${relative(folder, file)}`, contents: await readable(file) })
  places.push({ where: 'logs', contents: [Buffer.from(logged.join('\n'))] })
  places.push({ where: 'answers to the page', contents: [Buffer.from(answers.join('\n'))] })
  assert.ok(places.some((place) => place.where.includes('backups/')), 'daily backups were searched too')
  assert.ok(places.some((place) => place.where === `data folder: ${relative(dataDir, log.file)}`), 'the access log was searched too')
  assert.ok(exportFiles.some((file) => file.endsWith('.pdf')) && exportFiles.some((file) => file.endsWith('.xlsx')) && exportFiles.some((file) => file.endsWith('.csv')))
  assert.ok(exportFiles.some((file) => /Access log [\d-]+\.csv$/.test(file)), 'the access log’s CSV was searched too')
  for (const { where, contents } of places) {
    for (const secret of SECRETS) {
      for (const bytes of contents) assert.ok(!encodings(secret).some((encoded) => bytes.includes(encoded)), `"${secret}" found in ${where}`)
    }
  }
  t.diagnostic(`searched ${places.length} places for ${SECRETS.length} secrets after ${used.size} channels`)
})
