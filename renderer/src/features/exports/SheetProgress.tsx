import { useEffect, useId, useRef } from 'react'
import type { SheetStarted } from '../../../../main/common/contract'
import { useDesk } from '../../store/desk-context'
import { ModalDialog } from '../../components/ModalDialog'
import { plural, sheetProgressText } from './export-text'
import { useSheetJob } from './use-sheet-job'

interface SheetProgressProps {
  title: string
  started: SheetStarted
  onClose(): void
  /** Main stopped the job and removed its temp file. */
  onCancelled(): void
}

/** "N of M" while main makes the PDF; Cancel (or Esc) stops it, and the end says where the file is. */
export function SheetProgress({ title, started, onClose, onCancelled }: SheetProgressProps) {
  const { progress, lostMessage, cancelling, cancel } = useSheetJob(started)
  const showNotice = useDesk((state) => state.showNotice)
  const labelId = useId()
  const closeRef = useRef<HTMLButtonElement>(null)
  const running = progress.state === 'running' && lostMessage === null
  const percent = progress.total === 0 ? 100 : Math.round((progress.done / progress.total) * 100)

  useEffect(() => {
    if (progress.state === 'done') showNotice('info', `Saved ${plural(progress.total, 'customer sheet')} to ${progress.filePath}`)
  }, [progress.state, progress.total, progress.filePath, showNotice])

  useEffect(() => {
    // The Cancel button the focus was on is gone: the next thing to do is to close.
    if (!running) closeRef.current?.focus()
  }, [running])

  async function stop() {
    if (cancelling) return
    const end = await cancel()
    if (end?.state === 'cancelled') onCancelled()
  }

  return (
    <ModalDialog title={title} onEscape={() => (running ? void stop() : onClose())} className="modal--exports">
      <div className="modal__body">
        <p id={labelId}>
          {progress.state === 'done' ? 'Made' : progress.state === 'running' ? 'Making' : 'Stopped making'} {plural(progress.total, 'customer sheet')}
        </p>
        <div
          className="progress"
          role="progressbar"
          aria-labelledby={labelId}
          aria-valuemin={0}
          aria-valuemax={progress.total}
          aria-valuenow={progress.done}
          aria-valuetext={sheetProgressText(progress.done, progress.total)}
        >
          <div className="progress__bar" style={{ width: `${percent}%` }} />
        </div>
        <p className="progress__count" aria-hidden="true">
          {progress.done} of {progress.total}
        </p>
        {progress.state === 'running' ? (
          <p className="field__hint">
            Saving to <code>{progress.filePath}</code>
          </p>
        ) : null}
        {progress.state === 'done' ? (
          <p className="export-done" role="status">
            Saved {plural(progress.total, 'customer sheet')} to <code>{progress.filePath}</code>.
          </p>
        ) : null}
        {progress.state === 'failed' || lostMessage ? (
          <p className="form-error" role="alert">
            {lostMessage ?? progress.message ?? 'The sheets could not be made. Nothing was saved.'}
          </p>
        ) : null}
      </div>
      <div className="modal__footer">
        {running ? (
          <button type="button" onClick={() => void stop()} aria-disabled={cancelling || undefined}>
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        ) : (
          <button ref={closeRef} type="button" className="primary" onClick={onClose}>
            Close
          </button>
        )}
      </div>
    </ModalDialog>
  )
}
