import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import type { Customer } from '../../main/common/customer-model'
import { electronSkipReason, launchDeskApp } from '../harness/electron-binary'
import { changeAndUndoLicenses, historyEntry } from '../helpers/license-steps'
import { tempDesk } from '../helpers/temp-desk'

const skip = electronSkipReason()
const launch = launchDeskApp

describe('licenses in the real Electron app', () => {
  test('a Nexetic customer created in the window has its licenses changed in the editor, seen in the history, undone, and kept across a restart', { skip }, async (t) => {
    const { dataDir, keychainService } = await tempDesk(t)
    const app = await launch(dataDir, keychainService)
    const page = await app.firstWindow()
    await changeAndUndoLicenses(page)
    await app.close()

    const onDisk = JSON.parse(await readFile(join(dataDir, 'customers.json'), 'utf8')) as { customers: Customer[] }
    const contoso = onDisk.customers[0]
    assert.equal(contoso?.nexetic?.userLicenses, 25)
    assert.equal(contoso?.nexetic?.extraStorageGb, 1024)
    assert.deepEqual(
      contoso?.history.filter((entry) => entry.field.startsWith('nexetic.')).map((entry) => [entry.field, entry.from, entry.to]),
      [
        ['nexetic.userLicenses', '25', '30'],
        ['nexetic.extraStorageGb', '500', '1024'],
        ['nexetic.userLicenses', '30', '25'],
      ],
    )

    const again = await launch(dataDir, keychainService)
    t.after(() => again.close())
    const reopened = await again.firstWindow()
    await reopened.getByRole('row', { name: /^Contoso Ltd/ }).click()
    const historyAgain = reopened.getByRole('region', { name: 'Details of Contoso Ltd' }).getByRole('region', { name: 'History' })
    await historyEntry(historyAgain, 'User Licenses 25 → 30').getByText('Reason: Ticket 4711').waitFor()
    await historyEntry(historyAgain, 'User Licenses 30 → 25').waitFor()
  })
})
