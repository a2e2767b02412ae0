import assert from 'node:assert/strict'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { nothingChangedMessage } from '../../main/common/vendors/nexetic/license-change'
import { CustomerStore, STORE_FILE_NAME } from '../../main/services/customer-store'
import { BACKUP_FOLDER } from '../../main/services/store-backups'
import { selectAllLabel, selectedCountText } from '../../renderer/src/features/customers/selection-text'
import { sheetProgressText, sheetsTitle } from '../../renderer/src/features/exports/export-text'
import { EMPTY_SELECTION, selectedInView, selectionReducer, type Selection, type SelectionAction } from '../../renderer/src/store/selection'
import { tempDesk } from '../helpers/temp-desk'

const ORDER = ['a', 'b', 'c', 'd', 'e']
const run = (...actions: SelectionAction[]): Selection => actions.reduce(selectionReducer, EMPTY_SELECTION)
const ids = (selection: Selection): string[] => [...selection.ids].sort()

describe('the list selection, as a reducer', () => {
  test('a plain click selects one alone and sets the anchor; Ctrl/Cmd+click toggles', () => {
    const one = run({ type: 'toggle', id: 'a' }, { type: 'toggle', id: 'c' }, { type: 'only', id: 'b' })
    assert.deepEqual([ids(one), one.anchor], [['b'], 'b'])
    const toggled = run({ type: 'only', id: 'b' }, { type: 'toggle', id: 'd' }, { type: 'toggle', id: 'e' }, { type: 'toggle', id: 'd' })
    assert.deepEqual([ids(toggled), toggled.anchor], [['b', 'e'], 'd'])
  })

  test('Shift extends from the anchor in the list’s order, either way, and replaces the range on a second Shift', () => {
    const down = run({ type: 'only', id: 'b' }, { type: 'extend', id: 'd', order: ORDER })
    assert.deepEqual([ids(down), down.anchor], [['b', 'c', 'd'], 'b'])
    const back = selectionReducer(down, { type: 'extend', id: 'a', order: ORDER })
    assert.deepEqual(ids(back), ['a', 'b'], 'the range moves with the anchor fixed')
    const added = run({ type: 'only', id: 'a' }, { type: 'toggle', id: 'e' }, { type: 'extend', id: 'c', order: ORDER, add: true })
    assert.deepEqual(ids(added), ['a', 'c', 'd', 'e'], 'Ctrl+Shift adds the range to what was selected')
  })

  test('without an anchor in view, Shift starts at the row reached', () => {
    assert.deepEqual(ids(run({ type: 'extend', id: 'c', order: ORDER })), ['c'])
    const filteredOut = run({ type: 'only', id: 'z' }, { type: 'extend', id: 'b', order: ORDER })
    assert.deepEqual([ids(filteredOut), filteredOut.anchor], [['b'], 'b'])
  })

  test('select-all takes the filtered view; clear empties; the actions get the selected in the view’s order', () => {
    const all = run({ type: 'only', id: 'z' }, { type: 'all', order: ['c', 'a'] })
    assert.deepEqual(ids(all), ['a', 'c'], 'only the customers shown')
    assert.deepEqual(ids(selectionReducer(all, { type: 'clear' })), [])
    const shown = ['e', 'c', 'b', 'a'].map((id) => ({ id }))
    assert.deepEqual(selectedInView(run({ type: 'toggle', id: 'a' }, { type: 'toggle', id: 'e' }, { type: 'toggle', id: 'd' }), shown), [{ id: 'e' }, { id: 'a' }], 'hidden ones are left out')
  })
})

describe('counts read naturally for every number', () => {
  test('the selection and the sheet dialogs', () => {
    assert.deepEqual([0, 1, 3].map(selectedCountText), ['0 customers selected', '1 customer selected', '3 customers selected'])
    assert.deepEqual([1, 8].map(selectAllLabel), ['Select the 1 customer shown', 'Select all 8 customers shown'])
    assert.deepEqual([1, 3].map((count) => sheetsTitle(count, { all: false })), ['Customer sheet for 1 customer', 'Customer sheets for 3 customers'])
    assert.deepEqual([1, 5].map((count) => sheetsTitle(count, { all: true })), ['Customer sheet for your only customer', 'Customer sheets for all 5 customers'])
    assert.deepEqual([sheetProgressText(0, 1), sheetProgressText(2, 40)], ['0 of 1 sheet', '2 of 40 sheets'])
  })

  test('"Nothing changed" with a single User License', () => {
    assert.equal(nothingChangedMessage({ userLicenses: 1, extraStorageGb: 0 }, 'en-US'), 'Nothing changed: the customer already has 1 User License and 0 GB of Extra Storage.')
    assert.match(nothingChangedMessage({ userLicenses: 25, extraStorageGb: 0 }, 'en-US'), /already has 25 User Licenses and/)
  })

  test('a damaged file names a daily backup of one customer as "1 customer"', async (t) => {
    const { dataDir } = await tempDesk(t)
    const AT = '2026-11-25T09:00:00.000Z'
    const customer = { id: 'c1', companyName: 'Contoso', notes: '', createdAt: AT, updatedAt: AT, x360: null, nexetic: null, history: [] }
    await mkdir(join(dataDir, BACKUP_FOLDER))
    await writeFile(join(dataDir, BACKUP_FOLDER, 'customers-2026-11-25.json'), JSON.stringify({ schemaVersion: 1, customers: [customer], deletions: [] }))
    await writeFile(join(dataDir, STORE_FILE_NAME), '{"schemaVersion":1,"customers":[{"id":')
    const store = await CustomerStore.open(join(dataDir, STORE_FILE_NAME), new Date(2026, 10, 26, 9, 0))
    t.after(() => store.close())
    assert.ok(store.status.kind === 'recovered')
    assert.match(store.status.reason, /A backup from 2026-11-25 with 1 customer can be restored\.$/)
  })
})
