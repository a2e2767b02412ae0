import assert from 'node:assert/strict'
import { lstat, mkdir, readdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { DeskFailure } from '../../main/common/desk-error'
import { CustomerStore, STORE_FILE_NAME } from '../../main/services/customer-store'
import { duplicateKey } from '../../main/services/json-duplicate-keys'
import { countKeys } from '../../main/services/store-unknown-fields'
import { generateCustomers } from '../helpers/generate-customers'
import { tempDesk } from '../helpers/temp-desk'

const NOW = new Date('2026-11-23T10:00:00.000Z')
const addOne = (store: CustomerStore, id: string) =>
  store.mutate((data) => {
    data.customers.push({ id, companyName: `Added ${id}`, notes: '', createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), x360: null, nexetic: null, history: [] })
  })
const idsIn = async (file: string): Promise<string[]> => JSON.parse(await readFile(file, 'utf8')).customers.map((customer: { id: string }) => customer.id)

/** Opens a store on `contents` and checks that the file is kept aside byte for byte, with the reason, and that later saves never touch it. */
async function expectRefusedAndKept(dataDir: string, contents: Buffer | string, reason: RegExp): Promise<void> {
  const file = join(dataDir, STORE_FILE_NAME)
  await writeFile(file, contents)
  const store = await CustomerStore.open(file, NOW)
  assert.ok(store.status.kind === 'recovered', `status was ${store.status.kind}`)
  assert.match(store.status.reason, reason)
  const kept = Buffer.from(contents)
  assert.ok((await readFile(store.status.keptAs)).equals(kept), 'the file is kept byte for byte')
  assert.deepEqual(store.data.customers, [])
  await addOne(store, 'after')
  assert.ok((await readFile(store.status.keptAs)).equals(kept), 'a later save does not touch the kept file')
  await store.close()
}

