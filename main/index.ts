import { app, BrowserWindow, clipboard, session, shell } from 'electron'
import { join } from 'node:path'
import { APP_NAME, createDesk, type Desk } from './desk'
import { registerAppScheme, serveRenderer } from './electron/app-protocol'
import { createElectronClipboard } from './electron/electron-clipboard'
import { createElectronFileDialogs } from './electron/file-dialogs'
import { registerIpc } from './electron/register-ipc'
import { applySpellcheckPolicy } from './electron/spellcheck'
import { secondLaunchAction } from './security/instance-policy'
import { entryUrl, externalUrlToOpen, isNavigationAllowed, isPermissionGranted, mainWindowOptions } from './security/window-policy'

// The thin Electron layer: every decision it makes is a plain function in security/ or a service.
app.setName(APP_NAME)
// Tests (and staff who keep a second desk) point the app at their own data folder and keychain service.
if (process.env.MSP_DESK_USER_DATA) app.setPath('userData', process.env.MSP_DESK_USER_DATA)

registerAppScheme()
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL || undefined : undefined
const appEntry = entryUrl(devServerUrl)
let mainWindow: BrowserWindow | null = null
let desk: Desk | null = null
let windowShown = false

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    const window = mainWindow
    const action = secondLaunchAction({ exists: window !== null, shown: windowShown, minimized: window?.isMinimized() ?? false })
    if (!window || action === 'wait') return
    if (action === 'restore-and-focus') window.restore()
    window.focus()
  })
  app.on('session-created', (created) => applySpellcheckPolicy(created))
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isNavigationAllowed(url, appEntry)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      // electronegativity OPEN_EXTERNAL: only the parsed href of an https link to the vendors' portals (window-policy.ts, tested).
      const href = externalUrlToOpen(url)
      if (href) void shell.openExternal(href)
      return { action: 'deny' }
    })
  })
  app.whenReady().then(start, (error: unknown) => {
    console.error('MSP Customer Desk could not start:', error instanceof Error ? error.message : error)
    app.exit(1)
  })
  app.on('window-all-closed', () => app.quit())
  let closed = false
  app.on('will-quit', (event) => {
    if (!desk || closed) return
    // Take a copied password off the clipboard before the process ends.
    event.preventDefault()
    closed = true
    void desk.close().finally(() => app.quit())
  })
}

async function start(): Promise<void> {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionGranted(permission)))
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission))
  serveRenderer(join(import.meta.dirname, '../renderer'))
  desk = await createDesk({
    dataDir: app.getPath('userData'),
    keychainService: process.env.MSP_DESK_KEYCHAIN_SERVICE || APP_NAME,
    clipboard: createElectronClipboard(clipboard),
    fileDialogs: createElectronFileDialogs(() => mainWindow),
  })
  registerIpc(desk.handlers, appEntry)
  // electronegativity CONTEXT_ISOLATION, SANDBOX, AUXCLICK: the options come from mainWindowOptions (contextIsolation,
  // sandbox, no Node, Auxclick disabled), which the scanner cannot follow; window-policy.test.ts asserts each of them.
  mainWindow = new BrowserWindow(mainWindowOptions(join(import.meta.dirname, '../preload/index.cjs')))
  mainWindow.once('ready-to-show', () => {
    mainWindow?.show()
    windowShown = true
  })
  mainWindow.on('closed', () => {
    mainWindow = null
  })
  await mainWindow.loadURL(appEntry)
}
