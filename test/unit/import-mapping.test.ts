import assert from 'node:assert/strict'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import type { ColumnMapping, ImportPreview } from '../../main/common/contract'
import { dispatch } from '../../main/ipc/handler-table'
import { deskMapping, headerSignature, resolveColumns } from '../../main/services/exports/import-mapping/column-mapping'
import { SAVED_MAPPINGS_FILE_NAME } from '../../main/services/exports/import-mapping/saved-mappings'
import { LIST_COLUMNS } from '../../main/services/exports/list-columns'
import { IMPORTED_PASSWORDS, openImportDesk } from '../helpers/import-files'
import { createCustomers, sampleForms, unwrap } from '../helpers/export-fixtures'

/** A CRM's own export: headers the desk does not know, and a secret column that must be left out. */
const FOREIGN = ['Client', 'Login', 'Mail', 'Secret', 'Api Token', 'Remarks']
const foreignRows = (): string[][] => [
  FOREIGN,
  ['Alpha Oy', 'alpha_01', 'it@alpha.example', IMPORTED_PASSWORDS[0] ?? '', 'tok-alpha-0001', 'first'],
  ['Beta Ab', 'beta_02', 'it@beta.example', IMPORTED_PASSWORDS[1] ?? '', 'tok-beta-0002', ''],
]
const FOREIGN_MAPPING: ColumnMapping = {
  columns: [
    { header: 'Client', field: 'companyName' },
    { header: 'Login', field: 'x360.username' },
    { header: 'Mail', field: 'x360.email' },
    { header: 'Secret', field: 'x360.password' },
    { header: 'Api Token', field: null },
    { header: 'Remarks', field: 'notes' },
  ],
  defaults: [{ field: 'x360.locations', value: 'HQ, DR_Site' }],
}

const secretsIn = (text: string): string[] => [...IMPORTED_PASSWORDS, 'tok-alpha-0001', 'tok-beta-0002'].filter((secret) => text.includes(secret))

describe('import mapping (the plain module)', () => {
  test('the desk export headers map by themselves; others are reported as unknown without a mapping and left out with one', () => {
    const headers = LIST_COLUMNS.map((column) => column.header)
    const desk = deskMapping(headers)
    assert.deepEqual(desk.unknown, [])
    assert.equal(desk.mapping.columns.find((column) => column.header === 'Customer Username')?.field, 'x360.username')
    assert.equal(desk.mapping.columns.find((column) => column.header === 'Customer ID')?.field, null, 'export-only columns are left out')
    assert.deepEqual(deskMapping(['Customer Company Name', 'extra storage']).unknown, [], "the Nexetic Portal's own label")

    const strict = resolveColumns(FOREIGN, null)
    assert.deepEqual(strict.problems.map((problem) => problem.column), FOREIGN, 'no mapping: every unknown header is a problem at its column')
    const mapped = resolveColumns(FOREIGN, FOREIGN_MAPPING)
    assert.deepEqual(mapped.problems, [])
    assert.equal(mapped.columnOf.get('x360.password'), 3)
    assert.equal(mapped.leavesColumnsOut, true)
    assert.equal(mapped.defaults.get('x360.locations'), 'HQ, DR_Site')
  })

  test('a field mapped twice and a mapping for other columns are problems at the right place; a column wins over a default', () => {
    const twice = resolveColumns(FOREIGN, { ...FOREIGN_MAPPING, columns: FOREIGN_MAPPING.columns.map((column) => (column.header === 'Remarks' ? { ...column, field: 'companyName' } : column)) })
    assert.deepEqual(twice.problems, [{ row: 1, column: 'Remarks', message: '"Customer Company Name" is already filled from the column "Client". Choose another field, or leave this column out.' }])
    const other = resolveColumns(['Client', 'Login'], FOREIGN_MAPPING)
    assert.equal(other.problems[0]?.column, '')
    assert.match(other.problems[0]?.message ?? '', /other columns than this file has/)
    const both = resolveColumns(FOREIGN, { ...FOREIGN_MAPPING, defaults: [{ field: 'x360.email', value: 'x@y.example' }] })
    assert.equal(both.defaults.has('x360.email'), false)
    assert.equal(headerSignature(['B', ' a ', '']), headerSignature(['A', 'b']), 'same headers in any order and case')
  })
})

