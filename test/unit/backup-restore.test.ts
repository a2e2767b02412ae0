import assert from 'node:assert/strict'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import keytar from 'keytar'
import type { DeskApi, RestoreOpened } from '../../main/common/contract'
import { accountFor } from '../../main/services/credential-vault'
import { DAMAGED_BACKUP, WRONG_PASSPHRASE } from '../../main/services/exports/backup-crypto'
import { createCustomers, openExportDesk, PASSWORDS, sampleForms, unwrap, type ExportDesk } from './export-fixtures'

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

describe('encrypted backup and restore', () => {
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
      target.dialogs.openWith(path)
      const opened = await openBackupFile(target.api)
      const refused = await target.api.exports.restoreCheck({ token: opened.token, passphrase: PASSPHRASE })
      assert.ok(!refused.ok, `a change in the ${where} is caught`)
      assert.equal(refused.error.message, DAMAGED_BACKUP, where)
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
})
