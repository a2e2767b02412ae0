import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { NEW_CUSTOMER } from '../../../../main/common/vocabulary'
import { FieldFrame, TextField } from '../../components/TextField'
import { useDesk } from '../../store/desk-context'
import { fieldId, type FormState } from './form-state'
import { DialogForm } from '../../components/DialogForm'
import { accountOf } from '../../../../main/common/vendors/accounts'
import { vendors } from '../../../../main/common/vendors/registry'
import { screensOf } from '../../vendors/registry'
import { FORM_ERROR_ID, useCustomerForm, type FormMode } from './use-customer-form'

/** Asked in place of the buttons, so Esc never throws away what the user typed without a second look. */
function DiscardPrompt({ onDiscard, onKeep }: { onDiscard(): void; onKeep(): void }) {
  const keepRef = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null
    const dialog = keepRef.current?.closest<HTMLElement>('[role="dialog"]')
    keepRef.current?.focus()
    // Back where the user was (or at least inside the dialog), so Esc and typing keep working after "Keep editing".
    return () => {
      if (before && dialog?.contains(before)) before.focus()
      else dialog?.focus()
    }
  }, [])
  return (
    <div className="discard-prompt" role="group" aria-labelledby="discard-prompt-text">
      <span id="discard-prompt-text">Discard the changes you typed?</span>
      <button type="button" className="danger" onClick={onDiscard}>
        Discard changes
      </button>
      <button type="button" ref={keepRef} onClick={onKeep}>
        Keep editing
      </button>
    </div>
  )
}

function SectionToggle({ label, detail, checked, onChange }: { label: string; detail: string; checked: boolean; onChange(on: boolean): void }) {
  return (
    <label className="section-toggle">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <span>
        <span className="section-toggle__label">{label}</span>
        <span className="section-toggle__detail">{detail}</span>
      </span>
    </label>
  )
}

/** The create/edit customer dialog: each vendor's fields (main/common/vendors), checked as the user goes and again by main. */
export function CustomerForm({ initial, target }: { initial: FormState; target: FormMode }) {
  const closeEditor = useDesk((state) => state.closeEditor)
  const model = useCustomerForm(initial, target)
  const { state, errors, existing } = model
  const [askingDiscard, setAskingDiscard] = useState(false)
  const creating = existing === null

  function requestCancel() {
    if (askingDiscard) setAskingDiscard(false)
    else if (model.dirty) setAskingDiscard(true)
    else closeEditor()
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault()
    if (!askingDiscard) void model.submit()
  }

  // Enter submits from a checkbox or a list too, as it does from a text field; in the notes it starts a new line.
  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== 'Enter') return
    const target = event.target as HTMLElement
    const isToggle = target instanceof HTMLInputElement && target.type === 'checkbox'
    const isNotesShortcut = target instanceof HTMLTextAreaElement && (event.ctrlKey || event.metaKey)
    if (isToggle || target instanceof HTMLSelectElement || isNotesShortcut) {
      event.preventDefault()
      event.currentTarget.requestSubmit()
    }
  }

  return (
    <DialogForm
      title={existing ? `Edit ${existing.companyName}` : NEW_CUSTOMER}
      onEscape={requestCancel}
      className="modal--form"
      onSubmit={onSubmit}
      onKeyDown={onKeyDown}
      onPointerDownCapture={model.onPointerDownCapture}
      error={{ id: FORM_ERROR_ID, message: model.formError }}
      onCancel={requestCancel}
      primary={{ label: creating ? 'Create customer' : 'Save changes', busy: model.busy, busyLabel: 'Saving…' }}
      footer={askingDiscard ? <DiscardPrompt onDiscard={closeEditor} onKeep={() => setAskingDiscard(false)} /> : undefined}
    >
      <TextField
        id={fieldId('companyName')}
        label="Customer Company Name"
        value={state.companyName}
        onChange={(value) => model.setField('companyName', value)}
        onBlur={() => model.blur('companyName')}
        error={errors.companyName}
        maxLength={200}
        autoComplete="off"
        data-autofocus
      />
      {model.duplicatePending ? (
        <div className="duplicate-confirm">
          <button type="button" onClick={model.confirmDuplicate} disabled={model.busy}>
            {creating ? 'Yes, this is a different customer — create it anyway' : 'Yes, this is a different customer — save it anyway'}
          </button>
        </div>
      ) : null}

      {vendors().map((vendor) => {
        const { FormSection } = screensOf(vendor)
        const on = model.service(vendor.key).on
        return (
          <section key={vendor.key} className="form-section" aria-label={vendor.name}>
            <SectionToggle label={vendor.section.label} detail={vendor.section.detail} checked={on} onChange={(checked) => model.setSection(vendor.key, checked)} />
            {on ? <FormSection vendor={vendor} model={model} /> : null}
            {!on && existing && accountOf(existing, vendor) !== null ? <p className="note note--warning">{vendor.section.removeWarning}</p> : null}
          </section>
        )
      })}

      <FieldFrame id={fieldId('notes')} label="Notes" hint="Optional; for your team only." error={errors.notes}>
        {(control) => (
          <textarea
            {...control}
            value={state.notes}
            maxLength={5000}
            rows={3}
            onChange={(event) => model.setField('notes', event.target.value)}
            onBlur={() => model.blur('notes')}
          />
        )}
      </FieldFrame>
    </DialogForm>
  )
}
