import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react'
import type { CustomerListItem } from '../../../../main/common/contract'
import { adjustableVendorOf } from '../../../../main/common/vendors/adjustable'
import type { SelectionAction } from '../../store/selection'
import { CUSTOMER_COLUMNS, type CustomerColumn } from './customer-columns'
import './customer-columns.css'
import type { SortColumn, SortDirection } from './customer-query'

// Fixed heights keep the virtual rows and the sticky header in step with the CSS.
const ROW_HEIGHT = 44
const HEADER_HEIGHT = 40

interface CustomerGridProps {
  customers: readonly CustomerListItem[]
  /** The customer whose detail is shown. */
  selectedId: string | null
  /** The customers selected for actions on several at once. */
  selection: ReadonlySet<string>
  onSelection(action: SelectionAction): void
  sort: SortColumn
  direction: SortDirection
  onSort(column: SortColumn): void
  onOpen(id: string): void
  /** L on a row, or its licenses button: the license and storage editor (the list decides what a customer without adjustable figures gets). */
  onEditLicenses(id: string): void
}

function LicensesIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" className="row-action__icon">
      <path d="M2.5 4h11M2.5 8h11M2.5 12h11" />
      <circle cx="5.5" cy="4" r="1.6" />
      <circle cx="10.5" cy="8" r="1.6" />
      <circle cx="7" cy="12" r="1.6" />
    </svg>
  )
}

/** Which column a cell is in, for the layout of a narrow list (the sort key, stable while labels change). */
const columnKey = (column: CustomerColumn): string => column.sort ?? 'services'

/**
 * The customers as a virtualised grid: only the rows in view are in the DOM. One row at a time is
 * in the tab order; the arrow keys, Home/End and PageUp/PageDown move it, Enter opens the detail and
 * L the license and storage editor. Several customers are selected as in a file list: Ctrl/Cmd+click
 * and Space toggle one, Shift+click and Shift with the movement keys extend from the anchor, Ctrl/Cmd+A
 * selects every customer shown; a plain click or Enter opens one and selects it alone.
 */
