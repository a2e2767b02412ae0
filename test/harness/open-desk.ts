import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { extname, join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { eventChannelName, type EmitDeskEvent } from '../../main/common/contract'
import { createDesk, type Desk } from '../../main/desk'
import { dispatch } from '../../main/ipc/handler-table'
import type { FileDialogs } from '../../main/services/exports/file-dialogs'
import { createMemoryClipboard, type TextClipboard } from '../../main/services/secret-clipboard'
import { presetLock, type LockPreset } from '../helpers/lock-preset'
import { chooseBrowser } from './browser-choice'
import { pageScript } from './page-script'

/** Layer 2: the built renderer in Chromium (Chrome or Edge where there is no Chromium), its API wired to the real handler table in this process. */
export interface OpenDeskOptions {
  dataDir: string
  keychainService: string
  clipboard?: TextClipboard
  clipboardClearMs?: number
  viewport?: { width: number; height: number }
  /** The OS theme the page sees (prefers-color-scheme), as Electron's nativeTheme hands it on; light by default. */
  colorScheme?: 'light' | 'dark'
  /** Windows' high-contrast themes (forced-colors: active). */
  forcedColors?: 'active' | 'none'
  /** Reuse one browser across several desks in a benchmark or screenshot run. */
  browser?: Browser
  /** Stands in for main's native open/save dialogs (paths in the test's folder); everything after them is real. */
  fileDialogs?: FileDialogs
  /**
   * The user's locale, e.g. 'de-DE': the page's (`navigator.language`, as Chromium's `--lang`) and the desk's, for what
   * main writes (the PDF sheets). The app takes both from the OS; by default Chromium's own and Node's.
   */
  locale?: string
  /** How the lock starts: `none` by default (no first-start screen, as every test not about the lock wants), `first-start`, or locked with a passphrase. */
  lock?: LockPreset
  /**
   * Another build of the page to serve instead of the app's (out/renderer), e.g. the third vendor's
   * (test/helpers/third-vendor/page.ts); whatever it registers, this process must register too.
   */
  rendererDir?: string
}

export interface OpenedDesk {
  page: Page
  desk: Desk
  clipboard: TextClipboard
  /** Console errors and CSP violations seen in the page; tests assert it stays empty. */
  pageErrors: string[]
  /** Sends a main-to-page event (a menu command, a job's progress) into the page as the app's preload receives it. */
  emit: EmitDeskEvent
  close(): Promise<void>
}

const ROOT = resolve(import.meta.dirname, '../..')
/** The built renderer; DESK_OUT_DIR points at another build than out/ (see run-tests.mjs). */
const RENDERER_DIR = join(resolve(ROOT, process.env.DESK_OUT_DIR ?? 'out'), 'renderer')
/** A made-up origin the page is served from; requests to it are answered from disk and never reach a network. */
export const HARNESS_ORIGIN = 'http://desk.localhost'

/** The browser layer 2 runs in (see chooseBrowser), looked up once per process. */
export const BROWSER = chooseBrowser({ platform: process.platform, env: process.env, exists: existsSync })
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
]

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
}

/** The test option that reports a layer-2 suite as skipped, with the reason, where no browser is found. */
export const browserSkip: string | false = 'missing' in BROWSER ? `Layer 2 skipped: ${BROWSER.missing}` : false

export function launchChromium(): Promise<Browser> {
  if ('missing' in BROWSER) throw new Error(`Layer 2 needs a browser: ${BROWSER.missing}`)
  const which = 'channel' in BROWSER ? { channel: BROWSER.channel } : { executablePath: BROWSER.executablePath }
  return chromium.launch({ ...which, args: CHROMIUM_ARGS, headless: true })
}

export async function openDesk(options: OpenDeskOptions): Promise<OpenedDesk> {
  const clipboard = options.clipboard ?? createMemoryClipboard()
  // The page opens after the desk, which needs `emit` first.
  const target: { page?: Page } = {}
  const emit: EmitDeskEvent = (event, payload) => {
    // Like webContents.send: fire and forget, and nothing happens once the page is gone.
    void target.page
      ?.evaluate(([channel, body]) => (window as unknown as { __deskDeliver(channel: string, payload: unknown): void }).__deskDeliver(channel, body), [
        eventChannelName(event),
        payload,
      ] as const)
      .catch(() => {})
  }
  await presetLock(options.keychainService, options.lock ?? 'none')
  const desk = await createDesk({
    emit,
    dataDir: options.dataDir,
    keychainService: options.keychainService,
    clipboard,
    ...(options.clipboardClearMs === undefined ? {} : { clipboardClearMs: options.clipboardClearMs }),
    ...(options.fileDialogs === undefined ? {} : { fileDialogs: options.fileDialogs }),
    ...(options.locale === undefined ? {} : { locale: options.locale }),
  })
  const ownsBrowser = !options.browser
  const browser = options.browser ?? (await launchChromium())
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 820 },
    ...(options.locale === undefined ? {} : { locale: options.locale }),
    colorScheme: options.colorScheme ?? 'light',
    forcedColors: options.forcedColors ?? 'none',
  })
  const rendererDir = resolve(options.rendererDir ?? RENDERER_DIR)
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url())
    if (url.origin !== HARNESS_ORIGIN) return route.abort('blockedbyclient')
    const path = url.pathname === '/' ? '/index.html' : url.pathname
    const file = resolve(rendererDir, `.${decodeURIComponent(path)}`)
    if (!file.startsWith(rendererDir)) return route.fulfill({ status: 404 })
    try {
      const body = await readFile(file)
      return route.fulfill({ status: 200, body, contentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' })
    } catch {
      return route.fulfill({ status: 404 })
    }
  })
  await context.exposeBinding('__deskInvoke', (_source, channel: unknown, payload: unknown) => dispatch(desk.handlers, channel, payload))
  await context.addInitScript({ content: await pageScript(join(import.meta.dirname, 'page-bridge.ts')) })

  const page = await context.newPage()
  target.page = page
  // A missing element fails the test in seconds instead of hanging it.
  page.setDefaultTimeout(10_000)
  const pageErrors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text())
  })
  page.on('pageerror', (error) => pageErrors.push(error.message))
  await page.goto(`${HARNESS_ORIGIN}/index.html`)

  return {
    page,
    desk,
    clipboard,
    pageErrors,
    emit,
    async close() {
      await context.close()
      if (ownsBrowser) await browser.close()
      await desk.close()
    },
  }
}
