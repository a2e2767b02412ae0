/**
 * Which customers of the list are selected, for the actions on several at once (sheets, exports). A
 * plain reducer over the ids, so the rules are tested without a page. The anchor is where a Shift
 * range starts: the last customer clicked or toggled on its own. The customer whose detail is shown
 * is the store's `selectedId`, apart from this.
 */
export interface Selection {
  ids: ReadonlySet<string>
  anchor: string | null
}

export type SelectionAction =
  /** A plain click or Enter: this customer alone. */
  | { type: 'only'; id: string }
  /** Ctrl/Cmd+click or Space: in or out, the others as they are. */
  | { type: 'toggle'; id: string }
  /** Shift+click or Shift+arrows: from the anchor to here in the list's order; `add` (Ctrl+Shift) keeps the others too. */
  | { type: 'extend'; id: string; order: readonly string[]; add?: boolean }
  /** The select-all for the filtered view, Ctrl/Cmd+A. */
  | { type: 'all'; order: readonly string[] }
  | { type: 'clear' }

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: null }

function range(order: readonly string[], from: string, to: string): string[] {
  const start = order.indexOf(from)
  const end = order.indexOf(to)
  if (start === -1 || end === -1) return end === -1 ? [] : [to]
  return order.slice(Math.min(start, end), Math.max(start, end) + 1)
}

export function selectionReducer(state: Selection, action: SelectionAction): Selection {
  switch (action.type) {
    case 'only':
      return { ids: new Set([action.id]), anchor: action.id }
    case 'toggle': {
      const ids = new Set(state.ids)
      if (ids.has(action.id)) ids.delete(action.id)
      else ids.add(action.id)
      return { ids, anchor: action.id }
    }
    case 'extend': {
      // An anchor filtered out of view (or none yet) starts the range here.
      const anchor = state.anchor !== null && action.order.includes(state.anchor) ? state.anchor : action.id
      const span = range(action.order, anchor, action.id)
      return { ids: new Set(action.add ? [...state.ids, ...span] : span), anchor }
    }
    case 'all':
      return { ids: new Set(action.order), anchor: state.anchor }
    case 'clear':
      return EMPTY_SELECTION
  }
}

/** The selected customers among those shown, in the list's order: what an action on the selection works on. */
export function selectedInView<T extends { id: string }>(selection: Selection, shown: readonly T[]): T[] {
  if (selection.ids.size === 0) return []
  return shown.filter((item) => selection.ids.has(item.id))
}
