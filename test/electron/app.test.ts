import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import type { DeskBridge } from '../../main/common/contract'
import { electronSkipReason, findElectronBinary, launchDeskApp, ROOT } from '../harness/electron-binary'
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
    assert.equal(await page.evaluate(() => typeof (globalThis as { desk?: DeskBridge }).desk?.customers.list), 'function')
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

  // Before ready, Electron's error box is a line on stderr on Linux; on Windows and macOS it is a modal box
  // that a test cannot dismiss, so there the same sequence is proven by run-app.test.ts only.
  const errorBoxSkip = skip || (process.platform !== 'linux' && 'the error box before ready is a modal window on Windows and macOS')
  test('a launch with an unusable data folder shows why in the error box and exits with code 1', { skip: errorBoxSkip, timeout: 60_000 }, async () => {
    const found = findElectronBinary()
    assert.ok('path' in found)
    const child = spawn(found.path, [ROOT], { env: { ...process.env, MSP_DESK_USER_DATA: 'relative/desk' }, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const [code] = await once(child, 'exit')
    assert.equal(code, 1)
    assert.match(stderr, /MSP Customer Desk could not start/)
    assert.match(stderr, /MSP_DESK_USER_DATA must be a full path to a folder, not "relative\/desk"/)
  })
})
