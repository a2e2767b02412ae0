import type { LeftOutRows as LeftOut } from '../../../../../main/common/contract'
import { leftOutText } from './mapping-text'

/** What the preset's rule left out of the file, one line per reason; its rows are neither checked nor imported. */
export function LeftOutRows({ leftOut }: { leftOut: LeftOut[] }) {
  if (leftOut.length === 0) return null
  return (
    <ul className="import-left-out" aria-label="Rows left out">
      {leftOut.map((entry) => (
        <li key={entry.reason}>{leftOutText(entry)}</li>
      ))}
    </ul>
  )
}
