import type { BrowserWindowConstructorOptions } from 'electron'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type {
  AppWindow,
  ElectronParts,
  InvokeEventPart,
  PermissionCheckHandler,
  PermissionRequestHandler,
  PreventableEvent,
  WebContentsPart,
} from '../../main/electron/electron-parts'
import { createMemoryClipboard } from '../../main/services/secret-clipboard'

type Listener = (...args: never[]) => unknown

/** Listeners by event name, as Electron's EventEmitters keep them. */
class Events {
  private readonly listeners = new Map<string, Listener[]>()
  add(event: string, listener: Listener): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...values: unknown[]) => unknown)(...args)
  }
}

export interface StandInOptions {
  documentsDir: string
  /** False: another instance already holds the single-instance lock. */
  lock?: boolean
  /** The error Electron's loadURL rejects with when the page cannot load. */
  loadFailure?: Error
}

export interface StandInWindow extends AppWindow {
  readonly options: BrowserWindowConstructorOptions
  minimized: boolean
  emit(event: 'ready-to-show' | 'closed'): void
}

/**
 * Recording stand-ins for the Electron objects runApp uses, with Electron's own ordering rules (a scheme
 * may be registered only before ready, the session and protocol.handle only after). `log` is the order
 * of what the glue did; everything behind the IPC handlers is the real desk.
 */
