import { posix } from 'node:path'

/** The app's own pages are served from this origin by a custom protocol, never from file:// or the network. */
export const APP_SCHEME = 'desk'
export const APP_HOST = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/** The only web sites a link in the app may open, in the user's browser. */
export const EXTERNAL_URL_ALLOW_LIST = ['https://portal.nexetic.com', 'https://partner.axcient.com', 'https://x360portal.axcient.net']

/** The smallest window the layout is made for (each size down to it is tested in layer 2). */
export const WINDOW_MINIMUM = { width: 900, height: 600 } as const

/**
 * The BrowserWindow's webPreferences and visible options; kept here so tests can read them without Electron.
 * `bounds`: where the window was last time (restoreBounds), else the default size, centred.
 */
export function mainWindowOptions(preloadPath: string, bounds?: { x: number; y: number; width: number; height: number }) {
  return {
    width: 1280,
    height: 820,
    ...bounds,
    minWidth: WINDOW_MINIMUM.width,
    minHeight: WINDOW_MINIMUM.height,
    show: false,
    title: 'MSP Customer Desk',
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // A middle click would otherwise try to open a link in a new window (denied anyway by the open handler).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  } as const
}

/** The URL the window loads: the dev server while developing, the app's own protocol otherwise. */
export function entryUrl(devServerUrl: string | undefined): string {
  return devServerUrl ?? APP_ENTRY_URL
}

function parse(url: string | undefined | null): URL | null {
  if (!url) return null
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/** An IPC message is honoured only from the top frame of the app's own page. */
export function isTrustedSender(frameUrl: string | undefined | null, appEntry: string, isMainFrame: boolean): boolean {
  if (!isMainFrame) return false
  const frame = parse(frameUrl)
  const entry = parse(appEntry)
  if (!frame || !entry) return false
  return frame.origin === entry.origin && frame.protocol === entry.protocol && frame.host === entry.host && frame.pathname === entry.pathname
}

/** The app is one page: every navigation away from it is refused. */
export function isNavigationAllowed(targetUrl: string, appEntry: string): boolean {
  return isTrustedSender(targetUrl, appEntry, true)
}

/** The page asks for no permission (camera, notifications, clipboard read, …): refuse them all. */
export function isPermissionGranted(_permission: string): boolean {
  return false
}

/** Only https links to the vendors' portals open outside, in the default browser. */
export function isExternalUrlAllowed(url: string): boolean {
  const target = parse(url)
  if (!target || target.protocol !== 'https:' || target.username || target.password) return false
  return EXTERNAL_URL_ALLOW_LIST.some((allowed) => new URL(allowed).origin === target.origin)
}

/**
 * Maps a request on the app's protocol to a file inside the built renderer folder, or null for
 * anything outside it (a `..` or an encoded separator cannot climb out).
 */
export function resolveAppAsset(requestUrl: string, rendererDir: string): string | null {
  const url = parse(requestUrl)
  if (!url || url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null
  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (pathname.includes('\\') || pathname.includes('\0')) return null
  const normalized = posix.normalize(pathname === '/' ? '/index.html' : pathname)
  if (!normalized.startsWith('/') || normalized.split('/').includes('..')) return null
  return `${rendererDir.replace(/[\\/]+$/, '')}${normalized}`
}
