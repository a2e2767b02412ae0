import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { hostname, userInfo } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { describe, test, type TestContext } from 'node:test'
import { parse } from 'csv-parse/sync'
import type { AccessAction } from '../../main/common/access-actions'
import type { AccessEntryView, DeskApi } from '../../main/common/contract'
import { createDesk } from '../../main/desk'
import { dispatch } from '../../main/ipc/handler-table'
import { entryHash } from '../../main/services/access-log/chain'
import { ACCESS_LOG_FILE_NAME } from '../../main/services/access-log/log-file'
import { STORE_FILE_NAME } from '../../main/services/customer-store'
import { createMemoryClipboard } from '../../main/services/secret-clipboard'
import { createDeskApi } from '../../preload/desk-api'
import { tempDesk } from '../helpers/temp-desk'
import { createCustomers, openExportDesk, PASSWORDS, sampleForms, unwrap, type ExportDesk } from '../helpers/export-fixtures'

const PASSPHRASE = 'correct horse battery staple'
const logFile = (desk: { dataDir: string }): string => join(desk.dataDir, ACCESS_LOG_FILE_NAME)
const logLines = async (desk: { dataDir: string }): Promise<string[]> => (await readFile(logFile(desk), 'utf8')).split('\n').filter((line) => line !== '')
const writeLines = (desk: { dataDir: string }, lines: string[]): Promise<void> => writeFile(logFile(desk), `${lines.join('\n')}\n`)
const actionsOf = (entries: AccessEntryView[]): AccessAction[] => entries.map((entry) => entry.action)

/** Oldest first, as the file has them. */
async function allEntries(api: DeskApi): Promise<AccessEntryView[]> {
  return unwrap(await api.accessLog.list({ limit: 1000 })).entries.reverse()
}

/** A desk with Contoso and Fabrikam (both with a password) and six reveals and copies: entries 1 to 6. */
async function deskWithSixEntries(t: TestContext): Promise<ExportDesk & { ids: string[] }> {
  const desk = await openExportDesk(t)
  const [contoso, fabrikam] = await createCustomers(desk.api, sampleForms().slice(0, 2))
  const ids = [contoso?.id ?? '', fabrikam?.id ?? '']
  for (const id of [...ids, ...ids]) unwrap(await desk.api.customers.revealPassword({ id }))
  for (const id of ids) unwrap(await desk.api.customers.copyPassword({ id }))
  return { ...desk, ids }
}

/** Restores a backup file on a desk through the real channels: open, passphrase, confirm. */
async function restoreInto(desk: ExportDesk, filePath: string): Promise<void> {
  desk.dialogs.openWith(filePath)
  const opened = unwrap(await desk.api.exports.restoreOpen({}))
  assert.ok(opened.kind === 'opened')
  unwrap(await desk.api.exports.restoreCheck({ token: opened.token, passphrase: PASSPHRASE }))
  unwrap(await desk.api.exports.restoreConfirm({ token: opened.token }))
}

async function waitForSaved(api: DeskApi, jobId: string): Promise<void> {
  for (;;) {
    const progress = unwrap(await api.exports.progress({ jobId }))
    if (progress.state === 'done') return
    assert.equal(progress.state, 'running', progress.message ?? '')
    await new Promise((wake) => setImmediate(wake))
  }
}

