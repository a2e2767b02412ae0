import { useEffect, useMemo, useReducer, useRef, useState } from 'react'
import type { CustomerListItem } from '../../../../main/common/contract'
import { pasteInstruction, portalForms, type FillStep } from '../../../../main/common/portal-fill'
import { ModalDialog } from '../../components/ModalDialog'
import { useDeskApi } from '../../store/desk-context'
import { fillWalk, startWalk, walkFinished } from './fill-walk'
import './portal-fill.css'

const actionText = (step: FillStep): string => (step.kind === 'leave-empty' ? `Next: leave ${step.field} empty` : `Copy ${step.field}`)

/**
 * Walks the portal's form for each customer in turn (one from the detail, or the list's selection): each press of
 * the main button (Enter, as it keeps the focus) copies the next field and says which field of the portal it goes
 * into. Passwords are copied by main through the protected clipboard, exactly like Copy password: the page never
 * sees them.
 */
export function FillPortalPanel({ customers, onClose }: { customers: readonly CustomerListItem[]; onClose(): void }) {
  const withForms = useMemo(() => customers.filter((customer) => portalForms(customer).length > 0), [customers])
  const [index, setIndex] = useState(0)
  const customer = withForms[index]
  if (!customer) return null
  const following = withForms[index + 1]
  const position = withForms.length > 1 ? ` (${index + 1} of ${withForms.length})` : ''
  return (
    <ModalDialog title={`Fill in the portal: ${customer.companyName}${position}`} onEscape={onClose} className="modal--portal-fill">
      <FillPortalWalk key={customer.id} customer={customer} following={following} onNext={() => setIndex(index + 1)} onClose={onClose} />
    </ModalDialog>
  )
}

interface FillPortalWalkProps {
  customer: CustomerListItem
  /** The next customer of the selection, offered once this one's form is done. */
  following: CustomerListItem | undefined
  onNext(): void
  onClose(): void
}

function FillPortalWalk({ customer, following, onNext, onClose }: FillPortalWalkProps) {
  const api = useDeskApi()
  const forms = useMemo(() => portalForms(customer), [customer])
  const [walk, dispatch] = useReducer((state: ReturnType<typeof startWalk>, action: Parameters<typeof fillWalk>[2]) => fillWalk(forms, state, action), startWalk())
  const mainButton = useRef<HTMLButtonElement>(null)
  // The main button keeps the focus through every press (and the swap to Start again), so Enter always goes on.
  useEffect(() => mainButton.current?.focus(), [walk.next, walk.formIndex])
  const form = forms[walk.formIndex]
  if (!form) return null
  const finished = walkFinished(forms, walk)
  const nextStep = form.steps[walk.next]
  const doneStep = walk.done === null ? undefined : form.steps[walk.done]

  async function take(index: number) {
    const step = form?.steps[index]
    if (!step || walk.busy) return
    dispatch({ type: 'copy-started' })
    const result =
      step.kind === 'password'
        ? await api.customers.copyPassword({ id: customer.id })
        : step.kind === 'leave-empty'
          ? { ok: true as const }
          : await api.app.copyText({ text: step.text })
    if (result.ok) dispatch({ type: 'copied', step: index })
    else dispatch({ type: 'copy-failed', message: `${step.field} could not be copied. ${result.error.message}` })
  }

  return (
    <>
      <div className="modal__body">
        {forms.length > 1 ? (
          <div className="portal-fill__forms" role="group" aria-label="Portal">
            {forms.map((choice, index) => (
              <button key={choice.vendor} type="button" aria-pressed={index === walk.formIndex} onClick={() => dispatch({ type: 'form-chosen', formIndex: index })}>
                {choice.title}
              </button>
            ))}
          </div>
        ) : null}
        <p className="field__hint">
          Open <strong>{form.where}</strong> in the portal. Each press copies the next field; paste it there, then come back
          and press again.
        </p>
        <ol className="portal-fill__steps" aria-label={`Fields of ${form.title}`}>
          {form.steps.map((step, index) => (
            <li key={step.field} aria-current={index === walk.next ? 'step' : undefined} className={index < walk.next ? 'portal-fill__step--done' : undefined}>
              <button type="button" className="link-button" onClick={() => {
                  dispatch({ type: 'step-chosen', step: index })
                }}>
                {step.field}
              </button>
              <span className="portal-fill__value">{stepPreview(step)}</span>
            </li>
          ))}
        </ol>
        <p className="portal-fill__say" role="status" aria-live="polite">
          {walk.problem ?? (doneStep ? `${doneStep.kind === 'leave-empty' ? '' : 'Copied. '}${pasteInstruction(doneStep)}` : '')}
        </p>
        {finished ? <p className="portal-fill__finished">Every field is done: check the form in the portal and save it there.</p> : null}
      </div>
      <div className="modal__footer">
        <button type="button" onClick={onClose}>
          Close
        </button>
        {finished && following ? (
          <button ref={mainButton} type="button" className="primary" data-autofocus onClick={onNext}>
            Next customer: {following.companyName}
          </button>
        ) : finished ? (
          <button ref={mainButton} type="button" className="primary" data-autofocus onClick={() => dispatch({ type: 'restarted' })}>
            Start again
          </button>
        ) : (
          <button ref={mainButton} type="button" className="primary" data-autofocus aria-disabled={walk.busy} onClick={() => take(walk.next)}>
            {nextStep ? actionText(nextStep) : 'Start again'}
          </button>
        )}
      </div>
    </>
  )
}

function stepPreview(step: FillStep): string {
  switch (step.kind) {
    case 'password':
      return 'Vault password, from the keychain'
    case 'leave-empty':
      return 'leave empty'
    default:
      return step.text
  }
}
