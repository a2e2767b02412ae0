// `npm run bench`: builds, then measures the desk at scale and prints a table (figures, not a test).
// BENCH_CUSTOMERS=<n> and BENCH_RUNS=<n> change the size and the number of runs behind each median;
// BENCH_ONLY=<text> runs only the benches whose name contains it (e.g. BENCH_ONLY=chromium).
// A new row is a new *.bench.ts file exporting a Bench, added to the list below.
import { mkdtemp, rm } from 'node:fs/promises'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { launchChromium } from '../harness/open-desk'
import { billingMonth } from './billing-month.bench'
import { billingRender } from './billing-render.bench'
import { formatTable, type Bench, type BenchRow } from './bench-kit'
import { customerSearch } from './customer-search.bench'
import { customerSheets } from './customer-sheets.bench'
import { generateCustomers } from '../helpers/generate-customers'
import { licenseEdit } from './license-edit.bench'
import { listExport } from './list-export.bench'
import { listRender } from './list-render.bench'
import { rendererMemory } from './renderer-memory.bench'
import { searchTyping } from './search-typing.bench'
import { storeLoad } from './store-load.bench'
import { storeSave } from './store-save.bench'

const BENCHES: Bench[] = [storeLoad, storeSave, licenseEdit, customerSearch, listRender, searchTyping, rendererMemory, listExport, billingMonth, billingRender, customerSheets]

const count = Number(process.env.BENCH_CUSTOMERS ?? 10_000)
const runs = Number(process.env.BENCH_RUNS ?? 15)
const only = process.env.BENCH_ONLY?.toLowerCase()

const started = performance.now()
const data = generateCustomers(count)
const text = JSON.stringify(data)
let chromium: Promise<Browser> | undefined
const browser = () => (chromium ??= launchChromium())
const rows: BenchRow[] = []
try {
  for (const bench of BENCHES.filter((item) => !only || item.name.toLowerCase().includes(only))) {
    const dir = await mkdtemp(join(tmpdir(), 'desk-bench-'))
    try {
      rows.push(...(await bench.run({ dir, data, text, runs, browser })))
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }
} finally {
  await (await chromium)?.close()
}

const load = loadavg().map((value) => value.toFixed(1)).join(' ')
console.log(`MSP Customer Desk benchmark: ${count.toLocaleString('en')} customers, medians of ${runs} runs unless the runs column says otherwise, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, load average ${load}`)
console.log(formatTable(rows, runs))
const missed = rows.filter((row) => row.met === false)
if (missed.length > 0) console.log(`\nMissed: ${missed.map((row) => row.name).join('; ')}`)
console.log(`\nThe benchmark took ${((performance.now() - started) / 1000).toFixed(0)} s.`)
