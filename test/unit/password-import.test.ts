import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import keytar from 'keytar'
import type { ColumnMapping, PasswordImportPreview } from '../../main/common/contract'
import { emptyCustomerForm } from '../../main/common/customer-form'
import { accountFor } from '../../main/services/credential-vault'
import { currentPasswordToken } from '../../main/services/password-staging'
import { SAVED_MAPPINGS_FILE_NAME } from '../../main/services/exports/import-mapping/saved-mappings'
import { IMPORTED_PASSWORDS, openImportDesk, type ImportDesk } from '../helpers/import-files'
import { encodings, filesUnder, readable } from '../helpers/secret-search'
import { createCustomers, PASSWORDS, sampleForms, unwrap } from '../helpers/export-fixtures'

const [NEW_A = '', NEW_B = '', NEW_C = '', NEW_D = ''] = IMPORTED_PASSWORDS
const HEADER = ['Title', 'Username', 'Password', 'TOTP']
const MAPPING: ColumnMapping = {
  columns: [
    { header: 'Title', field: 'companyName' },
    { header: 'Username', field: 'x360.username' },
    { header: 'Password', field: 'x360.password' },
    { header: 'TOTP', field: null },
  ],
  defaults: [],
}

/** Contoso (x360 + Nexetic), the formula-named Fabrikam (x360), Northwind (Nexetic only), and a second "Contoso Ltd" with an account. */
async function seeded(desk: ImportDesk) {
  const [contoso, fabrikam, northwind] = await createCustomers(desk.api, sampleForms())
  const password = PASSWORDS[2] ?? ''
  const [twin] = await createCustomers(desk.api, [
    { ...emptyCustomerForm(), companyName: 'contoso ltd', x360: { username: 'contoso_02', email: 'it2@contoso.com', locations: 'HQ', password, confirmPassword: password } },
  ])
  if (!contoso || !fabrikam || !northwind || !twin) throw new Error('not created')
  return { contoso, fabrikam, northwind, twin }
}

async function passwordPreview(desk: ImportDesk, rows: string[][], matchBy: 'username' | 'company', mapping = MAPPING): Promise<PasswordImportPreview> {
  await desk.offerFile('passwords.csv', [HEADER, ...rows])
  const { columns } = await desk.preview()
  return unwrap(await desk.api.exports.passwordImportPreview({ fileToken: columns.fileToken, mapping, matchBy }))
}

const summary = (rows: PasswordImportPreview['matched']) => rows.map((row) => [row.row, row.key, row.companyName])

