import type { AccessEntryView, AccessLogFilter } from '../../common/contract/access-log'

/** The entries the page asked for: by action, by time (from inclusive, to exclusive) and by customer. */
export function matchesFilter(entry: AccessEntryView, filter: AccessLogFilter): boolean {
  if (filter.actions && filter.actions.length > 0 && !filter.actions.includes(entry.action)) return false
  if (filter.customerId !== undefined && entry.customerId !== filter.customerId) return false
  const at = Date.parse(entry.at)
  if (filter.from !== undefined && at < Date.parse(filter.from)) return false
  if (filter.to !== undefined && at >= Date.parse(filter.to)) return false
  return true
}
