import { useDesk } from '../store/desk-context'

/** Confirmations and warnings that follow an action, announced politely to screen readers. */
export function NoticeBar() {
  const notice = useDesk((state) => state.notice)
  const clearNotice = useDesk((state) => state.clearNotice)
  if (!notice) return <div className="notice-bar" role="status" aria-live="polite" />
  return (
    <div className={`notice-bar notice-bar--${notice.kind}`} role="status" aria-live="polite">
      <span>{notice.text}</span>
      <button type="button" className="link-button" onClick={clearNotice} aria-label="Dismiss message">
        ×
      </button>
    </div>
  )
}
