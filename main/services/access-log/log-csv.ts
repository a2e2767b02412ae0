import { stringify } from 'csv-stringify/sync'
import { ACCESS_ACTION_LABELS } from '../../common/access-actions'
import type { AccessEntryView } from '../../common/contract/access-log'
import { neutraliseFormula } from '../exports/formula-guard'

const HEADERS = ['Entry', 'Time (UTC)', 'Action', 'Customer ID', 'Customer Company Name', 'OS user', 'Machine', 'Detail']

/** As the customer list's CSV: UTF-8 with a byte-order mark, CRLF, every cell quoted and guarded against formulas. */
export function accessLogCsv(entries: readonly AccessEntryView[]): string {
  const rows = entries.map((entry) =>
    [String(entry.seq), entry.at, ACCESS_ACTION_LABELS[entry.action], entry.customerId ?? '', entry.companyName ?? '', entry.osUser, entry.machine, entry.detail ?? ''].map(neutraliseFormula),
  )
  return stringify([HEADERS, ...rows], { bom: true, record_delimiter: 'windows', quoted: true, quoted_empty: true })
}
