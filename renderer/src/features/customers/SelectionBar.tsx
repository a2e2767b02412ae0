import { useEffect, useRef, type ReactNode } from 'react'
import type { CustomerListItem } from '../../../../main/common/contract'
import { useDesk } from '../../store/desk-context'
import { selectedInView } from '../../store/selection'
import { selectAllLabel, selectedCountText } from './selection-text'
import './list-tools.css'

interface SelectionBarProps {
  /** The customers the list shows, in its order: select-all takes these, and the actions get the selected ones among them. */
  shown: readonly CustomerListItem[]
  /** What can be done with the selected customers (sheets, exports), given them in the list's order. */
  actions(selected: CustomerListItem[]): ReactNode
}

/** Above the grid: the select-all checkbox for the filtered view, how many are selected, and what to do with them. */
export function SelectionBar({ shown, actions }: SelectionBarProps) {
  const selection = useDesk((state) => state.selection)
  const changeSelection = useDesk((state) => state.changeSelection)
  const checkboxRef = useRef<HTMLInputElement>(null)
  const selected = selectedInView(selection, shown)
  const all = shown.length > 0 && selected.length === shown.length
  const some = selected.length > 0 && !all

  // "Some" has no attribute in HTML: only the property shows the checkbox half ticked (and says "mixed").
  useEffect(() => {
    if (checkboxRef.current) checkboxRef.current.indeterminate = some
  }, [some])

  return (
    <div className="selection-bar" role="group" aria-label="Selection">
      <label className="check selection-bar__all">
        <input
          ref={checkboxRef}
          type="checkbox"
          checked={all}
          aria-keyshortcuts="Control+A Meta+A"
          onChange={() => changeSelection(all ? { type: 'clear' } : { type: 'all', order: shown.map((customer) => customer.id) })}
        />
        <span>{selectAllLabel(shown.length)}</span>
      </label>
      {selected.length > 0 ? (
        <>
          <p className="selection-bar__count" aria-live="polite">
            {selectedCountText(selected.length)}
          </p>
          {actions(selected)}
          <button type="button" onClick={() => changeSelection({ type: 'clear' })}>
            Clear selection
          </button>
        </>
      ) : null}
    </div>
  )
}
