import assert from 'node:assert/strict'
import { lstat, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test, type TestContext } from 'node:test'
import { allChannels } from '../../main/common/contract'
import type { Result } from '../../main/common/result'
import { runApp, START_FAILED_TITLE } from '../../main/electron/run-app'
import { STORE_FILE_NAME } from '../../main/services/customer-store'
import { lockPathFor } from '../../main/services/store-lock'
import { APP_ENTRY_URL, mainWindowOptions } from '../../main/security/window-policy'
import { electronStandIns, type StandInOptions } from '../helpers/electron-stand-ins'
import { SEED_PASSWORD, seedForm } from '../helpers/customer-seeds'
import { tempDesk } from '../helpers/temp-desk'

const PRELOAD = '/app/out/preload/index.cjs'

/** runApp over recording stand-ins for Electron, with the real desk in a temp folder and the real keychain. */
async function startApp(t: TestContext, standIn: Partial<StandInOptions> = {}, env: Record<string, string> = {}) {
  const { dataDir, keychainService } = await tempDesk(t)
  const rendererDir = join(dataDir, 'renderer')
  await mkdir(rendererDir)
  await writeFile(join(rendererDir, 'index.html'), '<title>MSP Customer Desk</title>')
  const electron = electronStandIns({ documentsDir: dataDir, ...standIn })
  const userData = join(dataDir, 'user-data')
  const running = runApp(electron.parts, {
    env: { MSP_DESK_USER_DATA: userData, MSP_DESK_KEYCHAIN_SERVICE: keychainService, ...env },
    rendererDir,
    preloadPath: PRELOAD,
  })
  return { electron, running, userData, storeFile: join(userData, STORE_FILE_NAME) }
}

const fromAppWindow = { url: APP_ENTRY_URL }
const exists = (path: string) => lstat(path).then(() => true, () => false)

