import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import type { ColumnMapping } from '../../main/common/contract'
import { IMPORT_PRESETS, presetFor } from '../../main/services/exports/import-mapping/presets'
import { SAVED_MAPPINGS_FILE_NAME } from '../../main/services/exports/import-mapping/saved-mappings'
import { IMPORTED_PASSWORDS, openImportDesk } from '../helpers/import-files'
import { unwrap } from '../helpers/export-fixtures'

/** Each tool's export as it writes it (real header, in its order), with two entries: company, username, password, notes, and a TOTP secret. */
const [PASSWORD_A = '', PASSWORD_B = ''] = IMPORTED_PASSWORDS
const TOTP = 'JBSWY3DPEHPK3PXP'
const SHAPES: { preset: string; header: string[]; rows: Record<string, string>[] }[] = [
  {
    preset: 'ITFlow credentials',
    header: ['Name', 'Description', 'Username', 'Password', 'TOTP', 'URI'],
    rows: [
      { Name: 'Alpha Oy', Description: 'Vault login', Username: 'alpha_01', Password: PASSWORD_A, TOTP, URI: 'https://backup.example' },
      { Name: 'Beta Ab', Description: '', Username: 'beta_02', Password: PASSWORD_B, TOTP: '', URI: '' },
    ],
  },
  {
    preset: 'KeePassXC',
    header: ['Group', 'Title', 'Username', 'Password', 'URL', 'Notes', 'TOTP', 'Icon', 'Last Modified', 'Created'],
    rows: [
      { Group: 'Root/Customers', Title: 'Alpha Oy', Username: 'alpha_01', Password: PASSWORD_A, URL: '', Notes: 'Vault login', TOTP: `otpauth://totp/x?secret=${TOTP}`, Icon: '0', 'Last Modified': '2026-11-01T10:00:00Z', Created: '2026-01-01T10:00:00Z' },
      { Group: 'Root/Customers', Title: 'Beta Ab', Username: 'beta_02', Password: PASSWORD_B, URL: '', Notes: '', TOTP: '', Icon: '0', 'Last Modified': '', Created: '' },
    ],
  },
  {
    preset: 'Bitwarden',
    header: ['folder', 'favorite', 'type', 'name', 'notes', 'fields', 'reprompt', 'login_uri', 'login_username', 'login_password', 'login_totp'],
    rows: [
      { folder: 'Customers', favorite: '', type: 'login', name: 'Alpha Oy', notes: 'Vault login', fields: `pin: ${TOTP}`, reprompt: '0', login_uri: '', login_username: 'alpha_01', login_password: PASSWORD_A, login_totp: TOTP },
      { folder: 'Customers', favorite: '1', type: 'login', name: 'Beta Ab', notes: '', fields: '', reprompt: '0', login_uri: '', login_username: 'beta_02', login_password: PASSWORD_B, login_totp: '' },
    ],
  },
  {
    // An organization vault's export: collections instead of folder, no favorite (Bitwarden's org-vault-export.service).
    preset: 'Bitwarden organization',
    header: ['collections', 'type', 'name', 'notes', 'fields', 'reprompt', 'login_uri', 'login_username', 'login_password', 'login_totp'],
    rows: [
      { collections: 'Customers', type: 'login', name: 'Alpha Oy', notes: 'Vault login', fields: `pin: ${TOTP}`, reprompt: '0', login_uri: '', login_username: 'alpha_01', login_password: PASSWORD_A, login_totp: TOTP },
      { collections: 'Customers,Backups', type: 'login', name: 'Beta Ab', notes: '', fields: '', reprompt: '0', login_uri: '', login_username: 'beta_02', login_password: PASSWORD_B, login_totp: '' },
    ],
  },
  {
    // The columns of IT Glue's account export, passwords.csv.
    preset: 'IT Glue passwords',
    header: ['id', 'organization', 'name', 'password_category', 'resource_type', 'resource_id', 'username', 'password', 'one_time_password', 'archived', 'url', 'notes'],
    rows: [
      { id: '101', organization: 'Alpha Oy', name: 'x360Recover Vault', password_category: 'Vendor', username: 'alpha_01', password: PASSWORD_A, one_time_password: 'true', archived: 'false', notes: 'Vault login' },
      { id: '102', organization: 'Beta Ab', name: 'x360Recover Vault', password_category: 'Vendor', username: 'beta_02', password: PASSWORD_B, one_time_password: 'false', archived: 'false' },
    ],
  },
]

