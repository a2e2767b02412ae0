import assert from 'node:assert/strict'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test, type TestContext } from 'node:test'
import { stringify } from 'csv-stringify/sync'
import keytar from 'keytar'
import type { DeskApi, ImportPreview } from '../../main/common/contract'
import { accountFor } from '../../main/services/credential-vault'
import { encodings } from '../helpers/secret-search'
import { createCustomers, openExportDesk, PASSWORDS, sampleForms, unwrap, type ExportDesk } from '../helpers/export-fixtures'

const HEADER = ['Customer Company Name', 'Customer Username', 'Customer Email Address', 'Locations', 'Customer Password', 'Organization name', 'Domain', 'User Licenses', 'Extra Storage (GB)', 'Notify Users', 'Storage Type', 'Notes']
const row = (company: string, username: string, password: string, extra: Partial<Record<string, string>> = {}): string[] => {
  const cells: Record<string, string> = {
    'Customer Company Name': company,
    'Customer Username': username,
    'Customer Email Address': username ? `${username}@example.com` : '',
    Locations: username ? 'HQ' : '',
    'Customer Password': password,
    'Organization name': '',
    Domain: '',
    'User Licenses': '10',
    'Extra Storage (GB)': '100',
    'Notify Users': 'ops@example.com',
    'Storage Type': 'Azure (Ireland)',
    Notes: '',
    ...extra,
  }
  return HEADER.map((header) => cells[header] ?? '')
}

async function writeCsv(desk: ExportDesk, name: string, records: string[][], delimiter = ','): Promise<string> {
  const path = join(desk.folder, name)
  await writeFile(path, stringify(records, { delimiter }))
  return path
}

async function preview(api: DeskApi): Promise<ImportPreview> {
  const result = unwrap(await api.exports.importPreview({}))
  if (result.kind !== 'preview') throw new Error('the dialog was closed')
  return result
}

/** Nothing was written: no customer in the store file, no entry in the keychain service. */
async function assertNothingWritten(desk: ExportDesk): Promise<void> {
  assert.equal(desk.desk.store.data.customers.length, 0)
  const stored = await readFile(join(desk.dataDir, 'customers.json'), 'utf8').catch(() => '{"customers":[]}')
  assert.deepEqual((JSON.parse(stored) as { customers: unknown[] }).customers, [])
  assert.deepEqual(await keytar.findCredentials(desk.keychainService), [])
}

/** Exports the source desk's list as CSV and previews that file's import on a new desk. */
async function exportAndPreviewOnAnotherDesk(t: TestContext, source: Awaited<ReturnType<typeof openExportDesk>>) {
  const saved = unwrap(await source.api.exports.listExport({ format: 'csv' }))
  if (saved.kind !== 'saved') throw new Error('not saved')
  const target = await openExportDesk(t)
  target.dialogs.openWith(saved.filePath)
  return { target, seen: await preview(target.api) }
}

