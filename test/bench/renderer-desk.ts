import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { STORE_FILE_NAME } from '../../main/services/customer-store'
import { openDesk, type OpenedDesk } from '../harness/open-desk'
import { pageScript } from '../harness/page-script'
import { BENCH_KEYCHAIN_SERVICE } from './bench-desk'
import type { BenchContext } from './bench-kit'
import type { BenchProbes, FirstShown } from './page-probes'

/** Loading 10,000 customers through the harness bridge takes seconds on a busy machine. */
const LOAD_TIMEOUT_MS = 60_000

export type DeskContents = 'generated' | 'empty'

/**
 * The built renderer in the run's shared Chromium over a data folder holding the generated customers
 * (or nothing), with the page probes installed, once the first rows (or the empty state) are drawn.
 */
export async function openRendererDesk(context: BenchContext, contents: DeskContents): Promise<OpenedDesk> {
  const dataDir = join(context.dir, contents)
  await mkdir(dataDir)
  if (contents === 'generated') await writeFile(join(dataDir, STORE_FILE_NAME), context.text)
  const desk = await openDesk({ dataDir, keychainService: BENCH_KEYCHAIN_SERVICE, browser: await context.browser() })
  try {
    // openDesk has navigated already: the probes take effect from the next navigation on.
    await desk.page.addInitScript({ content: await pageScript(join(import.meta.dirname, 'page-probes.ts')) })
    await reloadUntilShown(desk.page)
    if (desk.pageErrors.length > 0) throw new Error(`the page reported errors: ${desk.pageErrors.join('; ')}`)
    return desk
  } catch (error) {
    await desk.close()
    throw error
  }
}

/** Reloads the page and resolves with the page's own timings once the desk is drawn. */
export async function reloadUntilShown(page: Page): Promise<FirstShown> {
  await page.reload({ waitUntil: 'commit' })
  const shown = await page.waitForFunction(() => (window as unknown as { __deskBench?: BenchProbes }).__deskBench?.firstShown ?? null, null, { timeout: LOAD_TIMEOUT_MS })
  return (await shown.jsonValue()) as FirstShown
}

/** The probes' keystroke in the page, and the list's count line once its frame is drawn. */
export async function typeInSearch(page: Page, value: string, plain = false): Promise<{ ms: number; countText: string }> {
  return page.evaluate(
    async ({ value, plain }) => {
      const probes = (window as unknown as { __deskBench: BenchProbes }).__deskBench
      const ms = await (plain ? probes.plainKeystroke(value) : probes.keystroke(value))
      return { ms, countText: probes.countText() }
    },
    { value, plain },
  )
}

/** "Contoso hq" typed one letter at a time and deleted again: every prefix the search box goes through. */
export function typingAndDeleting(text: string): string[] {
  const typed = [...text].map((_, index) => text.slice(0, index + 1))
  return [...typed, ...typed.slice(0, -1).reverse(), '']
}

/** The JS heap of the page after a full garbage collection, in MB (10⁶ bytes), with the DOM's node count. */
export async function heapAfterGc(page: Page): Promise<{ usedMb: number; totalMb: number; nodes: number }> {
  const session = await page.context().newCDPSession(page)
  try {
    await session.send('HeapProfiler.collectGarbage')
    await session.send('Performance.enable')
    const { metrics } = await session.send('Performance.getMetrics')
    const metric = (name: string) => metrics.find((item) => item.name === name)?.value ?? Number.NaN
    return { usedMb: metric('JSHeapUsedSize') / 1e6, totalMb: metric('JSHeapTotalSize') / 1e6, nodes: metric('Nodes') }
  } finally {
    await session.detach()
  }
}

/** The ids of Chromium's renderer processes now running. */
export async function rendererProcesses(browser: Browser): Promise<number[]> {
  const session = await browser.newBrowserCDPSession()
  try {
    const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] }
    return processInfo.filter((process) => process.type === 'renderer').map((process) => process.id)
  } finally {
    await session.detach()
  }
}

/**
 * The private memory (clean + dirty, what a task manager calls its footprint) of the largest renderer
 * process not in `before`, in MB; null where /proc cannot say (not Linux).
 */
export async function newRendererFootprintMb(browser: Browser, before: readonly number[]): Promise<number | null> {
  let largest: number | null = null
  for (const pid of await rendererProcesses(browser)) {
    if (before.includes(pid)) continue
    const rollup = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => null)
    if (rollup === null) continue
    const kb = [...rollup.matchAll(/^Private_(?:Clean|Dirty):\s+(\d+) kB$/gm)].reduce((sum, match) => sum + Number(match[1]), 0)
    largest = Math.max(largest ?? 0, (kb * 1024) / 1e6)
  }
  return largest
}