export function electronStandIns(options: StandInOptions) {
  const log: string[] = []
  const appEvents = new Events()
  const paths: Record<string, string> = { documents: options.documentsDir }
  let isReady = false
  let becomeReady: () => void = () => undefined
  const ready = new Promise<void>((resolve) => {
    becomeReady = () => {
      isReady = true
      log.push('ready')
      resolve()
    }
  })
  const errorBoxes: { title: string; content: string }[] = []
  const opened: string[] = []
  const ipcHandlers = new Map<string, (event: InvokeEventPart, payload: unknown) => unknown>()
  const windows: StandInWindow[] = []
  let schemeHandler: ((request: Request) => Response | Promise<Response>) | undefined
  const permissions: { request?: PermissionRequestHandler; check?: PermissionCheckHandler } = {}
  let exited: (code: number | undefined) => void = () => undefined
  const exit = new Promise<number | undefined>((resolve) => (exited = resolve))
  let quitCalls = 0
  let quitted: () => void = () => undefined
  const quit = new Promise<void>((resolve) => (quitted = resolve))

  class BrowserWindow implements StandInWindow {
    minimized = false
    private readonly events = new Events()
    constructor(readonly options: BrowserWindowConstructorOptions) {
      log.push('new BrowserWindow')
      windows.push(this)
    }
    show(): void {
      log.push('window.show')
    }
    focus(): void {
      log.push('window.focus')
    }
    restore(): void {
      log.push('window.restore')
      this.minimized = false
    }
    isMinimized(): boolean {
      return this.minimized
    }
    async loadURL(url: string): Promise<void> {
      log.push(`window.loadURL ${url}`)
      if (options.loadFailure) throw options.loadFailure
    }
    once(event: string, listener: () => void): this {
      this.events.add(event, listener)
      return this
    }
    on(event: string, listener: () => void): this {
      this.events.add(event, listener)
      return this
    }
    emit(event: 'ready-to-show' | 'closed'): void {
      this.events.emit(event)
    }
  }

  const parts: ElectronParts<StandInWindow> = {
    app: {
      setName: (name) => void log.push(`app.setName ${name}`),
      setPath: (name, path) => {
        log.push(`app.setPath ${name}`)
        paths[name] = path
      },
      getPath: (name) => {
        const path = paths[name]
        if (!path) throw new Error(`Failed to get '${name}' path`)
        return path
      },
      getLocale: () => 'en-US',
      isPackaged: false,
      requestSingleInstanceLock: () => {
        log.push('app.requestSingleInstanceLock')
        return options.lock ?? true
      },
      quit: () => {
        log.push('app.quit')
        quitCalls += 1
        quitted()
      },
      exit: (code) => {
        log.push(`app.exit ${code}`)
        exited(code)
      },
      whenReady: () => ready,
      on: (event: string, listener: Listener) => appEvents.add(event, listener),
    },
    BrowserWindow,
    session: {
      get defaultSession() {
        if (!isReady) throw new Error('Session can only be received when app is ready')
        return {
          setPermissionRequestHandler: (handler: PermissionRequestHandler) => {
            log.push('session.setPermissionRequestHandler')
            permissions.request = handler
          },
          setPermissionCheckHandler: (handler: PermissionCheckHandler) => {
            log.push('session.setPermissionCheckHandler')
            permissions.check = handler
          },
        }
      },
    },
    dialog: {
      showErrorBox: (title, content) => {
        log.push('dialog.showErrorBox')
        errorBoxes.push({ title, content })
      },
      showSaveDialog: async () => ({ canceled: true, filePath: '' }),
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    },
    clipboard: createMemoryClipboard(),
    shell: {
      openExternal: async (url) => void opened.push(url),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes) => {
        if (isReady) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready')
        log.push(`protocol.registerSchemesAsPrivileged ${schemes.map((scheme) => scheme.scheme).join(',')}`)
      },
      handle: (scheme, handler) => {
        if (!isReady) throw new Error('protocol.handle should be called after app is ready')
        log.push(`protocol.handle ${scheme}`)
        schemeHandler = handler
      },
    },
    net: {
      fetch: async (url) => new Response(await readFile(fileURLToPath(url))),
    },
    ipcMain: {
      handle: (channel, listener) => {
        if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
        log.push(`ipcMain.handle ${channel}`)
        ipcHandlers.set(channel, listener)
      },
      removeHandler: (channel) => void ipcHandlers.delete(channel),
    },
  }

  return {
    parts,
    log,
    errorBoxes,
    opened,
    windows,
    permissions,
    exit,
    quit,
    quitCalls: () => quitCalls,
    becomeReady,
    /** The app's events as Electron would emit them. */
    emit: (event: 'second-instance' | 'window-all-closed') => appEvents.emit(event),
    /** will-quit with an event that records whether the glue held the quit back. */
    willQuit(): { prevented: boolean } {
      const seen = { prevented: false }
      appEvents.emit('will-quit', { preventDefault: () => (seen.prevented = true) } satisfies PreventableEvent)
      return seen
    },
    /** A page's invoke, from a main frame (the app window's, when `url` is the app entry) or a subframe. */
    invoke(channel: string, payload: unknown, from: { url: string; mainFrame?: boolean }): unknown {
      const handler = ipcHandlers.get(channel)
      if (!handler) throw new Error(`No handler registered for '${channel}'`)
      const frame = { url: from.url }
      return handler({ senderFrame: frame, sender: { mainFrame: from.mainFrame === false ? {} : frame } }, payload)
    },
    /** What the app's scheme answers for a URL. */
    fetchScheme(url: string): Promise<Response> {
      if (!schemeHandler) throw new Error('no handler for the app scheme')
      return Promise.resolve(schemeHandler(new Request(url)))
    },
    /** A new web contents, as Electron announces each one, with the listeners the glue puts on it. */
    webContents() {
      const events = new Events()
      let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined
      const contents: WebContentsPart = {
        on: (event: string, listener: Listener) => events.add(event, listener),
        setWindowOpenHandler: (handler) => void (openHandler = handler),
      }
      appEvents.emit('web-contents-created', {}, contents)
      const preventable = (run: (event: PreventableEvent) => void): boolean => {
        let prevented = false
        run({ preventDefault: () => (prevented = true) })
        return prevented
      }
      return {
        navigationPrevented: (url: string) => preventable((event) => events.emit('will-navigate', event, url)),
        webviewPrevented: () => preventable((event) => events.emit('will-attach-webview', event)),
        openWindow: (url: string) => openHandler?.({ url }),
      }
    },
  }
}
