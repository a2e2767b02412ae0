import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import type { ColumnMapping } from '../../main/common/contract'
import { IMPORT_PRESETS, presetFor } from '../../main/services/exports/import-mapping/presets'
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