describe('import mapping through the desk', () => {
  test('a file the import always accepted previews exactly as before, with no mapping step', async (t) => {
    const desk = await openImportDesk(t)
    await desk.offerFile('desk.csv', [
      ['Customer Company Name', 'Customer Username', 'Customer Email Address', 'Locations', 'Customer Password'],
      ['Alpha Oy', 'alpha_01', 'it@alpha.example', 'HQ', IMPORTED_PASSWORDS[0] ?? ''],
    ])
    const seen = await desk.preview()
    assert.deepEqual(seen.columns.source, { kind: 'desk' })
    assert.deepEqual(seen.errors, [])
    assert.ok(seen.token)
    assert.equal(unwrap(await desk.api.exports.importConfirm({ token: seen.token })).created, 1)
  })

  test("a foreign file's headers are mapped, checked row by row, and imported with the password only in the keychain", async (t) => {
    const desk = await openImportDesk(t)
    await desk.offerFile('crm.csv', foreignRows())
    const first = await desk.preview()
    assert.deepEqual(first.columns.source, { kind: 'none' })
    assert.equal(first.token, null, 'unknown headers: nothing can be imported before they are mapped')
    assert.deepEqual(first.columns.headers, FOREIGN)
    assert.ok(first.columns.fields.some((choice) => choice.field === 'x360.locations' && choice.defaultable))

    // Without locations every row gets the form's own error at its row, as the import always did.
    const withoutLocations = unwrap(await desk.api.exports.importRemap({ fileToken: first.columns.fileToken, mapping: { ...FOREIGN_MAPPING, defaults: [] } }))
    assert.deepEqual(
      withoutLocations.errors.map((problem) => [problem.row, problem.column]),
      [
        [2, 'Locations'],
        [3, 'Locations'],
      ],
    )
    assert.equal(withoutLocations.token, null)

    const mapped = unwrap(await desk.api.exports.importRemap({ fileToken: first.columns.fileToken, mapping: FOREIGN_MAPPING }))
    assert.deepEqual(mapped.errors, [])
    assert.deepEqual(mapped.columns.source, { kind: 'chosen' })
    assert.deepEqual(
      mapped.rows.map((row) => [row.companyName, row.username, row.withPassword]),
      [
        ['Alpha Oy', 'alpha_01', true],
        ['Beta Ab', 'beta_02', true],
      ],
    )
    assert.deepEqual(secretsIn(JSON.stringify([first, withoutLocations, mapped])), [], 'no password or left-out cell in any preview')
    assert.ok(mapped.token)
    assert.equal(unwrap(await desk.api.exports.importConfirm({ token: mapped.token })).created, 2)

    const customers = desk.desk.store.data.customers
    const alpha = customers.find((customer) => customer.companyName === 'Alpha Oy')
    assert.deepEqual(alpha?.x360?.locations, ['HQ', 'DR_Site'], 'the value for every row filled the missing column')
    assert.equal(alpha?.notes, 'first')
    assert.equal(await desk.desk.vault.readCustomerPassword(alpha?.id ?? ''), IMPORTED_PASSWORDS[0])
    const stored = await readFile(join(desk.dataDir, 'customers.json'), 'utf8')
    assert.deepEqual(secretsIn(stored), [], 'neither the password nor the left-out token is in the customer file')
  })

  test('a mapping problem is reported at its column, and nothing can be imported', async (t) => {
    const desk = await openImportDesk(t)
    await desk.offerFile('crm.csv', foreignRows())
    const { columns } = await desk.preview()
    const noCompany = unwrap(
      await desk.api.exports.importRemap({ fileToken: columns.fileToken, mapping: { ...FOREIGN_MAPPING, columns: FOREIGN_MAPPING.columns.map((column) => (column.field === 'companyName' ? { ...column, field: null } : column)) } }),
    )
    assert.deepEqual(noCompany.errors, [{ row: 1, column: 'Customer Company Name', message: 'No column is mapped to "Customer Company Name".' }])
    assert.equal(noCompany.token, null)
  })

  test('main refuses a mapping payload that is not in the expected form, and a default for a password', async (t) => {
    const desk = await openImportDesk(t)
    await desk.offerFile('crm.csv', foreignRows())
    const { columns } = await desk.preview()
    const bad = [
      { fileToken: columns.fileToken, mapping: { columns: [{ header: 'Client', field: 'history' }], defaults: [] } },
      { fileToken: columns.fileToken, mapping: { ...FOREIGN_MAPPING, defaults: [{ field: 'x360.password', value: IMPORTED_PASSWORDS[2] }] } },
      { fileToken: columns.fileToken, mapping: { ...FOREIGN_MAPPING, extra: true } },
    ]
    for (const payload of bad) {
      const result = await dispatch(desk.desk.handlers, 'desk:exports.importRemap', payload)
      assert.ok(!result.ok && result.error.code === 'invalid', JSON.stringify(payload.mapping).slice(0, 80))
      assert.deepEqual(secretsIn(JSON.stringify(result)), [], 'the refusal does not echo the value')
    }
    const unknownFile = await desk.api.exports.importRemap({ fileToken: 'not-a-token', mapping: FOREIGN_MAPPING })
    assert.ok(!unknownFile.ok && unknownFile.error.code === 'not-found')
  })

  test('a saved mapping is offered again for a file with the same headers, and its file holds headers, never a cell', async (t) => {
    const desk = await openImportDesk(t)
    await desk.offerFile('crm.csv', foreignRows())
    const { columns } = await desk.preview()
    const name = unwrap(await desk.api.exports.importSaveMapping({ fileToken: columns.fileToken, name: '  Our CRM  ', mapping: FOREIGN_MAPPING }))
    assert.deepEqual(name, { saved: 'Our CRM' })
    const saved = await readFile(join(desk.dataDir, SAVED_MAPPINGS_FILE_NAME), 'utf8')
    assert.deepEqual(secretsIn(saved), [])
    assert.ok(!saved.includes('Alpha Oy') && !saved.includes('alpha_01'), 'no cell of the file')

    // Next month's file: the same columns in another order, in another case.
    const reordered = [2, 0, 1, 3, 4, 5]
    const rows = foreignRows().map((record, index) => reordered.map((column) => (index === 0 ? (record[column] ?? '').toUpperCase() : (record[column] ?? ''))))
    await desk.offerFile('crm-december.csv', rows)
    const again = await desk.preview()
    assert.deepEqual(again.columns.source, { kind: 'saved', name: 'Our CRM' })
    assert.deepEqual(again.errors, [])
    assert.equal(again.columns.mapping.columns[0]?.field, 'x360.email')
    assert.ok(again.token)
    assert.equal(unwrap(await desk.api.exports.importConfirm({ token: again.token })).created, 2)
  })

  test('a saved-mappings file the desk did not write is kept aside, not overwritten, and the import goes on', async (t) => {
    const desk = await openImportDesk(t)
    const file = join(desk.dataDir, SAVED_MAPPINGS_FILE_NAME)
    const damaged = '{"version":1,"mappings":[{"name":"half'
    await writeFile(file, damaged)
    await desk.offerFile('crm.csv', foreignRows())
    const seen: ImportPreview = await desk.preview()
    assert.deepEqual(seen.columns.source, { kind: 'none' })
    const aside = (await readdir(desk.dataDir)).filter((name) => name.startsWith(`${SAVED_MAPPINGS_FILE_NAME}.damaged-`))
    assert.equal(aside.length, 1)
    assert.equal(await readFile(join(desk.dataDir, aside[0] ?? ''), 'utf8'), damaged, 'kept as it was')
    unwrap(await desk.api.exports.importSaveMapping({ fileToken: seen.columns.fileToken, name: 'CRM', mapping: FOREIGN_MAPPING }))
    assert.equal(JSON.parse(await readFile(file, 'utf8')).mappings[0].name, 'CRM')

    // A file valid as JSON but not in the desk's form (a hand edit) is kept aside too.
    await writeFile(file, JSON.stringify({ version: 1, mappings: [{ name: 'X', headers: [], mapping: { columns: [{ header: 'a', field: 'x360.secret' }], defaults: [] }, savedAt: '' }] }))
    await desk.offerFile('crm.csv', foreignRows())
    assert.deepEqual((await desk.preview()).columns.source, { kind: 'none' })
    assert.equal((await readdir(desk.dataDir)).filter((name) => name.startsWith(`${SAVED_MAPPINGS_FILE_NAME}.damaged-`)).length, 2)
  })

  test('the existing customers still count: a mapped username already on the desk is refused at its row', async (t) => {
    const desk = await openImportDesk(t)
    await createCustomers(desk.api, sampleForms())
    await desk.offerFile('crm.csv', [FOREIGN, ['Contoso Again', 'contoso_01', 'x@contoso.example', IMPORTED_PASSWORDS[0] ?? '', 'tok-alpha-0001', '']])
    const { columns } = await desk.preview()
    const seen = unwrap(await desk.api.exports.importRemap({ fileToken: columns.fileToken, mapping: FOREIGN_MAPPING }))
    assert.deepEqual(seen.errors, [{ row: 2, column: 'Login', message: 'The Customer Username "contoso_01" is already used by Contoso Ltd.' }])
  })
})
