import { createHash } from 'node:crypto'
import { z } from 'zod'
import { ACCESS_ACTIONS } from '../../common/access-actions'
import type { AccessEntryView, ChainBreak } from '../../common/contract/access-log'

/**
 * The access log is JSON lines, one entry a line, each carrying the SHA-256 of the entry before it
 * (`prev`) and its own (`hash`, over every other field). The first entry's `prev` is the genesis value.
 * An edit changes an entry's hash; a removed or moved entry leaves a `prev` that names the wrong one.
 */
export const GENESIS_HASH = '0'.repeat(64)

export interface AccessEntry extends AccessEntryView {
  prev: string
  hash: string
}

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/)
const entrySchema = z.strictObject({
  seq: z.number().int().min(1),
  at: z.string().max(40),
  action: z.enum(ACCESS_ACTIONS),
  customerId: z.string().max(100).nullable(),
  companyName: z.string().max(1000).nullable(),
  osUser: z.string().max(300),
  machine: z.string().max(300),
  detail: z.string().max(2000).nullable(),
  prev: sha256Hex,
  hash: sha256Hex,
})

/** Over the fields in a fixed order, so the hash never depends on how a JSON writer orders keys. */
export function entryHash(entry: Omit<AccessEntry, 'hash'>): string {
  const fields = [entry.seq, entry.at, entry.action, entry.customerId, entry.companyName, entry.osUser, entry.machine, entry.detail, entry.prev]
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex')
}

export function sealEntry(entry: Omit<AccessEntry, 'hash'>): AccessEntry {
  return { ...entry, hash: entryHash(entry) }
}

export function entryLine(entry: AccessEntry): string {
  const { seq, at, action, customerId, companyName, osUser, machine, detail, prev, hash } = entry
  return `${JSON.stringify({ seq, at, action, customerId, companyName, osUser, machine, detail, prev, hash })}\n`
}

/** A line of the file: an entry, a JSON object that is no entry (changed by hand), or a line cut short. */
export type LogLine = { line: number; entry: AccessEntry } | { line: number; malformed: { seq: number | null } } | { line: number; torn: true }

export function readLogLines(text: string): LogLine[] {
  const lines: LogLine[] = []
  text.split('\n').forEach((raw, index) => {
    // The file ends with a newline; a blank line holds nothing to check.
    if (raw.trim() === '') return
    const line = index + 1
    let parsed: unknown
    try {
      parsed = JSON.parse(raw)
    } catch {
      lines.push({ line, torn: true })
      return
    }
    const entry = entrySchema.safeParse(parsed)
    if (entry.success) lines.push({ line, entry: entry.data })
    else {
      const seq = typeof parsed === 'object' && parsed !== null && Number.isInteger((parsed as { seq?: unknown }).seq) ? Number((parsed as { seq: number }).seq) : null
      lines.push({ line, malformed: { seq } })
    }
  })
  return lines
}

export const logEntries = (lines: readonly LogLine[]): AccessEntry[] => lines.flatMap((line) => ('entry' in line ? [line.entry] : []))

/** Where the next entry continues the chain: after the last entry the file holds, whatever came before it. */
export function chainTail(text: string): { seq: number; hash: string; endsWithNewline: boolean } {
  const last = logEntries(readLogLines(text)).at(-1)
  return { seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH, endsWithNewline: text === '' || text.endsWith('\n') }
}

const range = (from: number, to: number): string => (from === to ? `Entry ${from} is` : `Entries ${from} to ${to} are`)

/**
 * Walks the chain and names each place it breaks. After a break the walk goes on from the entry it
 * stopped at, so one edit is reported once and the entries after it still count as checked.
 */
export function verifyLines(lines: readonly LogLine[]): { entries: number; breaks: ChainBreak[] } {
  const breaks: ChainBreak[] = []
  const seqs = lines.map((line) => ('entry' in line ? line.entry.seq : 'malformed' in line ? line.malformed.seq : null))
  let lastSeq = 0
  let lastHash = GENESIS_HASH
  let entries = 0
  lines.forEach((item, index) => {
    const { line } = item
    if ('torn' in item) {
      const where = index === lines.length - 1 ? 'The last line' : `Line ${line}`
      breaks.push({ kind: 'torn', line, entry: null, message: `${where} is not a whole entry: a write cut short by a crash or a power cut. No entry before it is affected, and the desk wrote on from a new line.` })
      return
    }
    if ('malformed' in item) {
      const seq = item.malformed.seq
      breaks.push({ kind: 'edited', line, entry: seq, message: `Line ${line}${seq === null ? '' : ` (entry ${seq})`} was changed after it was written: it is no longer an entry the desk writes.` })
      if (seq !== null && seq > lastSeq) lastSeq = seq
      return
    }
    const { entry } = item
    entries += 1
    const later = (seq: number) => seqs.slice(index + 1).includes(seq)
    if (entryHash(entry) !== entry.hash) {
      breaks.push({ kind: 'edited', line, entry: entry.seq, message: `Entry ${entry.seq} (line ${line}) was changed after it was written: its contents no longer match its hash.` })
    } else if (entry.seq <= lastSeq) {
      breaks.push({ kind: 'reordered', line, entry: entry.seq, message: `Entry ${entry.seq} (line ${line}) comes after entry ${lastSeq}: the entries were reordered.` })
      // A moved entry does not move the chain back: the next one is checked against the newest seen.
      return
    } else if (entry.seq > lastSeq + 1) {
      const missing = Array.from({ length: entry.seq - lastSeq - 1 }, (_, offset) => lastSeq + 1 + offset)
      if (missing.some(later)) {
        breaks.push({ kind: 'reordered', line, entry: entry.seq, message: `Entry ${entry.seq} (line ${line}) comes before entry ${lastSeq + 1}: the entries were reordered.` })
      } else {
        const after = lastSeq === 0 ? 'the start of the log' : `entry ${lastSeq}`
        breaks.push({ kind: 'removed', line, entry: entry.seq, message: `${range(lastSeq + 1, entry.seq - 1)} missing: entry ${entry.seq} (line ${line}) follows ${after}. Entries were removed.` })
      }
    } else if (entry.prev !== lastHash) {
      const before = lastSeq === 0 ? 'the start of the log' : `entry ${lastSeq}`
      breaks.push({ kind: 'edited', line, entry: entry.seq, message: `Entry ${entry.seq} (line ${line}) does not follow ${before}: ${before} was changed or replaced.` })
    }
    lastSeq = entry.seq
    lastHash = entry.hash
  })
  return { entries, breaks }
}