describe('password import for customers on the desk', () => {
  test('rows match by x360Recover username: matched, unmatched and ambiguous are previewed, and only the keychain gets the passwords', async (t) => {
    const desk = await openImportDesk(t)
    const { contoso, fabrikam, twin } = await seeded(desk)
    const seen = await passwordPreview(
      desk,
      [
        ['Contoso', 'CONTOSO_01', NEW_A, 'JBSWY3DPEHPK3PXP'],
        ['Fabrikam', 'fabrikam', NEW_B, ''],
        ['Somebody', 'nobody_here', NEW_C, ''],
        ['Twin', 'contoso_02', NEW_C, ''],
        ['Twin again', 'contoso_02', NEW_D, ''],
        ['Empty', 'fabrikam_x', '', ''],
      ],
      'username',
    )
    assert.deepEqual(summary(seen.matched), [
      [2, 'CONTOSO_01', 'Contoso Ltd'],
      [3, 'fabrikam', fabrikam.companyName],
    ])
    assert.deepEqual(summary(seen.unmatched), [
      [4, 'nobody_here', null],
      [7, 'fabrikam_x', null],
    ])
    assert.deepEqual(
      seen.ambiguous.map((row) => [row.row, row.reason]),
      [
        [5, 'Rows 5, 6 all match this customer: keep one of them in the file.'],
        [6, 'Rows 5, 6 all match this customer: keep one of them in the file.'],
      ],
    )
    assert.deepEqual(seen.errors, [])
    assert.ok(seen.token)
    const payload = JSON.stringify(seen)
    for (const secret of [NEW_A, NEW_B, NEW_C, NEW_D, 'JBSWY3DPEHPK3PXP']) assert.ok(!payload.includes(secret), 'no password in the preview')
    const keys = [...seen.matched, ...seen.unmatched, ...seen.ambiguous].map((row) => Object.keys(row).sort().join())
    assert.deepEqual(new Set(keys), new Set(['companyName,customerId,key,reason,row']), 'each row says who it matched, and nothing of the password, not even its length')
    assert.equal(await desk.desk.vault.readCustomerPassword(contoso.id), PASSWORDS[0], 'the preview writes nothing')

    const done = unwrap(await desk.api.exports.passwordImportConfirm({ token: seen.token }))
    assert.deepEqual(done, { changed: 2, unchanged: 0 })
    assert.equal(await keytar.getPassword(desk.keychainService, accountFor(contoso.id)), NEW_A)
    assert.equal(await desk.desk.vault.readCustomerPassword(fabrikam.id), NEW_B)
    assert.equal(await desk.desk.vault.readCustomerPassword(twin.id), PASSWORDS[2], 'an ambiguous row changes nothing')
    assert.deepEqual(desk.accessed, [
      { action: 'password-import', customerId: contoso.id },
      { action: 'password-import', customerId: fabrikam.id },
    ])

    // The staged path: nothing left staged, and the store names the new entry as the current password.
    assert.deepEqual(await desk.desk.vault.listStagedPasswords(), [])
    const stored = desk.desk.store.data.customers.find((customer) => customer.id === contoso.id)
    const last = stored?.history.at(-1)
    assert.equal(last?.field, 'x360.password')
    assert.equal(last?.reason, 'Imported from passwords.csv')
    assert.equal(currentPasswordToken(stored), last?.id)
    for (const file of await filesUnder(desk.dataDir)) {
      for (const bytes of await readable(file)) {
        for (const secret of [NEW_A, NEW_B]) assert.ok(!encodings(secret).some((encoded) => bytes.includes(encoded)), `${file} holds no imported password`)
      }
    }
  })

  test('a password the keychain already has is left alone: no history entry, no access event', async (t) => {
    const desk = await openImportDesk(t)
    const { contoso } = await seeded(desk)
    const before = desk.desk.store.data.customers.find((customer) => customer.id === contoso.id)?.history.length
    const seen = await passwordPreview(desk, [['Contoso', 'contoso_01', PASSWORDS[0] ?? '', '']], 'username')
    assert.deepEqual(unwrap(await desk.api.exports.passwordImportConfirm({ token: seen.token ?? '' })), { changed: 0, unchanged: 1 })
    assert.equal(desk.desk.store.data.customers.find((customer) => customer.id === contoso.id)?.history.length, before)
    assert.deepEqual(desk.accessed, [])
  })

  test('by company name, through the one uniqueness rule: two customers of one name are ambiguous, one without an account unmatched', async (t) => {
    const desk = await openImportDesk(t)
    const { fabrikam } = await seeded(desk)
    const seen = await passwordPreview(
      desk,
      [
        ['CONTOSO LTD', 'whatever', NEW_A, ''],
        [fabrikam.companyName, '', NEW_B, ''],
        ['Northwind Traders', '', NEW_C, ''],
      ],
      'company',
    )
    assert.deepEqual(summary(seen.matched), [[3, fabrikam.companyName, fabrikam.companyName]])
    assert.deepEqual(seen.ambiguous.map((row) => [row.row, row.reason]), [[2, '2 customers on the desk have this company name: match by Customer Username instead.']])
    assert.deepEqual(seen.unmatched.map((row) => [row.row, row.reason]), [[4, 'Northwind Traders has no x360Recover account.']])
    assert.equal(unwrap(await desk.api.exports.passwordImportConfirm({ token: seen.token ?? '' })).changed, 1)
    assert.equal(await desk.desk.vault.readCustomerPassword(fabrikam.id), NEW_B)
  })

  test("a matched row's weak password blocks the whole import, and the message says nothing of it", async (t) => {
    const desk = await openImportDesk(t)
    const { contoso, fabrikam } = await seeded(desk)
    const weak = 'short1!'
    const seen = await passwordPreview(
      desk,
      [
        ['Contoso', 'contoso_01', NEW_A, ''],
        ['Fabrikam', 'fabrikam', weak, ''],
      ],
      'username',
    )
    assert.equal(seen.token, null)
    assert.deepEqual(
      seen.errors.map((problem) => [problem.row, problem.column]),
      [[3, 'Password']],
    )
    const message = seen.errors[0]?.message ?? ''
    assert.ok(!message.includes(weak) && !message.includes(String(weak.length)) && !/upper|lower|digit/i.test(message.split('(')[0] ?? ''), message)
    assert.equal(await desk.desk.vault.readCustomerPassword(contoso.id), PASSWORDS[0])
    assert.equal(await desk.desk.vault.readCustomerPassword(fabrikam.id), PASSWORDS[1])
  })

  test('no key or password column mapped is a problem at the field; a desk changed since the preview changes nothing', async (t) => {
    const desk = await openImportDesk(t)
    const { contoso } = await seeded(desk)
    const noPassword = await passwordPreview(desk, [['Contoso', 'contoso_01', NEW_A, '']], 'username', {
      ...MAPPING,
      columns: MAPPING.columns.map((column) => (column.field === 'x360.password' ? { ...column, field: null } : column)),
    })
    assert.deepEqual(noPassword.errors, [{ row: 1, column: 'Customer Password', message: 'No column is mapped to "Customer Password".' }])

    const seen = await passwordPreview(desk, [['Contoso', 'contoso_01', NEW_A, '']], 'username')
    unwrap(await desk.api.customers.delete({ id: contoso.id }))
    const refused = await desk.api.exports.passwordImportConfirm({ token: seen.token ?? '' })
    assert.ok(!refused.ok && refused.error.code === 'conflict')
    assert.ok(!refused.error.message.includes(NEW_A))
    assert.deepEqual(await desk.desk.vault.listStagedPasswords(), [])
  })

  test('a saved mapping for passwords holds no password', async (t) => {
    const desk = await openImportDesk(t)
    await seeded(desk)
    await desk.offerFile('passwords.csv', [HEADER, ['Contoso', 'contoso_01', NEW_A, 'JBSWY3DPEHPK3PXP']])
    const { columns } = await desk.preview()
    unwrap(await desk.api.exports.importSaveMapping({ fileToken: columns.fileToken, name: 'KeePass passwords', mapping: MAPPING }))
    const text = await readFile(join(desk.dataDir, SAVED_MAPPINGS_FILE_NAME), 'utf8')
    assert.ok(!text.includes(NEW_A) && !text.includes('JBSWY3DPEHPK3PXP'))
  })
})

