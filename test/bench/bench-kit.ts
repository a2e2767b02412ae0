import type { Browser } from 'playwright-core'
import type { DeskData } from '../../main/services/store-file'

/** What every measured thing receives: a scratch folder and the same generated customers. */
export interface BenchContext {
  /** A fresh folder per bench; removed afterwards. */
  dir: string
  data: DeskData
  /** The customers as compact JSON, the way the store writes them. */
  text: string
  runs: number
  /** The one Chromium shared by every renderer row, launched on first use and closed by run-bench.ts. */
  browser(): Promise<Browser>
}

export type BenchUnit = 'ms' | 'MB' | 'rows'

/** One line of the table: the thing measured, and the physical floor it is compared with. */
export interface BenchRow {
  name: string
  /** The median, in `unit`. */
  value: number
  /** Milliseconds unless said otherwise (renderer memory in MB, rows in the DOM). */
  unit?: BenchUnit
  /** How many runs the median is of, when a costly row takes fewer than the others. */
  runs?: number
  floorName: string | null
  floorValue: number | null
  /** Said the way the README states it, e.g. "≤ 50 ms" or "≤ 2× floor". */
  target: string
  met: boolean | null
}

/** One file per measured thing under test/bench/, listed in run-bench.ts. */
export interface Bench {
  name: string
  run(context: BenchContext): Promise<BenchRow[]>
}

export function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

/** The sample below which `share` of the samples lie (nearest rank), e.g. 0.9 for the 90th percentile. */
export function percentile(samples: number[], share: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))] ?? 0
}

export async function timed(action: () => unknown): Promise<number> {
  const start = performance.now()
  await action()
  return performance.now() - start
}

/**
 * Runs the thing and its floor alternately, `runs` times each after one warm-up, so that a busy
 * moment on the machine hits both alike; each returns its own sample (e.g. a time taken inside the
 * page). Returns both medians.
 */
export async function alternate(runs: number, subject: () => Promise<number>, floor: () => Promise<number>): Promise<{ value: number; floorValue: number }> {
  await subject()
  await floor()
  const subjectSamples: number[] = []
  const floorSamples: number[] = []
  for (let run = 0; run < runs; run += 1) {
    floorSamples.push(await floor())
    subjectSamples.push(await subject())
  }
  return { value: median(subjectSamples), floorValue: median(floorSamples) }
}

/** `alternate`, timing each call in this process: both medians in milliseconds. */
export function measurePair(runs: number, subject: () => unknown, floor: () => unknown): Promise<{ value: number; floorValue: number }> {
  return alternate(runs, () => timed(subject), () => timed(floor))
}

const formatValue = (value: number, unit: BenchUnit = 'ms'): string => (unit === 'rows' ? `${value} rows` : `${value.toFixed(1)} ${unit}`)

export function formatTable(rows: BenchRow[], defaultRuns: number): string {
  const header = ['measured', 'median', 'runs', 'floor', 'floor median', 'ratio', 'target', 'met']
  const lines = rows.map((row) => [
    row.name,
    formatValue(row.value, row.unit),
    String(row.runs ?? defaultRuns),
    row.floorName ?? '—',
    row.floorValue === null ? '—' : formatValue(row.floorValue, row.unit),
    row.floorValue ? `${(row.value / row.floorValue).toFixed(2)}×` : '—',
    row.target,
    row.met === null ? 'TODO' : row.met ? 'yes' : 'NO',
  ])
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]?.length ?? 0)))
  const render = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`
  return [render(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...lines.map(render)].join('\n')
}