describe('the access log records every secret seen, with who and where, and never the secret', () => {
  test('each action is recorded from the real service call, in order, with the customer, the OS user and the machine', async (t) => {
    const desk = await openExportDesk(t)
    const [contoso, fabrikam] = await createCustomers(desk.api, sampleForms())
    assert.ok(contoso && fabrikam)
    assert.deepEqual(await allEntries(desk.api), [], 'creating customers is no access')

    unwrap(await desk.api.customers.revealPassword({ id: contoso.id }))
    unwrap(await desk.api.customers.copyPassword({ id: fabrikam.id }))
    unwrap(await desk.api.customers.changePassword({ id: contoso.id, password: 'Brand-New-Vault-7!', confirmPassword: 'Brand-New-Vault-7!' }))
    const withoutPasswords = unwrap(await desk.api.exports.sheetStart({ customerIds: [contoso.id] }))
    assert.ok(withoutPasswords.kind === 'started')
    await waitForSaved(desk.api, withoutPasswords.jobId)
    const sheet = unwrap(await desk.api.exports.sheetStart({ customerIds: [contoso.id, fabrikam.id], includePasswords: true, confirmIncludePasswords: true }))
    assert.ok(sheet.kind === 'started')
    await waitForSaved(desk.api, sheet.jobId)
    const csv = join(desk.folder, 'import.csv')
    await writeFile(csv, 'Customer Company Name,Customer Username,Customer Email Address,Locations,Customer Password\nAdatum,adatum_01,it@adatum.example,HQ,Adatum-Vault-2026!\nLitware,litware_01,it@litware.example,HQ,\n')
    desk.dialogs.openWith(csv)
    const preview = unwrap(await desk.api.exports.importPreview({}))
    assert.ok(preview.kind === 'preview' && preview.token)
    unwrap(await desk.api.exports.importConfirm({ token: preview.token }))
    const backup = unwrap(await desk.api.exports.backupCreate({ passphrase: PASSPHRASE, confirmPassphrase: PASSPHRASE }))
    assert.ok(backup.kind === 'saved')
    desk.dialogs.openWith(backup.filePath)
    const opened = unwrap(await desk.api.exports.restoreOpen({}))
    assert.ok(opened.kind === 'opened')
    unwrap(await desk.api.exports.restoreCheck({ token: opened.token, passphrase: PASSPHRASE }))
    unwrap(await desk.api.exports.restoreConfirm({ token: opened.token }))

    const entries = await allEntries(desk.api)
    assert.deepEqual(actionsOf(entries), ['password-reveal', 'password-copy', 'password-change', 'password-print', 'password-print', 'password-import', 'backup', 'restore'])
    assert.deepEqual(
      entries.map((entry) => entry.companyName),
      ['Contoso Ltd', fabrikam.companyName, 'Contoso Ltd', 'Contoso Ltd', fabrikam.companyName, 'Adatum', null, null],
      'Litware came without a password, so its import is no password import',
    )
    assert.deepEqual(entries.slice(0, 5).map((entry) => entry.customerId), [contoso.id, fabrikam.id, contoso.id, contoso.id, fabrikam.id])
    assert.deepEqual(entries.map((entry) => entry.seq), [1, 2, 3, 4, 5, 6, 7, 8])
    for (const entry of entries) {
      assert.equal(entry.osUser, userInfo().username)
      assert.equal(entry.machine, hostname())
      assert.ok(Math.abs(Date.parse(entry.at) - Date.now()) < 60 * 60_000, 'a real time')
    }
    assert.match(entries[6]?.detail ?? '', /\.deskbackup: 5 customers, 3 passwords$/)
    const text = await readFile(logFile(desk), 'utf8')
    for (const secret of [...PASSWORDS, 'Brand-New-Vault-7!', 'Adatum-Vault-2026!', PASSPHRASE]) assert.ok(!text.includes(secret), 'no secret in the log')
    assert.deepEqual(unwrap(await desk.api.accessLog.verify({})).breaks, [])
  })

  test('a reveal or copy the log cannot record is refused, and the password does not leave the keychain', async (t) => {
    const { dataDir, keychainService } = await tempDesk(t)
    const clipboard = createMemoryClipboard()
    const desk = await createDesk({ dataDir, keychainService, clipboard })
    t.after(() => desk.close())
    const api = createDeskApi((channel, payload) => dispatch(desk.handlers, channel, payload))
    const [contoso] = await createCustomers(api, sampleForms().slice(0, 1))
    // A folder in the log's place: the append fails as a full or read-only disk would make it fail.
    await mkdir(join(dataDir, ACCESS_LOG_FILE_NAME))
    const reveal = await api.customers.revealPassword({ id: contoso?.id ?? '' })
    assert.ok(!reveal.ok)
    assert.match(reveal.error.message, /^The access log could not record this, so it was not done\./)
    assert.ok(!JSON.stringify(reveal).includes(PASSWORDS[0] ?? ''), 'the answer holds no password')
    const copy = await api.customers.copyPassword({ id: contoso?.id ?? '' })
    assert.ok(!copy.ok)
    assert.equal(await clipboard.readText(), '', 'nothing was copied')
  })

  test('a desk that another desk keeps read-only refuses a reveal: one writer for the chain, the store’s own lock', async (t) => {
    const { dataDir, keychainService } = await tempDesk(t)
    const file = join(dataDir, STORE_FILE_NAME)
    const first = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard() })
    const firstApi = createDeskApi((channel, payload) => dispatch(first.handlers, channel, payload))
    const [contoso] = await createCustomers(firstApi, sampleForms().slice(0, 1))
    await first.close()
    const holder = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../child-programs/store-holder.ts'), file], { stdio: ['ignore', 'pipe', 'inherit'] })
    t.after(() => holder.kill('SIGKILL'))
    const said = await createInterface({ input: holder.stdout })[Symbol.asyncIterator]().next()
    assert.equal(said.value, 'holding')

    const second = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard() })
    t.after(() => second.close())
    assert.equal(second.store.status.kind, 'read-only')
    const api = createDeskApi((channel, payload) => dispatch(second.handlers, channel, payload))
    const reveal = await api.customers.revealPassword({ id: contoso?.id ?? '' })
    assert.ok(!reveal.ok)
    assert.equal(reveal.error.code, 'store-read-only')
    assert.match(reveal.error.message, /^The access log could not record this, so it was not done\. Nothing can be saved: The customer file is already open in another MSP Customer Desk/)
    assert.ok(!(await readdir(dataDir)).includes(ACCESS_LOG_FILE_NAME), 'the second desk wrote no log')
  })
})

