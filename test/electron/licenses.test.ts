import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import type { Customer } from '../../main/common/customer-model'
import { electronSkipReason, launchDeskApp } from '../harness/electron-binary'
import { changeLicensesFromDetail, createNexeticCustomer, historyEntry } from '../helpers/license-steps'
import { tempDesk } from '../helpers/temp-desk'

const skip = electronSkipReason()
const launch = launchDeskApp

describe('licenses in the real Electron app', () => {
  test('a Nexetic customer created in the window has its licenses changed in the editor, seen in the history, undone, and kept across a restart', { skip }, async (t) => {
    const { dataDir, keychainService } = await tempDesk(t)
    const app = await launch(dataDir, keychainService)
    const page = await app.firstWindow()
    await createNexeticCustomer(page, 'Contoso Ltd', { userLicenses: '25', extraStorage: '500', notifyUsers: 'it@contoso.com', storageType: 'Azure (Ireland)' })

    const history = await changeLicensesFromDetail(page, 'Contoso Ltd', { userLicenses: '30', extraStorage: '1 TB', reason: 'Ticket 4711' })
    await historyEntry(history, 'User Licenses 25 → 30').getByText('Reason: Ticket 4711').waitFor()
    await historyEntry(history, 'Extra Storage 500 GB → 1,024 GB (1 TB)').waitFor()
    await page.getByRole('region', { name: 'Totals' }).getByRole('row', { name: /^All customers \(1\) 1 30 1,024 GB \(1 TB\)/ }).waitFor()

    await history.getByRole('button', { name: 'Undo: User Licenses 25 → 30' }).click()
    await historyEntry(history, 'User Licenses 30 → 25').getByText(/^Reason: Undo of .+ change$/).waitFor()
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