describe('the Electron glue (runApp) over stand-ins for Electron', () => {
  test('registers the scheme before ready, every channel before the window, and loads the app entry in a sandboxed window', async (t) => {
    const { electron, running, storeFile } = await startApp(t)
    assert.deepEqual(electron.log, ['app.setName MSP Customer Desk', 'app.setPath userData', 'protocol.registerSchemesAsPrivileged desk', 'app.requestSingleInstanceLock'])

    electron.becomeReady()
    await running
    const channels = allChannels().map((channel) => `ipcMain.handle ${channel.name}`)
    assert.deepEqual(electron.log.slice(4), [
      'ready',
      'session.setPermissionRequestHandler',
      'session.setPermissionCheckHandler',
      'protocol.handle desk',
      ...channels,
      'new BrowserWindow',
      `window.loadURL ${APP_ENTRY_URL}`,
    ])
    assert.deepEqual(electron.windows[0]?.options, mainWindowOptions(PRELOAD))
    assert.equal(electron.permissions.check?.({}, 'geolocation'), false)

    // The channels reach the real desk in the data folder the environment named, and only from the app window.
    const status = (await electron.invoke('desk:app.status', {}, fromAppWindow)) as Result<{ dataFile: string }>
    assert.ok(status.ok)
    assert.equal(status.value.dataFile, storeFile)
    const refused = (await electron.invoke('desk:app.status', {}, { url: 'https://example.com/' })) as Result<unknown>
    assert.ok(!refused.ok)
    assert.match(refused.error.message, /did not come from the app window/)
    assert.equal(((await electron.invoke('desk:app.status', {}, { ...fromAppWindow, mainFrame: false })) as Result<unknown>).ok, false)

    // The scheme serves the built renderer (what it refuses is window-policy.test.ts's).
    assert.match(await (await electron.fetchScheme(APP_ENTRY_URL)).text(), /MSP Customer Desk/)

    // Shown when ready, not before.
    assert.ok(!electron.log.includes('window.show'))
    electron.windows[0]?.emit('ready-to-show')
    assert.ok(electron.log.includes('window.show'))
    electron.willQuit()
    await electron.quit
  })

  test('every page is kept from navigating away, from webviews and from new windows; allowed portal links open in the browser', async (t) => {
    const { electron, running } = await startApp(t)
    electron.becomeReady()
    await running
    const contents = electron.webContents()
    assert.equal(contents.navigationPrevented('https://evil.example/'), true)
    assert.equal(contents.navigationPrevented(APP_ENTRY_URL), false)
    assert.equal(contents.webviewPrevented(), true)
    assert.deepEqual(contents.openWindow('https://evil.example/'), { action: 'deny' })
    assert.deepEqual(contents.openWindow('https://portal.nexetic.com/customers'), { action: 'deny' })
    assert.deepEqual(electron.opened, ['https://portal.nexetic.com/customers'])
    electron.willQuit()
    await electron.quit
  })

  test('quitting is held back until a copied password is off the clipboard and the customer file is released', async (t) => {
    const { electron, running, storeFile } = await startApp(t)
    electron.becomeReady()
    await running
    const created = (await electron.invoke('desk:customers.create', { form: seedForm({ company: 'Contoso Ltd', x360: { username: 'contoso_backup', email: 'it@contoso.com', locations: 'Dublin_HQ' } }), confirmDuplicateCompany: false }, fromAppWindow)) as Result<{ id: string }>
    assert.ok(created.ok)
    assert.ok(((await electron.invoke('desk:customers.copyPassword', { id: created.value.id }, fromAppWindow)) as Result<unknown>).ok)
    assert.equal(await electron.parts.clipboard.readText(), SEED_PASSWORD)
    assert.ok(await exists(lockPathFor(storeFile)), 'the open desk holds the customer file')

    electron.emit('window-all-closed')
    assert.equal(electron.quitCalls(), 1, 'closing the last window quits')
    const firstQuit = electron.willQuit()
    assert.equal(firstQuit.prevented, true, 'the first will-quit waits for the desk to close')
    while (electron.quitCalls() < 2) await new Promise((wake) => setImmediate(wake))
    assert.equal(await electron.parts.clipboard.readText(), '')
    assert.equal(await exists(lockPathFor(storeFile)), false)
    assert.equal(electron.willQuit().prevented, false, 'and then lets the app quit')
  })

  test('a second launch brings the window forward once it is shown, restoring it when minimized', async (t) => {
    const { electron, running } = await startApp(t)
    electron.emit('second-instance')
    electron.becomeReady()
    await running
    electron.emit('second-instance')
    assert.ok(!electron.log.includes('window.focus'), 'a window still loading is not brought forward')
    const window = electron.windows[0]
    assert.ok(window)
    window.emit('ready-to-show')
    electron.emit('second-instance')
    assert.deepEqual(electron.log.slice(-2), ['window.show', 'window.focus'])
    window.minimized = true
    electron.emit('second-instance')
    assert.deepEqual(electron.log.slice(-2), ['window.restore', 'window.focus'])
    window.emit('closed')
    electron.emit('second-instance')
    assert.deepEqual(electron.log.slice(-2), ['window.restore', 'window.focus'], 'nothing to bring forward once the window is gone')
    electron.willQuit()
    await electron.quit
  })

  test('a second instance quits at once and opens nothing', async (t) => {
    const { electron, running, storeFile } = await startApp(t, { lock: false })
    await running
    electron.becomeReady()
    await new Promise((wake) => setImmediate(wake))
    assert.deepEqual(electron.log.slice(3), ['app.requestSingleInstanceLock', 'app.quit', 'ready'])
    assert.equal(await exists(storeFile), false, 'the first instance’s customer file is not touched')
  })

  test('a page that fails to load shows the reason in an error box and exits with code 1, releasing the customer file', async (t) => {
    const failure = new Error("ERR_FILE_NOT_FOUND (-6) loading 'desk://app/index.html'")
    const { electron, running, storeFile } = await startApp(t, { loadFailure: failure })
    electron.becomeReady()
    await running
    assert.equal(await electron.exit, 1)
    assert.deepEqual(electron.log.slice(-3), [`window.loadURL ${APP_ENTRY_URL}`, 'dialog.showErrorBox', 'app.exit 1'])
    assert.equal(electron.errorBoxes.length, 1)
    assert.equal(electron.errorBoxes[0]?.title, START_FAILED_TITLE)
    assert.match(electron.errorBoxes[0]?.content ?? '', /^ERR_FILE_NOT_FOUND \(-6\) loading 'desk:\/\/app\/index\.html'\n\nMSP Customer Desk will close now/)
    assert.equal(await exists(lockPathFor(storeFile)), false, 'the customer file is released, so the next launch can open it')
  })

  test('a data folder that is not a full path is refused before anything starts, in an error box, with exit code 1', async (t) => {
    const { electron, running } = await startApp(t, {}, { MSP_DESK_USER_DATA: 'relative/desk' })
    await running
    assert.equal(await electron.exit, 1)
    assert.deepEqual(electron.log, ['app.setName MSP Customer Desk', 'dialog.showErrorBox', 'app.exit 1'])
    assert.match(electron.errorBoxes[0]?.content ?? '', /MSP_DESK_USER_DATA must be a full path to a folder, not "relative\/desk"/)
  })
})