const withDefaults = (mapping: ColumnMapping): ColumnMapping => ({
  ...mapping,
  defaults: [
    { field: 'x360.email', value: 'backup@msp.example' },
    { field: 'x360.locations', value: 'HQ' },
  ],
})

describe('import presets', () => {
  test('every preset is recognised by its own headers and by no other preset', () => {
    for (const shape of SHAPES) assert.equal(presetFor(shape.header)?.name, shape.preset)
    assert.deepEqual(IMPORT_PRESETS.map((preset) => preset.name).sort(), SHAPES.map((shape) => shape.preset).sort())
    assert.equal(presetFor(['Title', 'Username', 'Password']), null)
    assert.equal(presetFor(['Group', 'Title', 'Username', 'Password', 'URL', 'Notes'])?.name, 'KeePassXC', "an older KeePassXC without TOTP, Icon and dates")
  })

  for (const shape of SHAPES) {
    test(`${shape.preset}: the export maps by itself; its rows lack an e-mail and locations until the mapping gives every row one`, async (t) => {
      const desk = await openImportDesk(t)
      await desk.offerFile(`${shape.preset}.csv`, [shape.header, ...shape.rows.map((row) => shape.header.map((header) => row[header] ?? ''))])
      const first = await desk.preview()
      assert.deepEqual(first.columns.source, { kind: 'preset', name: shape.preset })
      assert.equal(first.token, null)
      assert.deepEqual(
        first.errors.map((problem) => [problem.row, problem.column, problem.message]),
        [2, 3].flatMap((row) => [
          [row, 'Customer Email Address', 'Enter the Customer Email Address.'],
          [row, 'Locations', 'Enter at least one location.'],
        ]),
      )
      const mapped = unwrap(await desk.api.exports.importRemap({ fileToken: first.columns.fileToken, mapping: withDefaults(first.columns.mapping) }))
      assert.deepEqual(mapped.errors, [])
      assert.ok(mapped.token)
      assert.ok(!JSON.stringify([first, mapped]).includes(PASSWORD_A) && !JSON.stringify([first, mapped]).includes(TOTP), 'no secret in a preview')
      assert.equal(unwrap(await desk.api.exports.importConfirm({ token: mapped.token })).created, 2)

      const customers = desk.desk.store.data.customers
      const alpha = customers.find((customer) => customer.companyName === 'Alpha Oy')
      assert.equal(alpha?.x360?.username, 'alpha_01')
      assert.equal(alpha?.x360?.email, 'backup@msp.example')
      assert.equal(alpha?.notes, 'Vault login')
      assert.equal(await desk.desk.vault.readCustomerPassword(alpha?.id ?? ''), PASSWORD_A)
      const beta = customers.find((customer) => customer.companyName === 'Beta Ab')
      assert.equal(await desk.desk.vault.readCustomerPassword(beta?.id ?? ''), PASSWORD_B)
      const stored = await readFile(join(desk.dataDir, 'customers.json'), 'utf8')
      assert.ok(!stored.includes(PASSWORD_A) && !stored.includes(TOTP), 'passwords and TOTP secrets stay out of the customer file')
    })
  }
})

/** A secret a row that is no login holds (a secure note's text, a card's number): never in a preview. */
const NOTE_SECRET = 'wifi-key-9931-never-shown'
const BITWARDEN_NOT_LOGINS = 'Bitwarden secure notes and cards are not logins'

/** The preset's two logins (rows 2 and 4 of the file) around two rows that are no logins (3 and 5). */
function aroundLogins(preset: string, [third, fifth]: [Record<string, string>, Record<string, string>]): Record<string, string>[] {
  const [alpha = {}, beta = {}] = SHAPES.find((shape) => shape.preset === preset)?.rows ?? []
  return [alpha, third, beta, fifth]
}