describe('CSV import', () => {
  test('an exported list imports back on another desk as the same customers', async (t) => {
    const source = await openExportDesk(t)
    const originals = await createCustomers(source.api, sampleForms())
    const { target, seen } = await exportAndPreviewOnAnotherDesk(t, source)
    assert.deepEqual(seen.errors, [])
    assert.deepEqual(seen.duplicateCompanies, [])
    assert.equal(seen.rows.length, 3)
    assert.ok(seen.token)
    const done = unwrap(await target.api.exports.importConfirm({ token: seen.token }))
    assert.equal(done.created, 3)

    const imported = target.desk.store.data.customers
    for (const original of originals) {
      const copy = imported.find((customer) => customer.companyName === original.companyName)
      assert.ok(copy, `${original.companyName} was imported (formula-like names come back without the guard quote)`)
      assert.equal(copy.notes, original.notes)
      assert.deepEqual(copy.nexetic, original.nexetic)
      assert.deepEqual(copy.x360 && { ...copy.x360, passwordSetAt: null }, original.x360 && { ...original.x360, passwordSetAt: null })
      assert.equal(copy.x360?.passwordSetAt ?? null, null, 'the export has no password, so the import sets none')
    }
  })

  test('a round trip gives back exactly what was exported: formula signs, full-width signs and leading quotes alike', async (t) => {
    const tricky = ["'=1+1", '=1+1', "''twice", "'plain", '＝1+1', '＠SUM(A1)', "Acme;=cmd|' /C calc'!A0;", '-dash', '']
    const source = await openExportDesk(t)
    const forms = tricky.map((notes, i) => ({ companyName: i % 2 === 0 ? `${tricky[i] ?? ''} Company ${i}` : `Company ${i}`, notes, x360: null, nexetic: null }))
    const originals = await createCustomers(source.api, forms)
    const { target, seen } = await exportAndPreviewOnAnotherDesk(t, source)
    assert.deepEqual(seen.errors, [])
    unwrap(await target.api.exports.importConfirm({ token: seen.token ?? '' }))
    const back = (customers: readonly { companyName: string; notes: string }[]) => customers.map((c) => [c.companyName, c.notes]).sort()
    assert.deepEqual(back(target.desk.store.data.customers), back(originals))
  })

  test('a password is taken exactly as written: a leading quote or formula sign stays', async (t) => {
    const desk = await openExportDesk(t)
    const passwords = ["'-Apostrophe123!", "'=Formula-Like-9", "''Two-Quotes-42"]
    const path = await writeCsv(desk, 'quotes.csv', [HEADER, ...passwords.map((password, i) => row(`Quote ${i} Oy`, `quote_${i}`, password))])
    desk.dialogs.openWith(path)
    const seen = await preview(desk.api)
    assert.deepEqual(seen.errors, [])
    const done = unwrap(await desk.api.exports.importConfirm({ token: seen.token ?? '' }))
    for (const [i, id] of done.customerIds.entries()) {
      assert.equal(await keytar.getPassword(desk.keychainService, accountFor(id)), passwords[i])
    }
  })

  test('a row shifted by an unquoted comma shows no part of its password in any message or preview field', async (t) => {
    const desk = await openExportDesk(t)
    const secret = 'Zq7#Vx9!Kp2$Wm4'
    // The password column before the others, as a hand-made file may have it; "Acme, Inc" is not quoted.
    const header = ['Customer Company Name', 'Customer Password', 'Customer Username', 'Customer Email Address', 'Locations', 'Notes']
    const lines = [header.join(','), `Acme, Inc,${secret},acme,it@acme.example,HQ,`, `Short Oy,,short,it@short.example,HQ`, `Good Oy,Good-Pass-2026!,good,it@good.example,HQ,`]
    const path = join(desk.folder, 'shifted.csv')
    await writeFile(path, `${lines.join('\r\n')}\r\n`)
    desk.dialogs.openWith(path)
    const seen = await preview(desk.api)

    assert.deepEqual(
      seen.errors.map((e) => [e.row, e.column]),
      [
        [2, ''],
        [3, ''],
      ],
    )
    assert.match(seen.errors[0]?.message ?? '', /7 cells but the header has 6 columns/)
    assert.deepEqual(
      seen.rows.map((r) => r.companyName),
      ['Good Oy'],
    )
    assert.equal(seen.token, null)
    const answer = Buffer.from(JSON.stringify(seen))
    for (let start = 0; start + 3 <= secret.length; start += 1) {
      const fragment = secret.slice(start, start + 3)
      for (const encoded of encodings(fragment)) assert.ok(!answer.includes(encoded), `the preview holds "${fragment}" of the password`)
    }
  })

  test('a valid file creates every row and puts its passwords in the keychain only', async (t) => {
    const desk = await openExportDesk(t)
    const path = await writeCsv(desk, 'new.csv', [
      HEADER,
      row('Alpha Oy', 'alpha', PASSWORDS[0] ?? ''),
      row('Beta Ab', 'beta', PASSWORDS[1] ?? '', { 'Extra Storage (GB)': '2 TB', Domain: 'Beta.Example.COM' }),
      row('Gamma Ltd', '', '', { 'Extra Storage (GB)': '' }),
    ])
    desk.dialogs.openWith(path)
    const seen = await preview(desk.api)
    assert.deepEqual(seen.errors, [])
    assert.deepEqual(
      seen.rows.map((r) => [r.row, r.companyName, r.username, r.withPassword, r.services.includes('nexetic')]),
      [
        [2, 'Alpha Oy', 'alpha', true, true],
        [3, 'Beta Ab', 'beta', true, true],
        [4, 'Gamma Ltd', null, false, true],
      ],
    )
    for (const password of PASSWORDS) assert.ok(!JSON.stringify(seen).includes(password), 'the preview never carries a password')
    await assertNothingWritten(desk)

    const done = unwrap(await desk.api.exports.importConfirm({ token: seen.token ?? '' }))
    assert.equal(done.created, 3)
    const [alpha, beta, gamma] = done.customerIds.map((id) => desk.desk.store.data.customers.find((customer) => customer.id === id))
    assert.equal(await keytar.getPassword(desk.keychainService, accountFor(alpha?.id ?? '')), PASSWORDS[0])
    assert.equal(await keytar.getPassword(desk.keychainService, accountFor(beta?.id ?? '')), PASSWORDS[1])
    assert.equal((await keytar.findCredentials(desk.keychainService)).length, 2)
    assert.ok(alpha?.x360?.passwordSetAt)
    assert.equal(beta?.nexetic?.extraStorageGb, 2048)
    assert.equal(beta?.nexetic?.domain, 'beta.example.com')
    assert.equal(gamma?.x360, null)
    assert.equal(gamma?.nexetic?.extraStorageGb, 0, 'an empty Extra Storage means none')
    const storeText = await readFile(join(desk.dataDir, 'customers.json'), 'utf8')
    for (const password of PASSWORDS) assert.ok(!storeText.includes(password), 'no password in the store file')
    const again = await desk.api.exports.importConfirm({ token: seen.token ?? '' })
    assert.ok(!again.ok && again.error.code === 'not-found', 'a token is used once')
  })

  test('one bad row: the preview names its row and column, and nothing can be written', async (t) => {
    const desk = await openExportDesk(t)
    const path = await writeCsv(desk, 'bad.csv', [
      HEADER,
      row('Alpha Oy', 'alpha', PASSWORDS[0] ?? ''),
      row('Beta Ab', 'beta', PASSWORDS[1] ?? '', { 'Customer Email Address': 'not-an-address' }),
      row('Gamma Ltd', 'gamma', 'short'),
    ])
    desk.dialogs.openWith(path)
    const seen = await preview(desk.api)
    assert.equal(seen.token, null, 'no token: a file with errors cannot be confirmed')
    assert.deepEqual(
      seen.errors.map((e) => [e.row, e.column]),
      [
        [3, 'Customer Email Address'],
        [4, 'Customer Password'],
      ],
    )
    assert.match(seen.errors[0]?.message ?? '', /"not-an-address" is not a valid e-mail address/)
    assert.match(seen.errors[1]?.message ?? '', /at least 12 characters/)
    assert.ok(!JSON.stringify(seen).includes('short'), 'the password is not echoed')
    assert.deepEqual(seen.rows.map((r) => r.row), [2])
    await assertNothingWritten(desk)
  })

  test('usernames must be unique on the desk and in the file; repeated company names need a confirmation', async (t) => {
    const desk = await openExportDesk(t)
    await createCustomers(desk.api, sampleForms())
    const path = await writeCsv(desk, 'dupes.csv', [
      HEADER,
      row('Delta Oy', 'CONTOSO_01', ''),
      row('Epsilon Oy', 'epsilon', ''),
      row('Zeta Oy', 'Epsilon', ''),
    ])
    desk.dialogs.openWith(path)
    const seen = await preview(desk.api)
    assert.deepEqual(seen.errors, [
      { row: 2, column: 'Customer Username', message: 'The Customer Username "CONTOSO_01" is already used by Contoso Ltd.' },
      { row: 4, column: 'Customer Username', message: 'The Customer Username "Epsilon" is also on row 3.' },
    ])

    const companies = await writeCsv(desk, 'companies.csv', [HEADER, row(' contoso  LTD', 'delta', ''), row('Eta Oy', 'eta', ''), row('ETA oy', 'eta_2', '')])
    desk.dialogs.openWith(companies)
    const twins = await preview(desk.api)
    assert.deepEqual(twins.errors, [])
    assert.deepEqual(twins.duplicateCompanies, [
      { row: 2, column: 'Customer Company Name', message: '"Contoso Ltd" already exists on this desk.' },
      { row: 4, column: 'Customer Company Name', message: '"ETA oy" is also on row 3.' },
    ])
    const unconfirmed = await desk.api.exports.importConfirm({ token: twins.token ?? '' })
    assert.ok(!unconfirmed.ok)
    assert.equal(unconfirmed.error.code, 'needs-confirmation')
    assert.equal(desk.desk.store.data.customers.length, 3, 'nothing written without the confirmation')
    assert.equal(unwrap(await desk.api.exports.importConfirm({ token: twins.token ?? '', confirmDuplicateCompanies: true })).created, 3)
    assert.equal(desk.desk.store.data.customers.length, 6)
  })

  test('confirm checks again: a file changed after the preview, or a desk that changed, writes nothing', async (t) => {
    const desk = await openExportDesk(t)
    const path = await writeCsv(desk, 'later.csv', [HEADER, row('Alpha Oy', 'alpha', PASSWORDS[0] ?? ''), row('Beta Ab', 'beta', PASSWORDS[1] ?? '')])
    desk.dialogs.openWith(path)
    const first = await preview(desk.api)
    await writeCsv(desk, 'later.csv', [HEADER, row('Alpha Oy', 'alpha', PASSWORDS[0] ?? ''), row('Beta Ab', 'beta', 'changed-but-weak')])
    const changed = await desk.api.exports.importConfirm({ token: first.token ?? '' })
    assert.ok(!changed.ok)
    assert.equal(changed.error.code, 'conflict')
    assert.match(changed.error.message, /changed after the preview/)
    await assertNothingWritten(desk)

    await writeCsv(desk, 'later.csv', [HEADER, row('Alpha Oy', 'alpha', PASSWORDS[0] ?? ''), row('Beta Ab', 'beta', PASSWORDS[1] ?? '')])
    const second = await preview(desk.api)
    await createCustomers(desk.api, [{ companyName: 'Other', notes: '', x360: { username: 'BETA', email: 'b@example.com', locations: 'HQ', password: PASSWORDS[2] ?? '', confirmPassword: PASSWORDS[2] ?? '' }, nexetic: null }])
    const stale = await desk.api.exports.importConfirm({ token: second.token ?? '' })
    assert.ok(!stale.ok)
    assert.equal(stale.error.code, 'invalid')
    assert.deepEqual(desk.desk.store.data.customers.map((customer) => customer.companyName), ['Other'])
    assert.equal((await keytar.findCredentials(desk.keychainService)).length, 1, 'only the customer made by hand has a password')
  })

  test('when the store cannot be written, the passwords already put in the keychain are taken out again', async (t) => {
    const desk = await openExportDesk(t)
    const path = await writeCsv(desk, 'ok.csv', [HEADER, row('Alpha Oy', 'alpha', PASSWORDS[0] ?? ''), row('Beta Ab', 'beta', PASSWORDS[1] ?? '')])
    desk.dialogs.openWith(path)
    const seen = await preview(desk.api)
    // A real failure: a folder where the store file must be renamed to (even root cannot rename over it).
    const storeFile = join(desk.dataDir, 'customers.json')
    await rm(storeFile, { force: true })
    await mkdir(join(storeFile, 'blocker'), { recursive: true })
    const failed = await desk.api.exports.importConfirm({ token: seen.token ?? '' })
    assert.ok(!failed.ok)
    assert.match(failed.error.message, /could not be saved/)
    assert.deepEqual(await keytar.findCredentials(desk.keychainService), [])
  })

  test('the file itself: header problems, semicolons, guarded cells, bad encoding and broken quoting', async (t) => {
    const desk = await openExportDesk(t)
    desk.dialogs.openWith(await writeCsv(desk, 'header.csv', [['Company', 'Customer Username', 'Customer Username'], ['A', 'a', 'b']]))
    const header = await preview(desk.api)
    assert.deepEqual(
      header.errors.map((e) => [e.row, e.column]),
      [
        [1, 'Company'],
        [1, 'Customer Username'],
        [1, 'Customer Company Name'],
      ],
    )

    desk.dialogs.openWith(await writeCsv(desk, 'semi.csv', [HEADER, row("'=SUM(A1)", 'sigma', '', { Notes: "'-not a formula" })], ';'))
    const semi = await preview(desk.api)
    assert.deepEqual(semi.errors, [])
    unwrap(await desk.api.exports.importConfirm({ token: semi.token ?? '', confirmDuplicateCompanies: false }))
    assert.equal(desk.desk.store.data.customers[0]?.companyName, '=SUM(A1)')
    assert.equal(desk.desk.store.data.customers[0]?.notes, '-not a formula')

    const latin1 = join(desk.folder, 'latin1.csv')
    await writeFile(latin1, Buffer.from('Customer Company Name\nM\xfcller GmbH\n', 'latin1'))
    desk.dialogs.openWith(latin1)
    const encoding = await desk.api.exports.importPreview({})
    assert.ok(!encoding.ok)
    assert.match(encoding.error.message, /not UTF-8 text/)

    const broken = join(desk.folder, 'broken.csv')
    await writeFile(broken, `${HEADER.join(',')}\nAlpha,alpha,a@example.com,HQ,"${PASSWORDS[0]},,,,,,,\n`)
    desk.dialogs.openWith(broken)
    const quoting = await desk.api.exports.importPreview({})
    assert.ok(!quoting.ok)
    assert.match(quoting.error.message, /could not be read as CSV/)
    assert.ok(!quoting.error.message.includes(PASSWORDS[0] ?? ''), 'the parser’s message, which quotes the cell, is not passed on')

    desk.dialogs.openWith(null)
    assert.deepEqual(unwrap(await desk.api.exports.importPreview({})), { kind: 'cancelled' })
    desk.dialogs.openWith(join(desk.folder, 'gone.csv'))
    const gone = await desk.api.exports.importPreview({})
    assert.ok(!gone.ok && gone.error.code === 'not-found')
  })
})
