// Bundled into the page before its scripts run (see renderer-desk.ts): the benchmark measures inside the
// page with performance.now(), so Playwright's round trips to the test process are never in a figure.

/** When the page first showed the desk, in ms since its navigation started. */
export interface FirstShown {
  /** The first customer rows (or the empty state) were in the DOM. */
  shownAt: number
  /** …and the frame that shows them had been drawn. */
  paintedAt: number
  /** How long `customers.list` took over the harness bridge (the Playwright binding), in the page… */
  listCallMs: number | null
  /** …and when its answer reached the page: from here on, the time is the renderer's own. */
  listReceivedAt: number | null
  /** Customer rows in the DOM, and how many fit in the grid's box. */
  rows: number
  rowsInView: number
}

export interface BenchProbes {
  firstShown: FirstShown | null
  /** One keystroke in the search box: ms from its input event until the updated frame is drawn. */
  keystroke(value: string): Promise<number>
  /** The floor of a keystroke: the same filtering and the same cells rewritten with plain DOM, then the frame. */
  plainKeystroke(value: string): Promise<number>
  /** Gives the floor the customers' prepared search texts and a copy of the grid to write into. */
  preparePlainGrid(texts: string[]): void
  countText(): string
}

type BenchWindow = Window & { __deskInvoke(channel: string, payload: unknown): Promise<unknown>; __deskBench: BenchProbes }
declare const window: BenchWindow

const ROW_HEIGHT = 44
const GRID = '[role="grid"][aria-label="Customers"]'
const CUSTOMER_ROW = `${GRID} [role="row"]:has(> [role="cell"])`
const EMPTY_STATE = 'section[aria-label="No customers"] h2'

/**
 * Runs `change` at the start of a frame (where Chromium delivers input), then resolves when that
 * frame's rendering (style, layout, paint) is done: a message posted from a frame callback is handled
 * right after the frame. Returns the milliseconds in between.
 */
function timeFrame(change: () => void): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const start = performance.now()
      change()
      const channel = new MessageChannel()
      channel.port1.onmessage = () => resolve(performance.now() - start)
      channel.port2.postMessage(null)
    })
  })
}

function searchBox(): HTMLInputElement {
  const label = [...document.querySelectorAll('label')].find((item) => item.textContent?.trim() === 'Search customers')
  const input = label?.control
  if (!(input instanceof HTMLInputElement)) throw new Error('no search box labelled "Search customers"')
  return input
}

const valueSetter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set

let listCallMs: number | null = null
let listReceivedAt: number | null = null
let plainTexts: string[] = []
let plainCells: HTMLElement[][] = []

// Times customers.list as the page sees it, to tell the harness's transport apart from the page's own work.
const invoke = window.__deskInvoke.bind(window)
window.__deskInvoke = async (channel, payload) => {
  const start = performance.now()
  const result = await invoke(channel, payload)
  if (channel === 'desk:customers.list' && listReceivedAt === null) {
    listReceivedAt = performance.now()
    listCallMs = listReceivedAt - start
  }
  return result
}

window.__deskBench = {
  firstShown: null,
  keystroke(value) {
    const input = searchBox()
    return timeFrame(() => {
      valueSetter?.call(input, value)
      input.dispatchEvent(new Event('input', { bubbles: true }))
    })
  },
  plainKeystroke(value) {
    return timeFrame(() => {
      const words = value.toLowerCase().split(/\s+/).filter((word) => word !== '')
      let row = 0
      for (const text of plainTexts) {
        if (row === plainCells.length) break
        if (!words.every((word) => text.includes(word))) continue
        const parts = text.split('\n')
        plainCells[row]?.forEach((cell, column) => {
          cell.textContent = parts[column] ?? ''
        })
        row += 1
      }
    })
  },
  preparePlainGrid(texts) {
    const grid = document.querySelector<HTMLElement>(GRID)
    if (!grid) throw new Error('no customer grid')
    const box = grid.getBoundingClientRect()
    const copy = grid.cloneNode(true) as HTMLElement
    copy.setAttribute('aria-hidden', 'true')
    copy.removeAttribute('aria-label')
    // Laid over the grid, so the floor lays out and paints the same area the list does.
    Object.assign(copy.style, { position: 'fixed', left: `${box.left}px`, top: `${box.top}px`, width: `${box.width}px`, height: `${box.height}px`, pointerEvents: 'none', background: 'Canvas', zIndex: '1' })
    document.body.append(copy)
    plainTexts = texts
    plainCells = [...copy.querySelectorAll('[role="row"]')]
      .map((row) => [...row.querySelectorAll<HTMLElement>('[role="cell"]')])
      .filter((cells) => cells.length > 0)
  },
  countText() {
    return document.querySelector('[aria-live="polite"]')?.textContent ?? ''
  },
}

function shownNow(): boolean {
  return document.querySelector(CUSTOMER_ROW) !== null || document.querySelector(EMPTY_STATE) !== null
}

// The first rows (or the empty state) as the page shows them after a navigation, then the frame that draws them.
const observer = new MutationObserver(() => {
  if (!shownNow()) return
  observer.disconnect()
  const shownAt = performance.now()
  requestAnimationFrame(() => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      const grid = document.querySelector(GRID)
      window.__deskBench.firstShown = {
        shownAt,
        paintedAt: performance.now(),
        listCallMs,
        listReceivedAt,
        rows: document.querySelectorAll(CUSTOMER_ROW).length,
        rowsInView: grid ? Math.ceil(grid.clientHeight / ROW_HEIGHT) : 0,
      }
    }
    channel.port2.postMessage(null)
  })
})
observer.observe(document, { childList: true, subtree: true })