/** Each tool's export with rows that are no logins, as the tool writes them. */
const WITH_OTHER_ROWS: { preset: string; reason: string; rows: Record<string, string>[] }[] = [
  {
    preset: 'Bitwarden',
    reason: BITWARDEN_NOT_LOGINS,
    rows: aroundLogins('Bitwarden', [
      { folder: 'Office', favorite: '', type: 'note', name: 'Office wifi', notes: NOTE_SECRET, reprompt: '0' },
      { folder: '', favorite: '', type: 'card', name: 'Company Visa', notes: '', fields: `cvv: ${NOTE_SECRET}`, reprompt: '1' },
    ]),
  },
  {
    preset: 'Bitwarden organization',
    reason: BITWARDEN_NOT_LOGINS,
    rows: aroundLogins('Bitwarden organization', [
      { collections: 'Office', type: 'note', name: 'Office wifi', notes: NOTE_SECRET, reprompt: '0' },
      { collections: '', type: 'card', name: 'Company Visa', fields: `cvv: ${NOTE_SECRET}`, reprompt: '0' },
    ]),
  },
  {
    // Deleted entries stay in the Recycle Bin, a child of the root, and its subgroups; each would otherwise be a customer of its own.
    preset: 'KeePassXC',
    reason: "entries in KeePassXC's Recycle Bin were deleted",
    rows: aroundLogins('KeePassXC', [
      { Group: 'Root/Recycle Bin', Title: 'Gamma Gmbh', Username: 'gamma_03', Password: PASSWORD_A, Notes: NOTE_SECRET, Icon: '0' },
      { Group: 'Root/Recycle Bin/Old customers', Title: 'Delta AS', Username: 'delta_04', Password: PASSWORD_B, Icon: '0' },
    ]),
  },
  {
    // An archived password of a customer whose current one is also in the file: the same username would otherwise repeat.
    preset: 'IT Glue passwords',
    reason: 'passwords archived in IT Glue are no longer in use',
    rows: aroundLogins('IT Glue passwords', [
      { id: '99', organization: 'Alpha Oy', name: 'x360Recover Vault (old)', password_category: 'Vendor', username: 'alpha_01', password: PASSWORD_B, archived: 'true', notes: NOTE_SECRET },
      { id: '98', organization: 'Gamma Gmbh', name: 'Old portal', password_category: 'Vendor', username: '', password: PASSWORD_A, archived: 'TRUE' },
    ]),
  },
]

