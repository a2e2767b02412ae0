import { dispatch } from '../../main/ipc/handler-table'
import { median, type Bench, type BenchRow } from './bench-kit'
import { heapAfterGc, newRendererFootprintMb, openRendererDesk, rendererProcesses, typeInSearch, typingAndDeleting } from './renderer-desk'

const SEARCHES = ['contoso hq', 'fabrikam lab', 'it@', 'northwind dr_site']
/** Each reading follows a full garbage collection, so a few are enough. */
const READINGS = 3

/**
 * The renderer's JS heap (Chromium's JSHeapUsedSize, after a full garbage collection) with the
 * customers loaded and after a few searches typed and deleted. Floor: the same app over an empty
 * desk, holding the same customer list (as `customers.list` answers it) parsed from JSON: the least
 * a page showing these customers must keep. Beside it, for information, the renderer process's private
 * memory (JS heap, DOM, styles, layers, code) on Linux.
 */
export const rendererMemory: Bench = {
  name: 'renderer memory in Chromium',
  async run(context) {
    const browser = await context.browser()
    const before = await rendererProcesses(browser)
    const full = await openRendererDesk(context, 'generated')
    try {
      for (const search of SEARCHES) for (const value of typingAndDeleting(search)) await typeInSearch(full.page, value)
      const used: number[] = []
      let nodes = 0
      for (let reading = 0; reading < READINGS; reading += 1) {
        const heap = await heapAfterGc(full.page)
        used.push(heap.usedMb)
        nodes = heap.nodes
      }
      const footprint = await newRendererFootprintMb(browser, before)
      const list = await dispatch(full.desk.handlers, 'desk:customers.list', {})
      if (!list.ok) throw new Error(list.error.message)
      const listJson = JSON.stringify(list.value)

      const empty = await openRendererDesk(context, 'empty')
      const floor: number[] = []
      try {
        await empty.page.evaluate((json) => {
          ;(window as unknown as { heldCustomers: unknown }).heldCustomers = JSON.parse(json)
        }, listJson)
        for (let reading = 0; reading < READINGS; reading += 1) floor.push((await heapAfterGc(empty.page)).usedMb)
      } finally {
        await empty.close()
      }
      if (full.pageErrors.length > 0) throw new Error(`the page reported errors: ${full.pageErrors.join('; ')}`)
      const value = median(used)
      const rows: BenchRow[] = [
        {
          name: `renderer JS heap after load and ${SEARCHES.length} searches (${nodes.toLocaleString('en')} DOM nodes)`,
          value,
          unit: 'MB',
          runs: READINGS,
          floorName: 'empty desk + the same list parsed from JSON',
          floorValue: median(floor),
          target: '< 150 MB',
          met: value < 150,
        },
      ]
      if (footprint !== null) {
        rows.push({ name: '  renderer process private memory, same moment (Linux /proc)', value: footprint, unit: 'MB', runs: 1, floorName: null, floorValue: null, target: 'informative', met: true })
      }
      return rows
    } finally {
      await full.close()
    }
  },
}