describe('the chain: verify says where it breaks and how', () => {
  test('an untouched log verifies: every entry chained from the genesis value', async (t) => {
    const desk = await deskWithSixEntries(t)
    assert.deepEqual(unwrap(await desk.api.accessLog.verify({})), { file: logFile(desk), entries: 6, intact: true, breaks: [] })
    const first = JSON.parse((await logLines(desk))[0] ?? '{}') as { prev: string; hash: string }
    assert.equal(first.prev, '0'.repeat(64))
    const second = JSON.parse((await logLines(desk))[1] ?? '{}') as { prev: string }
    assert.equal(second.prev, first.hash)
  })

  test('an edited entry is found at its line, and the entries after it still check', async (t) => {
    const desk = await deskWithSixEntries(t)
    const lines = await logLines(desk)
    lines[2] = (lines[2] ?? '').replace('"password-reveal"', '"password-copy"')
    await writeLines(desk, lines)
    const report = unwrap(await desk.api.accessLog.verify({}))
    assert.equal(report.intact, false)
    assert.deepEqual(report.breaks.map(({ kind, line, entry }) => ({ kind, line, entry })), [{ kind: 'edited', line: 3, entry: 3 }])
    assert.equal(report.breaks[0]?.message, 'Entry 3 (line 3) was changed after it was written: its contents no longer match its hash.')
  })

  test('an edit whose hash was computed again is found where the next entry no longer follows it', async (t) => {
    const desk = await deskWithSixEntries(t)
    const lines = await logLines(desk)
    const edited = { ...JSON.parse(lines[2] ?? '{}'), osUser: 'someone-else' }
    edited.hash = entryHash(edited)
    lines[2] = JSON.stringify(edited)
    await writeLines(desk, lines)
    const report = unwrap(await desk.api.accessLog.verify({}))
    assert.deepEqual(report.breaks.map(({ kind, line, entry }) => ({ kind, line, entry })), [{ kind: 'edited', line: 4, entry: 4 }])
    assert.match(report.breaks[0]?.message ?? '', /^Entry 4 \(line 4\) does not follow entry 3: entry 3 was changed or replaced\.$/)
  })

  test('a removed entry is found where the gap is', async (t) => {
    const desk = await deskWithSixEntries(t)
    const lines = await logLines(desk)
    lines.splice(3, 1)
    await writeLines(desk, lines)
    const report = unwrap(await desk.api.accessLog.verify({}))
    assert.deepEqual(report.breaks.map(({ kind, line, entry }) => ({ kind, line, entry })), [{ kind: 'removed', line: 4, entry: 5 }])
    assert.equal(report.breaks[0]?.message, 'Entry 4 is missing: entry 5 (line 4) follows entry 3. Entries were removed.')
    assert.equal(report.entries, 5)
  })

  test('reordered entries are found at the first one out of place', async (t) => {
    const desk = await deskWithSixEntries(t)
    const lines = await logLines(desk)
    ;[lines[2], lines[3]] = [lines[3] ?? '', lines[2] ?? '']
    await writeLines(desk, lines)
    const report = unwrap(await desk.api.accessLog.verify({}))
    assert.deepEqual(report.breaks.map(({ kind, line, entry }) => ({ kind, line, entry })), [
      { kind: 'reordered', line: 3, entry: 4 },
      { kind: 'reordered', line: 4, entry: 3 },
    ])
    assert.equal(report.breaks[0]?.message, 'Entry 4 (line 3) comes before entry 3: the entries were reordered.')
  })

  test('a torn last line is reported, not fatal: the next entry starts a line of its own and the chain goes on', async (t) => {
    const desk = await deskWithSixEntries(t)
    const text = await readFile(logFile(desk), 'utf8')
    // A power cut in the middle of writing entry 6: half of its line reached the disk.
    const lastLine = (await logLines(desk)).at(-1) ?? ''
    await writeFile(logFile(desk), text.slice(0, text.length - 1 - Math.floor(lastLine.length / 2)))
    const torn = unwrap(await desk.api.accessLog.verify({}))
    assert.equal(torn.intact, true, 'a torn line is no tampering')
    assert.deepEqual(torn.breaks.map(({ kind, line, entry }) => ({ kind, line, entry })), [{ kind: 'torn', line: 6, entry: null }])
    assert.match(torn.breaks[0]?.message ?? '', /^The last line is not a whole entry: a write cut short by a crash or a power cut\./)

    // Another desk opens the folder (as after the crash) and records on.
    await desk.desk.close()
    const reopened = await createDesk({ dataDir: desk.dataDir, keychainService: desk.keychainService, clipboard: createMemoryClipboard() })
    t.after(() => reopened.close())
    const api = createDeskApi((channel, payload) => dispatch(reopened.handlers, channel, payload))
    unwrap(await api.customers.revealPassword({ id: desk.ids[0] ?? '' }))
    const after = unwrap(await api.accessLog.verify({}))
    assert.equal(after.intact, true)
    assert.deepEqual(after.breaks.map(({ kind, line }) => ({ kind, line })), [{ kind: 'torn', line: 6 }])
    assert.match(after.breaks[0]?.message ?? '', /^Line 6 is not a whole entry/)
    const lines = await logLines(desk)
    assert.equal(lines.length, 7)
    assert.equal(JSON.parse(lines[6] ?? '{}').seq, 6, 'the entry never acknowledged is written again by the next one')
    assert.deepEqual(actionsOf((await allEntries(api)).slice(-1)), ['password-reveal'])
  })

  test('a desk killed (SIGKILL) while appending keeps every acknowledged entry, and the next desk appends on a whole chain', async (t) => {
    const { dataDir } = await tempDesk(t)
    let acknowledged = 0
    for (let round = 0; round < 5; round += 1) {
      const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../child-programs/access-log-writer.ts'), dataDir], { stdio: ['ignore', 'pipe', 'inherit'] })
      t.after(() => child.kill('SIGKILL'))
      const exited = new Promise((done) => child.once('exit', done))
      const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]()
      assert.equal((await lines.next()).value, 'ready')
      // Killed at a different moment each round, after some acknowledged appends, while the next one is under way.
      const acks = 5 + round * 7
      for (let seen = 0; seen < acks; seen += 1) {
        const line = await lines.next()
        const seq = Number(/^ack (\d+)$/.exec(String(line.value))?.[1])
        assert.ok(seq > acknowledged)
        acknowledged = seq
      }
      assert.ok(child.kill('SIGKILL'))
      await exited

      const text = await readFile(join(dataDir, ACCESS_LOG_FILE_NAME), 'utf8')
      const seqs = text.split('\n').flatMap((line) => {
        try {
          return [JSON.parse(line).seq as number]
        } catch {
          return []
        }
      })
      assert.ok(seqs.length >= acknowledged, `round ${round}: all ${acknowledged} acknowledged entries are there`)
      assert.deepEqual(seqs.slice(0, acknowledged), Array.from({ length: acknowledged }, (_, index) => index + 1))
    }
    const desk = await createDesk({ dataDir, keychainService: 'msp-customer-desk-test-unused', clipboard: createMemoryClipboard() })
    t.after(() => desk.close())
    const api = createDeskApi((channel, payload) => dispatch(desk.handlers, channel, payload))
    const report = unwrap(await api.accessLog.verify({}))
    assert.ok(report.intact, JSON.stringify(report.breaks))
    assert.ok(report.breaks.every((found) => found.kind === 'torn'))
    assert.ok(report.entries >= acknowledged)
  })
})

