import assert from 'node:assert/strict'
import { createCipheriv, createHash, createHmac, randomBytes, scryptSync } from 'node:crypto'
import { mkdir, readFile, rm, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import keytar from 'keytar'
import type { DeskApi, RestoreOpened } from '../../main/common/contract'
import { dispatch } from '../../main/ipc/handler-table'
import { accountFor } from '../../main/services/credential-vault'
import { DAMAGED_BACKUP, UNREADABLE_BACKUP, WRONG_PASSPHRASE } from '../../main/services/exports/backup-crypto'
import { createCustomers, openExportDesk, PASSWORDS, sampleForms, unwrap, type ExportDesk } from '../helpers/export-fixtures'

const PASSPHRASE = 'correct horse battery staple'

async function backUp(desk: ExportDesk): Promise<string> {
  const saved = unwrap(await desk.api.exports.backupCreate({ passphrase: PASSPHRASE, confirmPassphrase: PASSPHRASE }))
  if (saved.kind !== 'saved') throw new Error('not saved')
  return saved.filePath
}

async function openBackupFile(api: DeskApi): Promise<RestoreOpened> {
  const opened = unwrap(await api.exports.restoreOpen({}))
  if (opened.kind !== 'opened') throw new Error('the dialog was closed')
  return opened
}

async function passwordsOf(desk: ExportDesk): Promise<Record<string, string>> {
  const entries = await keytar.findCredentials(desk.keychainService)
  return Object.fromEntries(entries.map((entry) => [entry.account, entry.password]))
}

/** Changes the byte at `index` (negative counts from the end) and writes the copy beside the original. */
async function flipByte(path: string, index: number, name: string): Promise<string> {
  const bytes = await readFile(path)
  const at = index < 0 ? bytes.length + index : index
  bytes[at] = (bytes[at] ?? 0) ^ 0x01
  const copy = join(path, '..', name)
  await writeFile(copy, bytes)
  return copy
}

/** The refusal a user sees for a file: from opening it, or else from checking it with the passphrase. */
async function refusalOf(api: DeskApi, dialogs: ExportDesk['dialogs'], path: string, passphrase = PASSPHRASE): Promise<string> {
  dialogs.openWith(path)
  const opened = await api.exports.restoreOpen({})
  if (!opened.ok) return opened.error.message
  if (opened.value.kind !== 'opened') throw new Error('the dialog was closed')
  const checked = await api.exports.restoreCheck({ token: opened.value.token, passphrase })
  return checked.ok ? 'accepted' : checked.error.message
}

const headerEnd = (bytes: Buffer): number => bytes.indexOf(0x0a)
const headerOf = (bytes: Buffer): Record<string, unknown> => JSON.parse(bytes.subarray(0, headerEnd(bytes)).toString('utf8')) as Record<string, unknown>
const sha256 = (text: string): string => createHash('sha256').update(text).digest('base64')

/** A version 2 header line as the format is documented: the checksum of the JSON before it is its last member. */
function sealedLine(header: Record<string, unknown>): string {
  const { headerSha256: _old, ...rest } = header
  const body = JSON.stringify(rest)
  return `${body.slice(0, -1)},"headerSha256":"${sha256(body)}"}\n`
}

/** How many bytes this process has read through read() calls so far (Linux): what opening a file really costs. */
async function bytesReadSoFar(): Promise<number> {
  const io = await readFile('/proc/self/io', 'utf8')
  return Number(/^rchar: (\d+)$/m.exec(io)?.[1])
}

describe('encrypted backup and restore', () => {
  test('locking forgets a checked backup: after unlocking it must be opened and checked again', async (t) => {
    const source = await openExportDesk(t)
    await createCustomers(source.api, sampleForms())
    const file = await backUp(source)
    const target = await openExportDesk(t)
    const call = (channel: string, payload: unknown = {}) => dispatch(target.desk.handlers, `desk:${channel}`, payload)
    await call('lock.setUp', { choice: 'passphrase', passphrase: PASSPHRASE, repeat: PASSPHRASE })
    target.dialogs.openWith(file)
    const opened = await openBackupFile(target.api)
    unwrap(await target.api.exports.restoreCheck({ token: opened.token, passphrase: PASSPHRASE }))
    await call('lock.lock')
    await call('lock.unlock', { passphrase: PASSPHRASE })
    const confirmed = await target.api.exports.restoreConfirm({ token: opened.token })
    assert.ok(!confirmed.ok)
    assert.equal(confirmed.error.message, 'This restore is no longer pending. Choose the backup file again.')
    assert.equal(target.desk.store.data.customers.length, 0)
    assert.deepEqual(Object.keys(await passwordsOf(target)), ['desk-lock'], 'nothing of the backup reached the keychain, only the lock')
  })

  test('a backup restored on an empty desk gives the same customers, deletions and passwords', async (t) => {
    const source = await openExportDesk(t)
    const created = await createCustomers(source.api, sampleForms())
    const [gone] = await createCustomers(source.api, [{ companyName: 'Gone Oy', notes: '', x360: null, nexetic: null }])
    unwrap(await source.api.customers.delete({ id: gone?.id ?? '' }))
    const file = await backUp(source)
    assert.match(file, /MSP Customer Desk backup \d{4}-\d{2}-\d{2}\.deskbackup$/)

    const bytes = await readFile(file)
    const headerLine = bytes.subarray(0, bytes.indexOf(0x0a)).toString('utf8')
    const header = JSON.parse(headerLine) as { kdf: { name: string; N: number; r: number; p: number; salt: string }; cipher: { name: string; iv: string } }
    assert.deepEqual([header.kdf.name, header.kdf.N, header.kdf.r, header.kdf.p], ['scrypt', 2 ** 17, 8, 1])
    assert.equal(Buffer.from(header.kdf.salt, 'base64').length, 16)
    assert.deepEqual([header.cipher.name, Buffer.from(header.cipher.iv, 'base64').length], ['aes-256-gcm', 12])
    for (const secret of [...PASSWORDS, 'Contoso', 'contoso_01']) assert.ok(!bytes.includes(secret), `"${secret}" is not readable in the file`)

    const target = await openExportDesk(t)
    target.dialogs.openWith(file)
    const opened = await openBackupFile(target.api)
    const preview = unwrap(await target.api.exports.restoreCheck({ token: opened.token, passphrase: PASSPHRASE }))
    assert.deepEqual({ ...preview, createdAt: '' }, { createdAt: '', customers: 3, passwords: 2, add: 3, replace: 0, conflicts: [] })
    assert.equal(target.desk.store.data.customers.length, 0, 'checking changes nothing')
    assert.deepEqual(await passwordsOf(target), {})

    const done = unwrap(await target.api.exports.restoreConfirm({ token: opened.token }))
    assert.deepEqual(done, { added: 3, replaced: 0, passwords: 2 })
    assert.deepEqual(target.desk.store.data.customers, source.desk.store.data.customers)
    assert.deepEqual(target.desk.store.data.deletions, source.desk.store.data.deletions)
    assert.deepEqual(await passwordsOf(target), {
      [accountFor(created[0]?.id ?? '')]: PASSWORDS[0],
      [accountFor(created[1]?.id ?? '')]: PASSWORDS[1],
    })
    const revealed = unwrap(await target.api.customers.revealPassword({ id: created[1]?.id ?? '' }))
    assert.equal(revealed.password, PASSWORDS[1])
    const storeText = await readFile(join(target.dataDir, 'customers.json'), 'utf8')
    for (const password of PASSWORDS) assert.ok(!storeText.includes(password), 'restored passwords go to the keychain only')
  })

  test('a wrong passphrase is refused at the passphrase field, changes nothing, and can be retried', async (t) => {
    const source = await openExportDesk(t)
    await createCustomers(source.api, sampleForms())
    const file = await backUp(source)
    const target = await openExportDesk(t)
    target.dialogs.openWith(file)
    const opened = await openBackupFile(target.api)
    const wrong = await target.api.exports.restoreCheck({ token: opened.token, passphrase: 'correct horse battery stapler' })
    assert.ok(!wrong.ok)
    assert.equal(wrong.error.code, 'invalid')
    assert.equal(wrong.error.message, WRONG_PASSPHRASE)
    assert.ok(wrong.error.fields?.passphrase)
    const early = await target.api.exports.restoreConfirm({ token: opened.token })
    assert.ok(!early.ok, 'nothing can be restored before the right passphrase')
    assert.equal(target.desk.store.data.customers.length, 0)
    assert.deepEqual(await passwordsOf(target), {})

    unwrap(await target.api.exports.restoreCheck({ token: opened.token, passphrase: PASSPHRASE }))
    assert.deepEqual(unwrap(await target.api.exports.discard({ token: opened.token })), { discarded: true })
    const discarded = await target.api.exports.restoreConfirm({ token: opened.token })
    assert.ok(!discarded.ok && discarded.error.code === 'not-found')
    assert.equal(target.desk.store.data.customers.length, 0)
  })

  test('a file changed by one byte anywhere is refused with a clear message, and nothing changes', async (t) => {
    const source = await openExportDesk(t)
    await createCustomers(source.api, sampleForms())
    const file = await backUp(source)
    const headerEnd = (await readFile(file)).indexOf(0x0a)
    const target = await openExportDesk(t)

    const createdAtDigit = (await readFile(file)).subarray(0, headerEnd).indexOf('"createdAt":"') + '"createdAt":"'.length + 3
    const variants = {
      body: await flipByte(file, headerEnd + 20, 'body.deskbackup'),
      tag: await flipByte(file, -1, 'tag.deskbackup'),
      header: await flipByte(file, createdAtDigit, 'header.deskbackup'),
    }
    for (const [where, path] of Object.entries(variants)) {
      assert.equal(await refusalOf(target.api, target.dialogs, path), DAMAGED_BACKUP, `a change in the ${where} is caught`)
    }

    const cut = join(target.folder, 'cut.deskbackup')
    await writeFile(cut, (await readFile(file)).subarray(0, headerEnd + 5))
    target.dialogs.openWith(cut)
    const short = await target.api.exports.restoreOpen({})
    assert.ok(!short.ok)
    assert.equal(short.error.message, DAMAGED_BACKUP)

    const notBackup = join(target.folder, 'list.csv')
    await writeFile(notBackup, 'Customer Company Name\nContoso\n')
    target.dialogs.openWith(notBackup)
    const other = await target.api.exports.restoreOpen({})
    assert.ok(!other.ok)
    assert.match(other.error.message, /not an MSP Customer Desk backup/)

    assert.equal(target.desk.store.data.customers.length, 0)
    assert.deepEqual(await passwordsOf(target), {})
  })

  test('the passphrase needs 12 characters and must be typed twice alike, before any dialog opens', async (t) => {
    const desk = await openExportDesk(t)
    const short = await desk.api.exports.backupCreate({ passphrase: 'eleven-char', confirmPassphrase: 'eleven-char' })
    assert.ok(!short.ok)
    assert.equal(short.error.code, 'invalid')
    assert.match(short.error.fields?.passphrase ?? '', /at least 12 characters \(it has 11\)/)
    const mismatch = await desk.api.exports.backupCreate({ passphrase: PASSPHRASE, confirmPassphrase: `${PASSPHRASE} ` })
    assert.ok(!mismatch.ok)
    assert.deepEqual(Object.keys(mismatch.error.fields ?? {}), ['confirmPassphrase'])
    assert.equal(desk.dialogs.saves.length, 0)
    desk.dialogs.saveAs(null)
    assert.deepEqual(unwrap(await desk.api.exports.backupCreate({ passphrase: PASSPHRASE, confirmPassphrase: PASSPHRASE })), { kind: 'cancelled' })
  })

  test('on a desk in use: says what it would add and replace, refuses a username clash, then restores in place', async (t) => {
    const desk = await openExportDesk(t)
    const [contoso, fabrikam] = await createCustomers(desk.api, sampleForms())
    const file = await backUp(desk)

    const form = sampleForms()[0]
    if (!form?.x360 || !contoso || !fabrikam) throw new Error('fixture')
    unwrap(await desk.api.customers.update({ id: contoso.id, form: { ...form, notes: 'edited after the backup', x360: { ...form.x360, password: '', confirmPassword: '' } } }))
    unwrap(await desk.api.customers.changePassword({ id: contoso.id, password: 'Newer-Pass-2027!', confirmPassword: 'Newer-Pass-2027!' }))
    unwrap(await desk.api.customers.delete({ id: fabrikam.id }))
    const [clash] = await createCustomers(desk.api, [{ companyName: 'Fabrikam Again', notes: '', x360: { username: 'FABRIKAM', email: 'f@example.com', locations: 'HQ', password: PASSWORDS[2] ?? '', confirmPassword: PASSWORDS[2] ?? '' }, nexetic: null }])

    desk.dialogs.openWith(file)
    const opened = await openBackupFile(desk.api)
    const preview = unwrap(await desk.api.exports.restoreCheck({ token: opened.token, passphrase: PASSPHRASE }))
    assert.equal(preview.add, 1, 'Fabrikam, deleted since')
    assert.equal(preview.replace, 2, 'Contoso and Northwind')
    assert.deepEqual(preview.conflicts, [{ username: 'FABRIKAM', deskCompany: 'Fabrikam Again', backupCompany: fabrikam.companyName }])
    const refused = await desk.api.exports.restoreConfirm({ token: opened.token })
    assert.ok(!refused.ok)
    assert.equal(refused.error.code, 'conflict')
    assert.match(refused.error.message, /FABRIKAM/)

    unwrap(await desk.api.customers.delete({ id: clash?.id ?? '' }))
    const done = unwrap(await desk.api.exports.restoreConfirm({ token: opened.token }))
    assert.deepEqual(done, { added: 1, replaced: 2, passwords: 2 })
    const restored = desk.desk.store.data.customers.find((customer) => customer.id === contoso.id)
    assert.equal(restored?.notes, 'Main office in Espoo', 'the backup’s version replaced the edited one')
    assert.equal(unwrap(await desk.api.customers.revealPassword({ id: contoso.id })).password, PASSWORDS[0])
    assert.equal(unwrap(await desk.api.customers.revealPassword({ id: fabrikam.id })).password, PASSWORDS[1])
    assert.equal(desk.desk.store.data.customers.length, 3)
  })

  test('when the store cannot be written, the keychain is put back as it was', async (t) => {
    const desk = await openExportDesk(t)
    const [contoso] = await createCustomers(desk.api, sampleForms().slice(0, 1))
    const file = await backUp(desk)
    unwrap(await desk.api.customers.changePassword({ id: contoso?.id ?? '', password: 'Newer-Pass-2027!', confirmPassword: 'Newer-Pass-2027!' }))
    desk.dialogs.openWith(file)
    const opened = await openBackupFile(desk.api)
    unwrap(await desk.api.exports.restoreCheck({ token: opened.token, passphrase: PASSPHRASE }))
    // A real failure: a folder where the store file must be renamed to (even root cannot rename over it).
    const storeFile = join(desk.dataDir, 'customers.json')
    await rm(storeFile, { force: true })
    await mkdir(join(storeFile, 'blocker'), { recursive: true })
    const failed = await desk.api.exports.restoreConfirm({ token: opened.token })
    assert.ok(!failed.ok)
    assert.match(failed.error.message, /could not be saved/)
    assert.equal(await keytar.getPassword(desk.keychainService, accountFor(contoso?.id ?? '')), 'Newer-Pass-2027!')
  })

  test('a guessable passphrase is refused at its field with the reason, before any dialog opens', async (t) => {
    const desk = await openExportDesk(t)
    for (const weak of ['aaaaaaaaaaaa', '123456789012', 'password1234', 'qwertyuiopas']) {
      const refused = await desk.api.exports.backupCreate({ passphrase: weak, confirmPassphrase: weak })
      assert.ok(!refused.ok, `${weak} is refused`)
      assert.equal(refused.error.code, 'invalid')
      const reason = refused.error.fields?.passphrase ?? ''
      assert.match(reason, /^This passphrase is too easy to guess\. /, weak)
      assert.match(reason, /(repeated|commonly used|similar to)/i, `${weak}: the reason is given`)
      assert.match(reason, /Add more words/, `${weak}: with a suggestion`)
      assert.ok(!reason.includes(weak), 'the passphrase itself is not echoed')
    }
    assert.equal(desk.dialogs.saves.length, 0)
  })

  test('a header asking for unknown KDF settings is refused when the file is opened, so no key derivation can run', async (t) => {
    const source = await openExportDesk(t)
    await createCustomers(source.api, sampleForms().slice(0, 1))
    const file = await backUp(source)
    const bytes = await readFile(file)
    const header = headerOf(bytes)
    const kdf = header.kdf as Record<string, unknown>
    const target = await openExportDesk(t)
    const crafted = [
      { ...kdf, N: 2 ** 20 },
      { ...kdf, N: 2 ** 14, r: 1 },
      { ...kdf, p: 4 },
      { ...kdf, r: 16 },
      { ...kdf, N: 2 ** 17 + 1 },
      { ...kdf, N: '131072' },
      { ...kdf, name: 'argon2id' },
    ]
    for (const [i, params] of crafted.entries()) {
      const path = join(target.folder, `crafted-${i}.deskbackup`)
      await writeFile(path, Buffer.concat([Buffer.from(sealedLine({ ...header, kdf: params })), bytes.subarray(headerEnd(bytes) + 1)]))
      target.dialogs.openWith(path)
      const opened = await target.api.exports.restoreOpen({})
      assert.ok(!opened.ok, `${JSON.stringify(params)} is refused at open: no token, so restoreCheck (the only caller of scrypt) cannot run`)
      assert.equal(opened.error.message, UNREADABLE_BACKUP)
    }
    // The audit's crafted version 1 header (no checksum) is refused the same way.
    const v1 = join(target.folder, 'crafted-v1.deskbackup')
    const { headerSha256: _seal, ...unsealed } = header
    await writeFile(v1, Buffer.concat([Buffer.from(`${JSON.stringify({ ...unsealed, version: 1, kdf: { ...kdf, N: 2 ** 20 } })}\n`), bytes.subarray(headerEnd(bytes) + 1)]))
    target.dialogs.openWith(v1)
    const old = await target.api.exports.restoreOpen({})
    assert.ok(!old.ok)
    assert.equal(old.error.message, UNREADABLE_BACKUP)
  })

  test('every byte of the header changed in turn is reported as a damaged file, never as a wrong passphrase', { timeout: 120_000 }, async (t) => {
    const source = await openExportDesk(t)
    await createCustomers(source.api, sampleForms().slice(0, 1))
    const bytes = await readFile(await backUp(source))
    const target = await openExportDesk(t)
    const path = join(target.folder, 'flipped.deskbackup')
    const answers = new Map<string, number>()
    for (let at = 0; at <= headerEnd(bytes); at += 1) {
      const copy = Buffer.from(bytes)
      copy[at] = (copy[at] ?? 0) ^ 0x01
      await writeFile(path, copy)
      const message = await refusalOf(target.api, target.dialogs, path)
      answers.set(message, (answers.get(message) ?? 0) + 1)
      assert.equal(message, DAMAGED_BACKUP, `byte ${at} of the header changed`)
    }
    assert.deepEqual([...answers.keys()], [DAMAGED_BACKUP])
  })

  test('opening a large backup reads only its header, and a wrong passphrase is answered without reading the rest', { skip: process.platform !== 'linux' && 'reads /proc/self/io' }, async (t) => {
    const source = await openExportDesk(t)
    await createCustomers(source.api, sampleForms().slice(0, 1))
    const bytes = await readFile(await backUp(source))
    const target = await openExportDesk(t)
    const large = join(target.folder, 'large.deskbackup')
    const size = 300 * 1024 * 1024
    await writeFile(large, bytes)
    await truncate(large, size) // sparse: the header, then 300 MB the desk must not read yet
    const ceiling = 1024 * 1024

    target.dialogs.openWith(large)
    const beforeOpen = await bytesReadSoFar()
    const opened = await openBackupFile(target.api)
    const afterOpen = await bytesReadSoFar()
    assert.ok(afterOpen - beforeOpen < ceiling, `opening read ${afterOpen - beforeOpen} bytes of a ${size}-byte file`)
    const wrong = await target.api.exports.restoreCheck({ token: opened.token, passphrase: 'not the passphrase at all' })
    assert.ok(!wrong.ok)
    assert.equal(wrong.error.message, WRONG_PASSPHRASE)
    const afterCheck = await bytesReadSoFar()
    assert.ok(afterCheck - afterOpen < ceiling, `a wrong passphrase read ${afterCheck - afterOpen} bytes`)
  })

  test('a backup in the version 1 format (no header checksum) still restores', async (t) => {
    const source = await openExportDesk(t)
    await createCustomers(source.api, sampleForms())
    const passwords: Record<string, string> = {}
    for (const customer of source.desk.store.data.customers) {
      const password = customer.x360 ? await source.desk.vault.readCustomerPassword(customer.id) : null
      if (password !== null) passwords[customer.id] = password
    }
    // Written here from the version 1 format's description, not by the code under test.
    const salt = randomBytes(16)
    const iv = randomBytes(12)
    const derived = scryptSync(PASSPHRASE, salt, 64, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 })
    const check = createHmac('sha256', derived.subarray(32)).update('msp-customer-desk-backup passphrase check').digest('base64')
    const header = {
      format: 'msp-customer-desk-backup',
      version: 1,
      createdAt: '2026-11-20T09:00:00.000Z',
      kdf: { name: 'scrypt', N: 2 ** 17, r: 8, p: 1, salt: salt.toString('base64') },
      cipher: { name: 'aes-256-gcm', iv: iv.toString('base64') },
      check,
    }
    const line = Buffer.from(`${JSON.stringify(header)}\n`)
    const cipher = createCipheriv('aes-256-gcm', derived.subarray(0, 32), iv)
    cipher.setAAD(line)
    const body = Buffer.concat([cipher.update(JSON.stringify({ desk: source.desk.store.data, passwords })), cipher.final()])
    const target = await openExportDesk(t)
    const path = join(target.folder, 'version-1.deskbackup')
    await writeFile(path, Buffer.concat([line, body, cipher.getAuthTag()]))

    target.dialogs.openWith(path)
    const opened = await openBackupFile(target.api)
    assert.equal(opened.createdAt, '2026-11-20T09:00:00.000Z')
    const preview = unwrap(await target.api.exports.restoreCheck({ token: opened.token, passphrase: PASSPHRASE }))
    assert.equal(preview.add, 3)
    assert.deepEqual(unwrap(await target.api.exports.restoreConfirm({ token: opened.token })), { added: 3, replaced: 0, passwords: 2 })
    assert.deepEqual(target.desk.store.data.customers, source.desk.store.data.customers)
  })
})
