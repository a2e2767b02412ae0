import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import './menu-button.css'

export interface MenuItem {
  label: string
  /** Draws a line above the item, between groups of actions. */
  separatorBefore?: boolean
  /** Why the item cannot be used now; the item stays focusable so the reason can be read. */
  disabledReason?: string | undefined
  onSelect(): void
}

interface MenuButtonProps {
  label: string
  items: MenuItem[]
  /** While an action started from the menu waits (a native file dialog is open), the button says so and ignores clicks. */
  busy?: boolean
}

/**
 * The WAI-ARIA menu button: Enter, Space or ↓ opens on the first item, ↑ on the last; ↑/↓/Home/End
 * move, Enter or Space picks, Esc closes and gives the focus back to the button, Tab closes.
 */
export function MenuButton({ label, items, busy = false }: MenuButtonProps) {
  const menuId = useId()
  const buttonRef = useRef<HTMLButtonElement>(null)
  const menuRef = useRef<HTMLUListElement>(null)
  const itemRefs = useRef<(HTMLLIElement | null)[]>([])
  const [openAt, setOpenAt] = useState<number | null>(null)
  const open = openAt !== null

  useEffect(() => {
    if (openAt !== null) itemRefs.current[openAt]?.focus()
  }, [openAt])

  useEffect(() => {
    if (!open) return
    const closeOutside = (event: PointerEvent) => {
      const target = event.target as Node | null
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpenAt(null)
    }
    document.addEventListener('pointerdown', closeOutside)
    return () => document.removeEventListener('pointerdown', closeOutside)
  }, [open])

  function close() {
    setOpenAt(null)
    buttonRef.current?.focus()
  }

  function pick(index: number) {
    const item = items[index]
    if (!item || item.disabledReason) return
    // Focus is back on the button before the action opens a dialog, so the dialog returns it there.
    close()
    item.onSelect()
  }

  function onButtonKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (busy) return
    if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      setOpenAt(0)
    } else if (event.key === 'ArrowUp') {
      event.preventDefault()
      setOpenAt(items.length - 1)
    }
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    if (openAt === null) return
    const last = items.length - 1
    const moves: Record<string, number> = {
      ArrowDown: openAt === last ? 0 : openAt + 1,
      ArrowUp: openAt === 0 ? last : openAt - 1,
      Home: 0,
      End: last,
    }
    const next = moves[event.key]
    if (next !== undefined) {
      event.preventDefault()
      setOpenAt(next)
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      pick(openAt)
    } else if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      close()
    } else if (event.key === 'Tab') {
      // Focus is on the button before Tab's own move, so Tab goes on from the menu button.
      close()
    } else if (event.key.length === 1 && /\S/.test(event.key)) {
      // Type-ahead: the next item starting with the letter typed.
      const letter = event.key.toLowerCase()
      const order = items.map((_, offset) => (openAt + 1 + offset) % items.length)
      const found = order.find((index) => items[index]?.label.toLowerCase().startsWith(letter))
      if (found !== undefined) setOpenAt(found)
    }
  }

  return (
    <div className="menu-button">
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-busy={busy || undefined}
        onClick={() => {
          if (!busy) setOpenAt(open ? null : 0)
        }}
        onKeyDown={onButtonKeyDown}
      >
        {label}
        <span className="menu-button__caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open ? (
        <ul ref={menuRef} id={menuId} role="menu" aria-label={label} className="menu" onKeyDown={onMenuKeyDown}>
          {items.map((item, index) => [
            item.separatorBefore ? <li key={`${item.label}-separator`} role="separator" className="menu__separator" /> : null,
            <li
              key={item.label}
              ref={(element) => {
                itemRefs.current[index] = element
              }}
              role="menuitem"
              tabIndex={-1}
              aria-disabled={item.disabledReason ? true : undefined}
              title={item.disabledReason}
              className="menu__item"
              onClick={() => pick(index)}
              onPointerMove={() => {
                if (openAt !== index) setOpenAt(index)
              }}
            >
              {item.label}
              {item.disabledReason ? <span className="menu__reason">{item.disabledReason}</span> : null}
            </li>,
          ])}
        </ul>
      ) : null}
    </div>
  )
}
