import { posix } from 'node:path'
import { vendors } from '../common/vendors/registry'

/** The app's own pages are served from this origin by a custom protocol, never from file:// or the network. */
export const APP_SCHEME = 'desk'
export const APP_HOST = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/** The only web sites a link in the app may open, in the user's browser: the vendors' portals. */
export const EXTERNAL_URL_ALLOW_LIST: readonly string[] = vendors().flatMap((vendor) => vendor.portals)

/** The smallest window the layout is made for (each size down to it is tested in layer 2). */
export const WINDOW_MINIMUM = { width: 900, height: 600 } as const

export interface SpellcheckPolicy {
  /** Chromium's built-in spellchecker, for the window and its session. */
  enabled: boolean
  /** Where Hunspell dictionaries would be fetched from: the app's own origin, which has none, never Google's CDN. */
  dictionaryDownloadUrl: string
}

/**
 * Nothing reaches the network, and spelling is still checked where the OS does it: macOS's own spellchecker
 * (Electron downloads nothing there) and Windows' spell checking API (Chromium's Windows spellchecker). Elsewhere
 * Chromium would download Hunspell dictionaries, so spellcheck is off. The download URL points inside the app on
 * every platform, so a Hunspell fallback (a language Windows lacks) fails locally instead of fetching.
 */
export function spellcheckPolicy(platform: NodeJS.Platform): SpellcheckPolicy {
  return { enabled: platform === 'darwin' || platform === 'win32', dictionaryDownloadUrl: `${APP_ORIGIN}/no-spellcheck-dictionaries/` }
}

/**
 * The BrowserWindow's webPreferences and visible options; kept here so tests can read them without Electron.
 * `bounds`: where the window was last time (restoreBounds), else the default size, centred.
 */
export function mainWindowOptions(preloadPath: string, bounds?: { x: number; y: number; width: number; height: number }, platform: NodeJS.Platform = process.platform) {
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
      spellcheck: spellcheckPolicy(platform).enabled,
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

/** Printable ASCII without a backslash: anything else (control characters, spaces, full-width dots) is rewritten by the URL parser. */
const PLAIN_URL_TEXT = /^[\x21-\x5b\x5d-\x7e]+$/

/**
 * The URL to hand to the user's browser for a link in the app, or null to open nothing. Only https links to the
 * vendors' portals pass, and only when the text reads as it parses: `https://` then exactly the allowed host
 * (no credentials, port, extra slash, percent-encoded or look-alike character). The browser gets the parser's
 * `href`, never the page's raw string.
 */
export function externalUrlToOpen(url: unknown): string | null {
  if (typeof url !== 'string' || !PLAIN_URL_TEXT.test(url)) return null
  const target = parse(url)
  if (!target || target.protocol !== 'https:' || target.username || target.password || target.port) return null
  if (!EXTERNAL_URL_ALLOW_LIST.some((allowed) => new URL(allowed).origin === target.origin)) return null
  const authority = `https://${target.host}`
  const written = url.slice(0, authority.length).toLowerCase()
  const after = url.charAt(authority.length)
  if (written !== authority || !['', '/', '?', '#'].includes(after)) return null
  return target.href
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
