import type { ReactNode } from 'react'

interface DetailFieldProps {
  /** The portal's own label, so staff can copy field by field. */
  label: string
  /** The text shown and copied; null or empty shows a dash and no Copy button. */
  value: string | null
  /** Shown instead of the value when it reads better another way (the copy is still `value`). */
  display?: ReactNode
  hint?: ReactNode
  onCopy?(label: string, text: string): void
}

function CopyIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" className="copy-button__icon">
      <rect x="5.5" y="5.5" width="8" height="9" rx="1.5" />
      <path d="M3.5 10.5h-.5A1.5 1.5 0 0 1 1.5 9V2.5A1.5 1.5 0 0 1 3 1h5.5A1.5 1.5 0 0 1 10 2.5V3" />
    </svg>
  )
}

/** One label and value of the detail view, with a Copy button for pasting into the portal. */
export function DetailField({ label, value, display, hint, onCopy }: DetailFieldProps) {
  const text = value ?? ''
  const empty = text === ''
  return (
    <div className="detail-field">
      <dt>{label}</dt>
      <dd>
        <span className="detail-field__value">
          {empty ? <span className="none-value">—</span> : (display ?? text)}
          {hint ? <span className="detail-field__hint">{hint}</span> : null}
        </span>
        {onCopy && !empty ? (
          <button type="button" className="copy-button" aria-label={`Copy ${label}`} title={`Copy ${label}`} onClick={() => onCopy(label, text)}>
            <CopyIcon />
            Copy
          </button>
        ) : null}
      </dd>
    </div>
  )
}
