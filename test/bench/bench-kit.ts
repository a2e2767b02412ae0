import type { DeskData } from '../../main/services/store-file'

/** What every measured thing receives: a scratch folder and the same generated customers. */
export interface BenchContext {
  /** A fresh folder per bench; removed afterwards. */
  dir: string
  data: DeskData
  /** The customers as compact JSON, the way the store writes them. */
  text: string
  runs: number
}

/** One line of the table: the thing measured, and the physical floor it is compared with. */
export interface BenchRow {
  name: string
  ms: number
  floorName: string | null
  floorMs: number | null
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

export async function timed(action: () => unknown): Promise<number> {
  const start = performance.now()
  await action()
  return performance.now() - start
}

/**
 * Runs the thing and its floor alternately, `runs` times each after one warm-up, so that a busy
 * moment on the machine hits both alike; returns both medians in milliseconds.
 */
export async function measurePair(runs: number, subject: () => unknown, floor: () => unknown): Promise<{ ms: number; floorMs: number }> {
  await subject()
  await floor()
  const subjectSamples: number[] = []
  const floorSamples: number[] = []
  for (let run = 0; run < runs; run += 1) {
    floorSamples.push(await timed(floor))
    subjectSamples.push(await timed(subject))
  }
  return { ms: median(subjectSamples), floorMs: median(floorSamples) }
}

export function formatTable(rows: BenchRow[]): string {
  const header = ['measured', 'median', 'floor', 'floor median', 'ratio', 'target', 'met']
  const lines = rows.map((row) => [
    row.name,
    `${row.ms.toFixed(1)} ms`,
    row.floorName ?? '—',
    row.floorMs === null ? '—' : `${row.floorMs.toFixed(1)} ms`,
    row.floorMs ? `${(row.ms / row.floorMs).toFixed(2)}×` : '—',
    row.target,
    row.met === null ? 'TODO' : row.met ? 'yes' : 'NO',
  ])
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]?.length ?? 0)))
  const render = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`
  return [render(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...lines.map(render)].join('\n')
}
