import type { BrowserWindowConstructorOptions, OpenDialogOptions, OpenDialogReturnValue, SaveDialogOptions, SaveDialogReturnValue } from 'electron'
import type { TextClipboard } from '../services/secret-clipboard'

// The few Electron objects the app's glue uses, narrowed to what it calls. Electron's own objects satisfy
// these (main/index.ts passes them); layer-1 tests pass recording stand-ins, so no file here imports Electron.

/** Electron's event objects, as far as the glue uses them. */
export interface PreventableEvent {
  preventDefault(): void
}

export interface AppPart {
  setName(name: string): void
  setPath(name: 'userData', path: string): void
  getPath(name: 'userData' | 'documents'): string
  /** The OS locale, for the dates and figures main writes (PDF sheets). */
  getLocale(): string
  readonly isPackaged: boolean
  requestSingleInstanceLock(): boolean
  quit(): void
  exit(exitCode?: number): void
  whenReady(): Promise<void>
  on(event: 'second-instance', listener: () => void): unknown
  on(event: 'web-contents-created', listener: (event: unknown, contents: WebContentsPart) => void): unknown
  on(event: 'window-all-closed', listener: () => void): unknown
  on(event: 'will-quit', listener: (event: PreventableEvent) => void): unknown
}

export interface WebContentsPart {
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
}

export interface AppWindow {
  show(): void
  focus(): void
  restore(): void
  isMinimized(): boolean
  loadURL(url: string): Promise<void>
  once(event: 'ready-to-show', listener: () => void): unknown
  on(event: 'closed', listener: () => void): unknown
}

export interface DialogPart<W> {
  showErrorBox(title: string, content: string): void
  showSaveDialog(window: W, options: SaveDialogOptions): Promise<SaveDialogReturnValue>
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>
  showOpenDialog(window: W, options: OpenDialogOptions): Promise<OpenDialogReturnValue>
  showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>
}

export interface ProtocolPart {
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: { standard: boolean; secure: boolean; supportFetchAPI: boolean } }[]): void
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void
}

/** What an IPC call tells main about who sent it. */
export interface InvokeEventPart {
  senderFrame: { url: string } | null
  sender: { mainFrame: unknown }
}

export interface IpcMainPart {
  handle(channel: string, listener: (event: InvokeEventPart, payload: unknown) => unknown): void
  removeHandler(channel: string): void
}

export type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void
export type PermissionCheckHandler = (contents: unknown, permission: string) => boolean

export interface ElectronParts<W extends AppWindow> {
  app: AppPart
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => W
  session: { defaultSession: { setPermissionRequestHandler(handler: PermissionRequestHandler): void; setPermissionCheckHandler(handler: PermissionCheckHandler): void } }
  dialog: DialogPart<W>
  clipboard: TextClipboard
  shell: { openExternal(url: string): Promise<void> }
  protocol: ProtocolPart
  net: { fetch(url: string): Promise<Response> }
  ipcMain: IpcMainPart
}