describe('the log in the encrypted backup', () => {
  test('a backup carries the log; restored on a new desk, the log is back, whole, with the restore after it', async (t) => {
    const source = await deskWithSixEntries(t)
    const saved = unwrap(await source.api.exports.backupCreate({ passphrase: PASSPHRASE, confirmPassphrase: PASSPHRASE }))
    assert.ok(saved.kind === 'saved')
    const sourceText = await readFile(logFile(source), 'utf8')

    const target = await openExportDesk(t)
    await restoreInto(target, saved.filePath)

    const targetText = await readFile(logFile(target), 'utf8')
    assert.ok(targetText.startsWith(sourceText), 'every entry of the source, byte for byte')
    const entries = await allEntries(target.api)
    assert.deepEqual(actionsOf(entries), ['password-reveal', 'password-reveal', 'password-reveal', 'password-reveal', 'password-copy', 'password-copy', 'backup', 'restore'])
    assert.match(entries.at(-1)?.detail ?? '', /; its access log is now this desk’s$/)
    assert.deepEqual(unwrap(await target.api.accessLog.verify({})), { file: logFile(target), entries: 8, intact: true, breaks: [] })

    // Restored again on the desk it came from: its log already holds the backup's, so nothing is doubled.
    await restoreInto(source, saved.filePath)
    assert.deepEqual(actionsOf((await allEntries(source.api)).slice(6)), ['backup', 'restore'])
    assert.ok(unwrap(await source.api.accessLog.verify({})).intact)
  })

  test('a backup’s log that went another way than this desk’s is kept beside it, and neither loses an entry', async (t) => {
    const source = await deskWithSixEntries(t)
    const saved = unwrap(await source.api.exports.backupCreate({ passphrase: PASSPHRASE, confirmPassphrase: PASSPHRASE }))
    assert.ok(saved.kind === 'saved')
    const sourceText = await readFile(logFile(source), 'utf8')
    // Another desk with a customer and a log of its own.
    const target = await openExportDesk(t)
    const litware = sampleForms()[0]
    assert.ok(litware?.x360)
    const [own] = await createCustomers(target.api, [{ ...litware, companyName: 'Litware', x360: { ...litware.x360, username: 'litware_01' } }])
    unwrap(await target.api.customers.revealPassword({ id: own?.id ?? '' }))
    const before = await readFile(logFile(target), 'utf8')
    await restoreInto(target, saved.filePath)

    const after = await readFile(logFile(target), 'utf8')
    assert.ok(after.startsWith(before), 'this desk’s entries are untouched')
    const aside = (await readdir(target.dataDir)).filter((name) => name.startsWith('access-log-from-backup-'))
    assert.equal(aside.length, 1)
    assert.equal(await readFile(join(target.dataDir, aside[0] ?? ''), 'utf8'), sourceText)
    assert.match((await allEntries(target.api)).at(-1)?.detail ?? '', new RegExp(`kept as ${aside[0]}$`))
    assert.ok(unwrap(await target.api.accessLog.verify({})).intact)
  })
})

