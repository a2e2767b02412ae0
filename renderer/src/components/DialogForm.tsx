import type { FormEvent, KeyboardEventHandler, PointerEventHandler, ReactNode } from 'react'
import { ModalDialog } from './ModalDialog'

/** The dialog's main button: it submits the form unless it has its own `onClick`. */
export interface DialogAction {
  label: string
  onClick?(): void
  /** A job is running: the button refuses a second click, and says so with `busyLabel` if given. */
  busy?: boolean
  busyLabel?: string
  /**
   * How a busy button refuses: `disabled` (the default) takes it out of use; `aria-disabled` keeps it
   * focusable, so the focus is not dropped while main's save or open dialog is up.
   */
  whileBusy?: 'disabled' | 'aria-disabled'
  /** Refused for a reason other than a running job (the file has problems, say). */
  disabled?: boolean
  /** Takes the focus when the dialog opens (ModalDialog's `data-autofocus`). */
  autoFocus?: boolean
  describedBy?: string
}

interface DialogFormProps {
  title: string
  onEscape(): void
  className?: string
  /** With it, body and buttons are one form (Enter submits; the desk's messages, not the browser's). Without it, a dialog with buttons. */
  onSubmit?(event: FormEvent<HTMLFormElement>): void
  onKeyDown?: KeyboardEventHandler<HTMLFormElement>
  onPointerDownCapture?: PointerEventHandler<HTMLFormElement>
  /** What the dialog does, above the error. */
  intro?: ReactNode
  /** The message that belongs to no field; focusable, so moving the focus to `id` reads it out. */
  error?: { id: string; message: string | null }
  children?: ReactNode
  /** The first button; it says "Cancel" unless `cancelLabel` says otherwise. */
  onCancel?(): void
  cancelLabel?: string
  /** Buttons between Cancel and the main one, such as "Choose another file…". */
  secondary?: ReactNode
  primary?: DialogAction
  /** In place of the whole button row, such as a question asked before discarding. */
  footer?: ReactNode
}

function PrimaryButton({ action }: { action: DialogAction }) {
  const { label, onClick, busy = false, busyLabel, whileBusy = 'disabled', disabled = false, autoFocus = false, describedBy } = action
  const refusal = whileBusy === 'disabled' ? { disabled: busy || disabled } : { disabled, 'aria-disabled': busy || undefined }
  return (
    <button
      type={onClick ? 'button' : 'submit'}
      className="primary"
      onClick={onClick}
      {...refusal}
      aria-describedby={describedBy}
      data-autofocus={autoFocus || undefined}
    >
      {busy && busyLabel ? busyLabel : label}
    </button>
  )
}

/**
 * The skeleton the desk's dialogs share: a modal with its body (an optional intro, the form's own
 * error, the fields) and a button row of Cancel, any others, and the main button that refuses while busy.
 */
export function DialogForm(props: DialogFormProps) {
  const { title, onEscape, className, onSubmit, onKeyDown, onPointerDownCapture, intro, error, children } = props
  const { onCancel, cancelLabel = 'Cancel', secondary, primary, footer } = props
  const content = (
    <>
      <div className="modal__body">
        {intro}
        {error?.message ? (
          <p id={error.id} className="form-error" role="alert" tabIndex={-1}>
            {error.message}
          </p>
        ) : null}
        {children}
      </div>
      <div className="modal__footer">
        {footer ?? (
          <>
            {onCancel ? (
              <button type="button" onClick={onCancel}>
                {cancelLabel}
              </button>
            ) : null}
            {secondary}
            {primary ? <PrimaryButton action={primary} /> : null}
          </>
        )}
      </div>
    </>
  )
  return (
    <ModalDialog title={title} onEscape={onEscape} className={className}>
      {onSubmit ? (
        <form className="modal__form" noValidate onSubmit={onSubmit} onKeyDown={onKeyDown} onPointerDownCapture={onPointerDownCapture}>
          {content}
        </form>
      ) : (
        content
      )}
    </ModalDialog>
  )
}