export function CustomerGrid({ customers, selectedId, selection, onSelection, sort, direction, onSort, onOpen, onEditLicenses }: CustomerGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const [activeId, setActiveId] = useState<string | null>(selectedId)
  const focusPending = useRef(false)
  const found = activeId === null ? -1 : customers.findIndex((customer) => customer.id === activeId)
  const activeIndex = Math.max(0, found)

  // The same function while the list is the same: a new one makes the virtualizer measure every row again.
  const getItemKey = useCallback((index: number) => customers[index]?.id ?? index, [customers])

  // The app does not use the React Compiler, so a virtualizer that cannot be memoized costs nothing here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: customers.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    getItemKey,
    // The row that holds the focus stays mounted even when scrolled out of view, so focus is never lost.
    rangeExtractor: (range) => {
      const indexes = defaultRangeExtractor(range)
      if (activeIndex < customers.length && !indexes.includes(activeIndex)) indexes.push(activeIndex)
      return indexes.sort((a, b) => a - b)
    },
    useFlushSync: false,
  })

  // Bring a customer selected elsewhere (e.g. just saved in the form) into view.
  useEffect(() => {
    if (selectedId === null) return
    const index = customers.findIndex((customer) => customer.id === selectedId)
    if (index !== -1) virtualizer.scrollToIndex(index, { align: 'auto' })
    // Only when the selection changes, not on every list change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedId])

  useEffect(() => {
    if (!focusPending.current) return
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`)
    if (row) {
      focusPending.current = false
      row.focus({ preventScroll: true })
    }
  })

  const order = (): string[] => customers.map((customer) => customer.id)
  /** Ctrl (Cmd on macOS) adds to the selection; on macOS Ctrl+click is the context menu's. */
  const adds = (event: { ctrlKey: boolean; metaKey: boolean }): boolean => event.ctrlKey || event.metaKey

  /** Moves the focus; with Shift the selection follows, from the anchor to the row reached. */
  function moveTo(index: number, event?: KeyboardEvent<HTMLDivElement>) {
    const next = Math.min(Math.max(index, 0), customers.length - 1)
    const customer = customers[next]
    if (!customer) return
    setActiveId(customer.id)
    focusPending.current = true
    virtualizer.scrollToIndex(next, { align: 'auto' })
    if (event?.shiftKey) onSelection({ type: 'extend', id: customer.id, order: order(), add: adds(event) })
  }

  function onRowClick(event: MouseEvent<HTMLDivElement>, id: string) {
    if (event.shiftKey) {
      onSelection({ type: 'extend', id, order: order(), add: adds(event) })
      event.currentTarget.focus({ preventScroll: true })
    } else if (adds(event)) {
      onSelection({ type: 'toggle', id })
    } else {
      onOpen(id)
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // Keys pressed on a row's own button (after a click gave it the focus) are that button's.
    if (event.target instanceof HTMLElement && event.target.getAttribute('role') !== 'row') return
    const pageRows = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 0) - HEADER_HEIGHT) / ROW_HEIGHT) - 1)
    switch (event.key) {
      case 'ArrowDown':
        moveTo(activeIndex + 1, event)
        break
      case 'ArrowUp':
        moveTo(activeIndex - 1, event)
        break
      case 'PageDown':
        moveTo(activeIndex + pageRows, event)
        break
      case 'PageUp':
        moveTo(activeIndex - pageRows, event)
        break
      case 'Home':
        moveTo(0, event)
        break
      case 'End':
        moveTo(customers.length - 1, event)
        break
      case 'Enter': {
        const customer = customers[activeIndex]
        if (customer) onOpen(customer.id)
        break
      }
      case ' ': {
        const customer = customers[activeIndex]
        if (!customer) break
        onSelection(event.shiftKey ? { type: 'extend', id: customer.id, order: order(), add: adds(event) } : { type: 'toggle', id: customer.id })
        break
      }
      case 'a':
      case 'A':
        if (!adds(event) || event.altKey || event.shiftKey) return
        onSelection({ type: 'all', order: order() })
        break
      case 'l':
      case 'L': {
        const customer = customers[activeIndex]
        if (!customer || event.ctrlKey || event.metaKey || event.altKey) return
        onEditLicenses(customer.id)
        break
      }
      default:
        return
    }
    event.preventDefault()
  }

  return (
    <div
      ref={scrollRef}
      className="customer-grid"
      role="grid"
      aria-label="Customers"
      aria-multiselectable="true"
      // No aria-colcount: a narrow list hides the Services column, and the columns present are then the true count.
      aria-rowcount={customers.length + 1}
    >
      <div role="rowgroup" className="customer-grid__head" style={{ height: HEADER_HEIGHT }}>
        <div role="row" aria-rowindex={1} className="grid-row grid-row--head">
          {CUSTOMER_COLUMNS.map((column) => {
            const sorted = column.sort !== undefined && column.sort === sort
            return (
              <div
                key={column.label}
                role="columnheader"
                aria-sort={sorted ? direction : undefined}
                data-column={columnKey(column)}
                className={column.numeric ? 'grid-cell grid-cell--numeric' : 'grid-cell'}
                // A narrow list may cut the label short: the full name, with its portal, on hover.
                title={column.vendor ? `${column.vendor}: ${column.label}` : column.label}
              >
                {column.vendor ? <span className="header-vendor">{column.vendor}</span> : null}
                {column.sort ? (
                  <button type="button" className="sort-button" onClick={() => column.sort && onSort(column.sort)}>
                    {column.label}
                    <span className={sorted ? 'sort-arrow sort-arrow--active' : 'sort-arrow'} aria-hidden="true">
                      {sorted && direction === 'descending' ? '▼' : '▲'}
                    </span>
                  </button>
                ) : (
                  <span className="header-label">{column.label}</span>
                )}
              </div>
            )
          })}
          <div role="columnheader" className="grid-cell">
            <span className="visually-hidden">Actions</span>
          </div>
        </div>
      </div>
      <div role="rowgroup" className="customer-grid__body" style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown}>
        {virtualizer.getVirtualItems().map((item) => {
          const customer = customers[item.index]
          if (!customer) return null
          const selected = selection.has(customer.id)
          const open = customer.id === selectedId
          const action = adjustableVendorOf(customer)?.adjustments.texts.action
          return (
            <div
              key={item.key}
              role="row"
              data-index={item.index}
              aria-rowindex={item.index + 2}
              aria-selected={selected}
              // The customer whose detail is shown, whether or not it is in the selection.
              aria-current={open || undefined}
              tabIndex={item.index === activeIndex ? 0 : -1}
              aria-keyshortcuts={action ? 'L' : undefined}
              className={['grid-row', selected ? 'grid-row--selected' : '', open ? 'grid-row--open' : ''].filter(Boolean).join(' ')}
              style={{ height: ROW_HEIGHT, transform: `translateY(${item.start - HEADER_HEIGHT}px)` }}
              onFocus={() => setActiveId(customer.id)}
              // Shift+click would otherwise select the text between the two rows.
              onMouseDown={(event) => {
                if (event.shiftKey) event.preventDefault()
              }}
              onClick={(event) => onRowClick(event, customer.id)}
            >
              {CUSTOMER_COLUMNS.map((column) => {
                const content = column.render(customer)
                return (
                  <div
                    key={column.label}
                    role="cell"
                    data-column={columnKey(column)}
                    // A value cut short by the column's width is still whole in the cell's text (what a screen reader reads) and on hover.
                    title={typeof content === 'string' ? content : undefined}
                    className={column.numeric ? 'grid-cell grid-cell--numeric' : 'grid-cell'}
                  >
                    {content}
                  </div>
                )
              })}
              <div role="cell" className="grid-cell grid-cell--action">
                {action ? (
                  // Out of the tab order: the row takes the focus, and L does the same. No company in its name:
                  // the row already says it, and the cell would repeat it.
                  <button
                    type="button"
                    tabIndex={-1}
                    className="row-action"
                    aria-label={action}
                    title={`${action} (L)`}
                    onClick={(event) => {
                      event.stopPropagation()
                      onEditLicenses(customer.id)
                    }}
                  >
                    <LicensesIcon />
                  </button>
                ) : null}
              </div>
            </div>
          )
        })}
      </div>
    </div>
  )
}