describe('odd customer files', () => {
  test('a file starting with a UTF-8 byte-order mark (PowerShell 5, old Notepad) opens normally and is saved without it', async (t) => {
    const { dataDir } = await tempDesk(t)
    const file = join(dataDir, STORE_FILE_NAME)
    await writeFile(file, `\uFEFF${JSON.stringify(generateCustomers(50, 3))}`)
    const store = await CustomerStore.open(file, NOW)
    assert.deepEqual(store.status, { kind: 'ok' })
    assert.equal(store.data.customers.length, 50)
    await addOne(store, 'after-bom')
    const saved = await readFile(file)
    assert.equal(saved[0], '{'.charCodeAt(0), 'the mark is gone')
    assert.equal((await idsIn(file)).length, 51)
    await addOne(store, 'second-save')
    assert.equal((await idsIn(file)).length, 52, 'the next save is not refused as changed by another desk')
    await store.close()
  })

  test('a file that is not UTF-8 is reported as such and kept aside untouched, never opened and then refused', async (t) => {
    const { dataDir } = await tempDesk(t)
    const text = JSON.stringify(generateCustomers(5, 3)).replace('"companyName":"', '"companyName":"M\u0000ller ')
    // A Latin-1 "ü" (0xFC) where the NUL stood: what an editor saving in Windows-1252 writes.
    const bytes = Buffer.from(text)
    bytes[bytes.indexOf(0)] = 0xfc
    await expectRefusedAndKept(dataDir, bytes, /not UTF-8/)
  })

  test('a top-level key written twice is refused with its name and the file kept aside (JSON.parse would keep only the empty list)', async (t) => {
    const { dataDir } = await tempDesk(t)
    const whole = JSON.stringify(generateCustomers(50, 3))
    await expectRefusedAndKept(dataDir, `${whole.slice(0, -1)},"customers":[]}`, /names the field "customers" twice at the top level/)
  })

  test('a key written twice inside a customer is refused, naming the customer, and the file kept aside', async (t) => {
    const { dataDir } = await tempDesk(t)
    const data = generateCustomers(5, 3)
    const text = JSON.stringify(data).replace(`"id":"${data.customers[3]?.id}",`, `$&"companyName":"Old name",`)
    await expectRefusedAndKept(dataDir, text, /names the field "companyName" twice at customers\[3\]/)
  })

  test('two customers with one id are refused and the file kept aside (one delete would remove both)', async (t) => {
    const { dataDir } = await tempDesk(t)
    const data = generateCustomers(5, 3)
    const [first, second] = data.customers
    assert.ok(first && second)
    second.id = first.id
    await expectRefusedAndKept(dataDir, JSON.stringify(data), new RegExp(`two customers with one id \\(customers 1 and 2 both have the id "${first.id}"\\)`))
  })

  test('fields this version does not know are kept through every save, and never enter the customers the page is given', async (t) => {
    const { dataDir } = await tempDesk(t)
    const file = join(dataDir, STORE_FILE_NAME)
    const data = generateCustomers(20, 3) as unknown as { customers: Record<string, unknown>[]; deletions: Record<string, unknown>[] } & Record<string, unknown>
    const target = data.customers.find((customer) => customer.x360 !== null)
    assert.ok(target)
    target.colour = 'blue'
    ;(target.x360 as Record<string, unknown>).region = 'eu-2'
    const history = target.history as Record<string, unknown>[]
    history.push({ id: 'h-hand', at: NOW.toISOString(), field: 'notes', from: null, to: 'x', reason: null, by: 'a newer desk' })
    data.deletions.push({ customerId: 'gone', companyName: 'Gone Ltd', deletedAt: NOW.toISOString(), x360Username: null, note: 'kept' })
    data.syncedBy = { tool: 'hand edit' }
    await writeFile(file, JSON.stringify(data).replace('"colour":"blue"', '"colour":"blue","__proto__":"a plain key"'))

    const store = await CustomerStore.open(file, NOW)
    assert.deepEqual(store.status, { kind: 'ok' })
    assert.doesNotMatch(JSON.stringify(store.data), /colour|region|a newer desk|"note"|syncedBy|a plain key/, 'memory holds only known fields')
    const id = String(target.id)

    // An edit as the customer service makes it: fields changed in place, the account replaced by a new object.
    await store.mutate((desk) => {
      const customer = desk.customers.find((candidate) => candidate.id === id)
      assert.ok(customer?.x360)
      customer.notes = 'edited'
      customer.x360 = { ...customer.x360, email: 'new@example.com' }
    })
    await assert.rejects(store.mutate(() => {
      throw new DeskFailure('invalid', 'Refused.')
    }))
    assert.doesNotMatch(JSON.stringify(store.data), /colour|region|syncedBy/, 'a change undone brings back no unknown field')
    await addOne(store, 'another')

    const saved = JSON.parse(await readFile(file, 'utf8'))
    const savedTarget = saved.customers.find((customer: { id: string }) => customer.id === id)
    assert.equal(savedTarget.colour, 'blue')
    assert.ok(Object.hasOwn(savedTarget, '__proto__'), 'a key named __proto__ stays a plain key')
    assert.equal(savedTarget.notes, 'edited')
    assert.deepEqual([savedTarget.x360.region, savedTarget.x360.email], ['eu-2', 'new@example.com'])
    assert.equal(savedTarget.history.at(-1).by, 'a newer desk')
    assert.equal(saved.deletions.at(-1).note, 'kept')
    assert.deepEqual(saved.syncedBy, { tool: 'hand edit' })
    assert.equal(saved.customers.length, 21)
    await store.close()
  })

  test('a customers.json that is a link is written through: the link stays, its target gets the save', async (t) => {
    const { dataDir } = await tempDesk(t)
    const elsewhere = join(dataDir, 'synced')
    await mkdir(elsewhere)
    const real = join(elsewhere, 'customers-real.json')
    await writeFile(real, JSON.stringify(generateCustomers(4, 3)))
    const deskFolder = join(dataDir, 'desk')
    await mkdir(deskFolder)
    const file = join(deskFolder, STORE_FILE_NAME)
    await symlink(real, file)

    const store = await CustomerStore.open(file, NOW)
    assert.deepEqual(store.status, { kind: 'ok' })
    await addOne(store, 'through-the-link')
    await addOne(store, 'and-again')
    assert.ok((await lstat(file)).isSymbolicLink(), 'the link is still a link')
    assert.equal(await readlink(file), real)
    assert.deepEqual((await idsIn(real)).slice(-2), ['through-the-link', 'and-again'])
    await store.close()
    assert.deepEqual((await readdir(elsewhere)).sort(), ['customers-real.json'], 'no temporary or lock file is left beside the target')
  })

  test('a link to a file that cannot be reached opens read-only and the link is left alone', async (t) => {
    const { dataDir } = await tempDesk(t)
    const file = join(dataDir, STORE_FILE_NAME)
    await symlink(join(dataDir, 'unplugged-drive', 'customers.json'), file)
    const store = await CustomerStore.open(file, NOW)
    assert.ok(store.status.kind === 'read-only')
    assert.match(store.status.reason, /is a link to a file that cannot be reached \(ENOENT\)/)
    await assert.rejects(addOne(store, 'x'), (error: unknown) => error instanceof DeskFailure && error.code === 'store-read-only')
    assert.ok((await lstat(file)).isSymbolicLink())
  })
})

describe('finding a repeated key', () => {
  test('quotes, backslashes and colons inside strings are not mistaken for keys', () => {
    const tricky = { 'a"b': 'x\\":y', 'c\\': '": not a key', list: [{ k: 1 }, { k: 2 }], '': { ':': '\\\\' } }
    const text = JSON.stringify(tricky)
    assert.equal(duplicateKey(text, countKeys(JSON.parse(text))), null)
    assert.equal(duplicateKey(text, 0), null, 'a count that differs for another reason is ruled out by the full walk')
    const repeated = `{"list":[{"k":1},{"k":2,"z":{"q":1,"\\u0071":2}}],"x":0}`
    assert.deepEqual(duplicateKey(repeated, countKeys(JSON.parse(repeated))), { key: 'q', path: 'list[1].z' })
  })
})
