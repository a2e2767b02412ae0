import { useEffect, useId, useRef, type ReactNode } from 'react'
import { formats } from '../../formats'
import { formatCount } from './customer-format'
import { SERVICE_FILTERS, type CustomerQuery } from './customer-query'
import { PasswordAgeFilter } from './PasswordAgeFilter'
import { OnboardingFilterToggle } from './OnboardingFilterToggle'

interface CustomerToolbarProps {
  query: CustomerQuery
  onChange(change: Partial<CustomerQuery>): void
  shown: number
  total: number
  /** Buttons at the end of the toolbar (the deletion log). */
  actions?: ReactNode
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

/** Search as you type and the service filter; Ctrl+F or "/" jumps to the search box, Esc clears it. */
export function CustomerToolbar({ query, onChange, shown, total, actions }: CustomerToolbarProps) {
  const searchId = useId()
  const filterId = useId()
  const searchRef = useRef<HTMLInputElement>(null)

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey) return
      const findKey = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f'
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !isTyping(event.target)
      if (!findKey && !slash) return
      // Not while a dialog is open: the shortcut must not reach behind it.
      if (document.querySelector('[aria-modal="true"], dialog[open]')) return
      event.preventDefault()
      searchRef.current?.focus()
      searchRef.current?.select()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])

  return (
    <div className="list-toolbar">
      <div className="search-box">
        <label htmlFor={searchId} className="visually-hidden">
          Search customers
        </label>
        <svg className="search-box__icon" viewBox="0 0 16 16" aria-hidden="true">
          <circle cx="7" cy="7" r="4.5" />
          <path d="M10.5 10.5 14 14" />
        </svg>
        <input
          ref={searchRef}
          id={searchId}
          type="search"
          value={query.search}
          placeholder="Search company, username, e-mail, domain…"
          autoComplete="off"
          spellCheck={false}
          aria-keyshortcuts="Control+F /"
          onChange={(event) => onChange({ search: event.target.value })}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && query.search !== '') {
              event.preventDefault()
              onChange({ search: '' })
            }
          }}
        />
        <kbd className="search-box__hint" aria-hidden="true">
          /
        </kbd>
      </div>
      <div className="filter-box">
        <label htmlFor={filterId}>Filter by service</label>
        <select id={filterId} value={query.service} onChange={(event) => {
            const service = SERVICE_FILTERS.find((filter) => filter.value === event.target.value)?.value
            if (service) onChange({ service })
          }}>
          {SERVICE_FILTERS.map(({ value, label }) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <PasswordAgeFilter days={query.passwordOlderThanDays} onChange={(days) => onChange({ passwordOlderThanDays: days })} />
      <OnboardingFilterToggle query={query} onChange={onChange} />
      <p className="list-count" aria-live="polite">
        {formatCount(shown)} of {formats.plural(total, 'customer')}
      </p>
      {actions}
    </div>
  )
}