describe('import presets: rows that are no logins', () => {
  for (const shape of WITH_OTHER_ROWS) {
    const header = SHAPES.find((known) => known.preset === shape.preset)?.header ?? []
    const records = [header, ...shape.rows.map((row) => header.map((column) => row[column] ?? ''))]

    test(`${shape.preset}: the rows that are no logins are left out of the preview and the import, and the preview says why`, async (t) => {
      const desk = await openImportDesk(t)
      await desk.offerFile(`${shape.preset}.csv`, records)
      const first = await desk.preview()
      assert.equal(first.columns.preset, shape.preset)
      assert.deepEqual(first.leftOut, [{ reason: shape.reason, rows: [3, 5] }])
      assert.deepEqual([...new Set(first.errors.map((problem) => problem.row))], [2, 4], 'only the logins are checked')

      // Edited by hand (the notes column left out too), the mapping keeps its preset's rule.
      const edited: ColumnMapping = { ...withDefaults(first.columns.mapping), columns: first.columns.mapping.columns.map((column) => (column.field === 'notes' ? { ...column, field: null } : column)) }
      const mapped = unwrap(await desk.api.exports.importRemap({ fileToken: first.columns.fileToken, mapping: edited, preset: first.columns.preset ?? undefined }))
      assert.deepEqual(mapped.errors, [])
      assert.deepEqual(mapped.leftOut, [{ reason: shape.reason, rows: [3, 5] }])
      assert.deepEqual(mapped.rows.map((row) => [row.row, row.companyName]), [[2, 'Alpha Oy'], [4, 'Beta Ab']])
      const payload = JSON.stringify([first, mapped])
      for (const secret of [PASSWORD_A, PASSWORD_B, NOTE_SECRET, TOTP]) assert.ok(!payload.includes(secret), 'nothing of a left-out row or a password in a preview')
      assert.ok(mapped.token)

      // Confirm reads the file again and leaves out the same rows.
      assert.equal(unwrap(await desk.api.exports.importConfirm({ token: mapped.token })).created, 2)
      assert.deepEqual(desk.desk.store.data.customers.map((customer) => customer.companyName).sort(), ['Alpha Oy', 'Beta Ab'])
      const alpha = desk.desk.store.data.customers.find((customer) => customer.companyName === 'Alpha Oy')
      assert.equal(await desk.desk.vault.readCustomerPassword(alpha?.id ?? ''), PASSWORD_A)
    })
  }

  test('without its preset the mapping checks every row, and a preset that does not fit the file is refused', async (t) => {
    const desk = await openImportDesk(t)
    const [bitwarden] = WITH_OTHER_ROWS
    const header = SHAPES.find((shape) => shape.preset === 'Bitwarden')?.header ?? []
    await desk.offerFile('bitwarden.csv', [header, ...(bitwarden?.rows ?? []).map((row) => header.map((column) => row[column] ?? ''))])
    const first = await desk.preview()
    const unruled = unwrap(await desk.api.exports.importRemap({ fileToken: first.columns.fileToken, mapping: withDefaults(first.columns.mapping) }))
    assert.deepEqual(unruled.leftOut, [])
    assert.deepEqual(
      unruled.rows.map((row) => [row.row, row.companyName, row.username]),
      [
        [2, 'Alpha Oy', 'alpha_01'],
        [3, 'Office wifi', null],
        [4, 'Beta Ab', 'beta_02'],
        [5, 'Company Visa', null],
      ],
      'the note and the card would be customers without an account',
    )
    assert.ok(!JSON.stringify(unruled).includes(NOTE_SECRET))

    const refused = await desk.api.exports.importRemap({ fileToken: first.columns.fileToken, mapping: withDefaults(first.columns.mapping), preset: 'KeePassXC' })
    assert.ok(!refused.ok && refused.error.code === 'invalid', 'a KeePassXC rule for a Bitwarden file')
    assert.equal(refused.error.message, 'The columns of this file are not those of a KeePassXC export. Map the columns of this file again.')
  })

  test("a mapping saved from a preset keeps its row rule: the next file of that tool is previewed with the same rows left out", async (t) => {
    const desk = await openImportDesk(t)
    const keepass = WITH_OTHER_ROWS.find((shape) => shape.preset === 'KeePassXC')
    const header = SHAPES.find((shape) => shape.preset === 'KeePassXC')?.header ?? []
    const records = [header, ...(keepass?.rows ?? []).map((row) => header.map((column) => row[column] ?? ''))]
    await desk.offerFile('keepass.csv', records)
    const first = await desk.preview()
    unwrap(await desk.api.exports.importSaveMapping({ fileToken: first.columns.fileToken, name: 'KeePassXC customers', mapping: withDefaults(first.columns.mapping), preset: first.columns.preset ?? undefined }))
    const saved = await readFile(join(desk.dataDir, SAVED_MAPPINGS_FILE_NAME), 'utf8')
    assert.ok(!saved.includes(NOTE_SECRET) && !saved.includes('Gamma Gmbh'), 'no cell of the file')

    await desk.offerFile('keepass-again.csv', records)
    const again = await desk.preview()
    assert.deepEqual([again.columns.source, again.columns.preset], [{ kind: 'saved', name: 'KeePassXC customers' }, 'KeePassXC'])
    assert.deepEqual(again.leftOut, [{ reason: keepass?.reason, rows: [3, 5] }])
    assert.equal(unwrap(await desk.api.exports.importConfirm({ token: again.token ?? '' })).created, 2)
  })

  test("a file whose every row is left out previews nothing to import, and says why", async (t) => {
    const desk = await openImportDesk(t)
    const header = SHAPES.find((shape) => shape.preset === 'Bitwarden organization')?.header ?? []
    await desk.offerFile('notes.csv', [header, header.map((column) => ({ type: 'note', name: 'Office wifi', notes: NOTE_SECRET })[column] ?? '')])
    const first = await desk.preview()
    assert.deepEqual([first.rows, first.errors, first.token], [[], [], null])
    assert.deepEqual(first.leftOut, [{ reason: BITWARDEN_NOT_LOGINS, rows: [2] }])
  })
})
