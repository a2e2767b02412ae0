import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { electronSkipReason, launchDeskApp } from '../harness/electron-binary'
import { emptyDeskNewCustomer } from '../helpers/customer-form-steps'
import { tempDesk } from '../helpers/temp-desk'

const skip = electronSkipReason()
const launch = launchDeskApp

describe('the real Electron app', () => {
  test('opens a sandboxed window with no Node in the page, and keeps a company across a restart', { skip }, async (t) => {
    const { dataDir, keychainService } = await tempDesk(t)
    const app = await launch(dataDir, keychainService)
    const page = await app.firstWindow()
    assert.equal(await page.title(), 'MSP Customer Desk')
    assert.deepEqual(await page.evaluate(() => [typeof (globalThis as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process]), ['undefined', 'undefined'])
    assert.equal(await page.evaluate(() => typeof window.desk?.customers.list), 'function')
    // The page comes from the app's own protocol, never from file:// or a server.
    const loadedUrl = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.mainFrame.url ?? null)
    assert.equal(loadedUrl, 'desk://app/index.html')

    await emptyDeskNewCustomer(page).click()
    await page.getByLabel('Customer Company Name').fill('Contoso Ltd')
    await page.getByLabel('Customer Company Name').press('Enter')
    await page.getByRole('cell', { name: 'Contoso Ltd' }).waitFor()
    await app.close()
    const onDisk = JSON.parse(await readFile(join(dataDir, 'customers.json'), 'utf8'))
    assert.deepEqual(onDisk.customers.map((c: { companyName: string }) => c.companyName), ['Contoso Ltd'])

    const again = await launch(dataDir, keychainService)
    t.after(() => again.close())
    await (await again.firstWindow()).getByRole('cell', { name: 'Contoso Ltd' }).waitFor()
  })
})