describe('password import: rows a preset leaves out', () => {
  const ORG_HEADER = ['collections', 'type', 'name', 'notes', 'fields', 'reprompt', 'login_uri', 'login_username', 'login_password', 'login_totp']
  const NOTE_SECRET = 'wifi-key-9931-never-shown'

  test("a Bitwarden organization export's secure note and card are neither matched nor set, and the preview says so", async (t) => {
    const desk = await openImportDesk(t)
    const { contoso, fabrikam } = await seeded(desk)
    await desk.offerFile('org.csv', [
      ORG_HEADER,
      ['Customers', 'login', 'Contoso', '', '', '0', '', 'contoso_01', NEW_A, ''],
      // A note whose name is a customer's username: without the rule it would be a row without a password, or worse, matched.
      ['Customers', 'note', 'Fabrikam wifi', NOTE_SECRET, '', '0', '', '', '', ''],
      ['Customers', 'card', 'Fabrikam card', '', `cvv: ${NOTE_SECRET}`, '0', '', 'fabrikam', NEW_B, ''],
    ])
    const { columns } = await desk.preview()
    assert.deepEqual(columns.source, { kind: 'preset', name: 'Bitwarden organization' })
    const seen = unwrap(await desk.api.exports.passwordImportPreview({ fileToken: columns.fileToken, mapping: columns.mapping, matchBy: 'username', preset: columns.preset ?? undefined }))
    assert.deepEqual(summary(seen.matched), [[2, 'contoso_01', 'Contoso Ltd']])
    assert.deepEqual([seen.unmatched, seen.ambiguous, seen.errors], [[], [], []])
    assert.deepEqual(seen.leftOut, [{ reason: 'Bitwarden secure notes and cards are not logins', rows: [3, 4] }])
    const payload = JSON.stringify(seen)
    for (const secret of [NEW_A, NEW_B, NOTE_SECRET]) assert.ok(!payload.includes(secret), 'no password or note in the preview')

    assert.deepEqual(unwrap(await desk.api.exports.passwordImportConfirm({ token: seen.token ?? '' })), { changed: 1, unchanged: 0 })
    assert.equal(await desk.desk.vault.readCustomerPassword(contoso.id), NEW_A)
    assert.equal(await desk.desk.vault.readCustomerPassword(fabrikam.id), PASSWORDS[1], "the card's login is not set")
  })
})