describe('the views: filter, CSV, exposed since changed', () => {
  test('the list filters by action, by time and by customer, newest first', async (t) => {
    let now = new Date('2026-11-20T09:00:00.000Z')
    const { dataDir, keychainService } = await tempDesk(t)
    const desk = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard(), now: () => now })
    t.after(() => desk.close())
    const api = createDeskApi((channel, payload) => dispatch(desk.handlers, channel, payload))
    const [contoso, fabrikam] = await createCustomers(api, sampleForms().slice(0, 2))
    unwrap(await api.customers.revealPassword({ id: contoso?.id ?? '' }))
    now = new Date('2026-11-21T09:00:00.000Z')
    unwrap(await api.customers.copyPassword({ id: fabrikam?.id ?? '' }))
    now = new Date('2026-11-22T09:00:00.000Z')
    unwrap(await api.customers.revealPassword({ id: fabrikam?.id ?? '' }))

    const seqs = async (filter: Parameters<DeskApi['accessLog']['list']>[0]) => unwrap(await api.accessLog.list(filter)).entries.map((entry) => entry.seq)
    assert.deepEqual(await seqs({}), [3, 2, 1])
    assert.deepEqual(await seqs({ actions: ['password-reveal'] }), [3, 1])
    assert.deepEqual(await seqs({ from: '2026-11-21T00:00:00.000Z', to: '2026-11-22T00:00:00.000Z' }), [2])
    assert.deepEqual(await seqs({ customerId: fabrikam?.id ?? '' }), [3, 2])
    assert.deepEqual(await seqs({ customerId: fabrikam?.id ?? '', actions: ['password-reveal'], from: '2026-11-22T09:00:00.000Z' }), [3], 'from is inclusive')
    const limited = unwrap(await api.accessLog.list({ limit: 1 }))
    assert.deepEqual([limited.entries.length, limited.matching], [1, 3])
    const refused = await api.accessLog.list({ actions: ['peek' as AccessAction] })
    assert.ok(!refused.ok && refused.error.code === 'invalid')
  })

  test('the CSV export writes the filtered entries, oldest first, with formula-like company names made harmless', async (t) => {
    const desk = await deskWithSixEntries(t)
    const saved = unwrap(await desk.api.accessLog.exportCsv({ filter: { actions: ['password-copy'] } }))
    assert.ok(saved.kind === 'saved')
    assert.equal(saved.rows, 2)
    assert.match(desk.dialogs.saves.at(-1)?.suggestedName ?? '', /^Access log \d{4}-\d{2}-\d{2}\.csv$/)
    const text = await readFile(saved.filePath, 'utf8')
    assert.ok(text.startsWith('\uFEFF"Entry","Time (UTC)","Action"'))
    const rows = parse(text.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[]
    assert.deepEqual(rows.map((row) => [row.Entry, row.Action, row['Customer Company Name']]), [
      ['5', 'Password copied', 'Contoso Ltd'],
      ['6', 'Password copied', `'=HYPERLINK("http://evil.example","Fabrikam")`],
    ])
    assert.equal(rows[0]?.['OS user'], userInfo().username)
    desk.dialogs.saveAs(null)
    assert.deepEqual(unwrap(await desk.api.accessLog.exportCsv({ filter: {} })), { kind: 'cancelled' })
  })

  test('exposed since changed: customers whose current password was revealed, copied or printed after it was set, newest first', async (t) => {
    let now = new Date('2026-11-20T09:00:00.000Z')
    const { dataDir, keychainService } = await tempDesk(t)
    const desk = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard(), now: () => now })
    t.after(() => desk.close())
    const api = createDeskApi((channel, payload) => dispatch(desk.handlers, channel, payload))
    const [contoso, fabrikam] = await createCustomers(api, sampleForms().slice(0, 2))
    const tick = () => (now = new Date(now.getTime() + 60_000))
    tick()
    unwrap(await api.customers.revealPassword({ id: contoso?.id ?? '' }))
    tick()
    unwrap(await api.customers.copyPassword({ id: fabrikam?.id ?? '' }))
    tick()
    unwrap(await api.customers.revealPassword({ id: fabrikam?.id ?? '' }))
    assert.deepEqual(
      unwrap(await api.accessLog.exposedSinceChanged({})).map((row) => [row.companyName, row.lastExposedAt, row.counts]),
      [
        [fabrikam?.companyName, '2026-11-20T09:03:00.000Z', { 'password-copy': 1, 'password-reveal': 1 }],
        ['Contoso Ltd', '2026-11-20T09:01:00.000Z', { 'password-reveal': 1 }],
      ],
    )
    // Contoso's password is changed: its earlier reveal no longer counts, until it is revealed again.
    tick()
    unwrap(await api.customers.changePassword({ id: contoso?.id ?? '', password: 'Rotated-Vault-2026!', confirmPassword: 'Rotated-Vault-2026!' }))
    assert.deepEqual(unwrap(await api.accessLog.exposedSinceChanged({})).map((row) => row.companyName), [fabrikam?.companyName])
    tick()
    unwrap(await api.customers.copyPassword({ id: contoso?.id ?? '' }))
    const rows = unwrap(await api.accessLog.exposedSinceChanged({}))
    assert.deepEqual(rows.map((row) => row.companyName), ['Contoso Ltd', fabrikam?.companyName])
    assert.equal(rows[0]?.passwordSetAt, '2026-11-20T09:04:00.000Z')
  })
})
