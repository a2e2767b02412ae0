import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { stringify } from 'csv-stringify/sync'
import type { Customer } from '../../main/common/customer-model'
import { checkImport } from '../../main/services/exports/import-rows'

const csv = (records: string[][]): string => stringify(records)

const contoso: Customer = {
  id: 'c1',
  companyName: 'Contoso Ltd',
  notes: '',
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
  x360: null,
  nexetic: null,
  history: [],
}

describe('import: the field rules of the form', () => {
  test("the Nexetic Portal's own header \"Extra Storage\" (GB) fills the desk's Extra Storage (GB) column", () => {
    const checked = checkImport(
      csv([
        ['Customer Company Name', 'User Licenses', 'Extra Storage', 'Notify Users', 'Storage Type'],
        ['Fabrikam Inc', '25', '500', 'ops@fabrikam.com', 'Azure (Ireland)'],
      ]),
      [],
    )
    assert.deepEqual(checked.errors, [])
    assert.equal(checked.rows[0]?.form.nexetic?.extraStorage, '500')
  })

  test('the alias and the desk header together are one column twice', () => {
    const checked = checkImport(csv([['Customer Company Name', 'Extra Storage (GB)', 'Extra Storage'], ['Fabrikam Inc', '1', '2']]), [])
    assert.deepEqual(checked.errors, [{ row: 1, column: 'Extra Storage', message: 'This column appears twice.' }])
  })

  test('"Contoso Ltd." is a twin of "Contoso Ltd" on the desk; an invisible character is refused at its cell', () => {
    const checked = checkImport(csv([['Customer Company Name'], ['Contoso Ltd.'], ['Fabri\u200Bkam']]), [contoso])
    assert.deepEqual(checked.duplicateCompanies, [{ row: 2, column: 'Customer Company Name', message: '"Contoso Ltd" already exists on this desk.' }])
    assert.equal(checked.errors.length, 1)
    assert.equal(checked.errors[0]?.row, 3)
    assert.match(checked.errors[0]?.message ?? '', /U\+200B ZERO WIDTH SPACE, after "Fabri"/)
  })
})
