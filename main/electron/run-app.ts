import { isAbsolute } from 'node:path'
import type { EmitDeskEvent } from '../common/contract'
import { APP_NAME, createDesk, type Desk, type DeskOptions } from '../desk'
import { secondLaunchAction } from '../security/instance-policy'
import { entryUrl, externalUrlToOpen, isNavigationAllowed, isPermissionGranted, mainWindowOptions } from '../security/window-policy'
import { registerAppScheme, serveRenderer } from './app-protocol'
import type { AppWindow, ElectronParts } from './electron-parts'
import { createElectronFileDialogs } from './file-dialogs'
import { registerIpc } from './register-ipc'

export interface RunAppOptions<W extends AppWindow> {
  env: Record<string, string | undefined>
  /** The built renderer folder and the preload bundle (next to main's bundle in out/). */
  rendererDir: string
  preloadPath: string
  /** main-to-page events (the menu's commands, a sheet job's progress) sent to whichever window is open; dropped by default. */
  eventsTo?: (currentWindow: () => W | null) => EmitDeskEvent
  /** Once the desk is open, before the window: the application menu, which sends its commands as events. */
  onDesk?: (desk: Desk, emit: EmitDeskEvent) => void
  /** Where the window opens (remembered from last time) and how its state is kept when it closes. */
  placeWindow?: (dataDir: string) => Promise<{ bounds?: { x: number; y: number; width: number; height: number }; track(window: W): void }>
  /** The lock's Touch ID (macOS) and access-log hook, handed to the desk. */
  lock?: DeskOptions['lock']
}

export const START_FAILED_TITLE = `${APP_NAME} could not start`

/** The error box's text: the reason as the failure gave it, and what happens next. */
export function startFailureMessage(error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error)
  return `${reason}\n\n${APP_NAME} will close now. Start it again once the cause is fixed.`
}

/** Tests (and staff who keep a second desk) point the app at their own data folder; it must be a full path. */
export function userDataOverride(env: Record<string, string | undefined>): string | undefined {
  const folder = env.MSP_DESK_USER_DATA
  if (!folder) return undefined
  if (!isAbsolute(folder)) throw new Error(`MSP_DESK_USER_DATA must be a full path to a folder, not "${folder}".`)
  return folder
}

/**
 * The thin Electron layer: the order of the app's life (scheme before ready, handlers before the window,
 * the clipboard cleared on quit, one instance) over the Electron objects it is given. Every decision is a
 * plain function in security/ or a service. A failure anywhere in starting shows an error box and exits
 * with code 1, so no process lingers without a window while holding the single-instance lock.
 * Resolves once the window's page has loaded, or once a failure has been reported.
 */
export function runApp<W extends AppWindow>(parts: ElectronParts<W>, options: RunAppOptions<W>): Promise<void> {
  const { app, dialog, shell } = parts
  let mainWindow: W | null = null
  let windowShown = false
  let desk: Desk | null = null

  const fail = async (error: unknown): Promise<void> => {
    console.error(`${START_FAILED_TITLE}:`, error instanceof Error ? error.message : error)
    // Release the customer file and take a copied password off the clipboard before going.
    await desk?.close().catch(() => undefined)
    dialog.showErrorBox(START_FAILED_TITLE, startFailureMessage(error))
    app.exit(1)
  }

  let appEntry: string
  try {
    app.setName(APP_NAME)
    const userData = userDataOverride(options.env)
    if (userData) app.setPath('userData', userData)
    registerAppScheme(parts.protocol)
    appEntry = entryUrl(!app.isPackaged ? options.env.ELECTRON_RENDERER_URL || undefined : undefined)
  } catch (error) {
    return fail(error)
  }

  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return Promise.resolve()
  }

  app.on('second-instance', () => {
    const window = mainWindow
    const action = secondLaunchAction({ exists: window !== null, shown: windowShown, minimized: window?.isMinimized() ?? false })
    if (!window || action === 'wait') return
    if (action === 'restore-and-focus') window.restore()
    window.focus()
  })
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
  app.on('window-all-closed', () => app.quit())
  let closed = false
  app.on('will-quit', (event) => {
    if (!desk || closed) return
    // Take a copied password off the clipboard before the process ends.
    event.preventDefault()
    closed = true
    void desk.close().finally(() => app.quit())
  })

  const start = async (): Promise<void> => {
    const { defaultSession } = parts.session
    defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionGranted(permission)))
    defaultSession.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission))
    serveRenderer(parts, options.rendererDir)
    const emit = options.eventsTo?.(() => mainWindow)
    desk = await createDesk({
      dataDir: app.getPath('userData'),
      keychainService: options.env.MSP_DESK_KEYCHAIN_SERVICE || APP_NAME,
      clipboard: parts.clipboard,
      fileDialogs: createElectronFileDialogs(dialog, () => app.getPath('documents'), () => mainWindow),
      locale: app.getLocale(),
      ...(emit ? { emit } : {}),
      ...(options.lock ? { lock: options.lock } : {}),
    })
    registerIpc(parts.ipcMain, desk.handlers, appEntry)
    if (emit) options.onDesk?.(desk, emit)
    const placement = await options.placeWindow?.(app.getPath('userData'))
    const { BrowserWindow } = parts
    // electronegativity CONTEXT_ISOLATION, SANDBOX, AUXCLICK: the options come from mainWindowOptions (contextIsolation,
    // sandbox, no Node, Auxclick disabled), which the scanner cannot follow; window-policy.test.ts asserts each of them.
    const window = new BrowserWindow(mainWindowOptions(options.preloadPath, placement?.bounds))
    mainWindow = window
    placement?.track(window)
    window.once('ready-to-show', () => {
      window.show()
      windowShown = true
    })
    window.on('closed', () => {
      mainWindow = null
    })
    await window.loadURL(appEntry)
  }

  // Catches a failure of whenReady and of every step of start() alike.
  return app.whenReady().then(start).catch(fail)
}
