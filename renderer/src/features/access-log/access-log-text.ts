import { ACCESS_ACTION_LABELS, type AccessAction } from '../../../../main/common/access-actions'
import type { AccessEntryView, AccessLogFilter, ChainReport, ExposedCustomer } from '../../../../main/common/contract'
import { formats } from '../../formats'

/** Words and small decisions of the access log's views (pure). */

export const ENTRIES = { one: '# entry', other: '# entries' }
export const MATCHING_ENTRIES = { one: '# matching entry', other: '# matching entries' }

export const actionLabel = (action: AccessAction): string => ACCESS_ACTION_LABELS[action]

/** "alice on LAPTOP-7": who did it, and at which computer. */
export const whoAndWhere = (entry: Pick<AccessEntryView, 'osUser' | 'machine'>): string => `${entry.osUser} on ${entry.machine}`

export const formatWhen = formats.dateTime

/** The start of a local day typed as YYYY-MM-DD, as an instant; null for anything else. */
function startOfDay(day: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!match) return null
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
  return Number.isNaN(date.getTime()) ? null : date
}

export interface FilterInput {
  action: AccessAction | ''
  fromDay: string
  toDay: string
}

/**
 * The filter as main takes it: the user's local days turned into instants (From at the day's start, To
 * up to the next day's start), or the message for the field that is wrong.
 */
export function filterFromInput(input: FilterInput): { filter: AccessLogFilter } | { field: 'fromDay' | 'toDay'; message: string } {
  const from = input.fromDay === '' ? null : startOfDay(input.fromDay)
  const to = input.toDay === '' ? null : startOfDay(input.toDay)
  if (input.fromDay !== '' && !from) return { field: 'fromDay', message: 'Enter the From day as a date.' }
  if (input.toDay !== '' && !to) return { field: 'toDay', message: 'Enter the To day as a date.' }
  if (from && to && from > to) return { field: 'toDay', message: 'The To day is before the From day.' }
  const until = to ? new Date(to.getFullYear(), to.getMonth(), to.getDate() + 1) : null
  return {
    filter: {
      ...(input.action ? { actions: [input.action] } : {}),
      ...(from ? { from: from.toISOString() } : {}),
      ...(until ? { to: until.toISOString() } : {}),
    },
  }
}

/** What Verify chain found, in one sentence for the status line. */
export function chainSummary(report: ChainReport): string {
  const entries = formats.plural(report.entries, ENTRIES)
  const torn = report.breaks.filter((found) => found.kind === 'torn').length
  const tornText = torn === 0 ? '' : ` ${formats.plural(torn, { one: '# line was', other: '# lines were' })} cut short by a crash; no entry was lost by it.`
  if (report.intact) return `The chain is intact: ${entries}, each following the one before it.${tornText}`
  const first = report.breaks.find((found) => found.kind !== 'torn')
  return `The chain breaks at line ${first?.line ?? '?'}: the log was changed outside the desk.`
}

/** "Revealed 2×, copied 1×" for an exposed customer. */
export function exposureText(counts: ExposedCustomer['counts']): string {
  const words: [AccessAction, string][] = [
    ['password-reveal', 'revealed'],
    ['password-copy', 'copied'],
    ['password-print', 'printed'],
  ]
  const parts = words.flatMap(([action, word]) => (counts[action] ? [`${word} ${counts[action]}×`] : []))
  const text = parts.join(', ')
  return text.charAt(0).toUpperCase() + text.slice(1)
}
