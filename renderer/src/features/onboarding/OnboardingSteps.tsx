import { useId, useState } from 'react'
import type { CustomerListItem } from '../../../../main/common/contract'
import { onboardingOf, type StepState, type VendorOnboarding } from '../../../../main/common/onboarding'
import { formats } from '../../formats'
import { useDesk, useDeskApi } from '../../store/desk-context'
import { stepStatusText, vendorProgressText } from './onboarding-text'
import './onboarding.css'

function StepRow({ state, asked, onChange }: { state: StepState; asked: boolean | undefined; onChange(done: boolean): void }) {
  const statusId = useId()
  const inputId = useId()
  const { step, doneAt } = state
  return (
    <li className="onboarding-step">
      {/* Only the step's name labels the checkbox; its state and how-to describe it. */}
      <div className="check">
        <input
          id={inputId}
          type="checkbox"
          // What the user asked for shows at once; main's answer (or its refusal) settles it.
          checked={asked ?? doneAt !== null}
          // A derived step follows the record (Change Password sets it); it is shown, not ticked.
          disabled={step.derive !== undefined}
          aria-describedby={statusId}
          onChange={(event) => onChange(event.target.checked)}
        />
        <span>
          <label htmlFor={inputId}>{step.label}</label>
          {step.optional ? <span className="onboarding-step__optional"> (optional)</span> : null}
          <span id={statusId} className="check__detail">
            {doneAt !== null ? (
              <time dateTime={doneAt} title={formats.dateTime(doneAt)} className="onboarding-step__done">
                {stepStatusText(state)}
              </time>
            ) : (
              <span>{stepStatusText(state)}</span>
            )}
            {' · '}
            {step.detail}
          </span>
        </span>
      </div>
    </li>
  )
}

function VendorSteps({ onboarding, asked, onTick }: { onboarding: VendorOnboarding; asked: Record<string, boolean>; onTick(step: string, done: boolean): void }) {
  return (
    <fieldset className="onboarding-vendor">
      <legend>
        {onboarding.name} <span className="onboarding-vendor__progress">{vendorProgressText(onboarding)}</span>
      </legend>
      <ul className="onboarding-steps">
        {onboarding.steps.map((state) => (
          <StepRow key={state.step.key} state={state} asked={asked[`${onboarding.vendor}.${state.step.key}`]} onChange={(done) => onTick(state.step.key, done)} />
        ))}
      </ul>
    </fieldset>
  )
}

/** The detail's onboarding steps per service, each ticked with its date; every tick and untick goes into the history. */
export function OnboardingSteps({ customer, className }: { customer: CustomerListItem; className?: string }) {
  const api = useDeskApi()
  const upsertCustomer = useDesk((state) => state.upsertCustomer)
  const showNotice = useDesk((state) => state.showNotice)
  const headingId = useId()
  // The ticks sent and not yet answered, by "vendor.step": one request per step at a time, so a
  // double click cannot send a tick and an untick racing each other.
  const [asked, setAsked] = useState<Record<string, boolean>>({})
  const vendors = onboardingOf(customer)
  if (vendors.length === 0) return null

  async function tick(vendor: VendorOnboarding['vendor'], step: string, done: boolean) {
    const key = `${vendor}.${step}`
    if (key in asked) return
    setAsked((current) => ({ ...current, [key]: done }))
    const result = await api.onboarding.setStep({ id: customer.id, vendor, step, done })
    if (result.ok) upsertCustomer(result.value)
    else showNotice('error', result.error.message)
    setAsked(({ [key]: _answered, ...others }) => others)
  }

  return (
    <section className={['onboarding', className ?? ''].filter(Boolean).join(' ')} aria-labelledby={headingId}>
      <h3 id={headingId}>Onboarding</h3>
      {vendors.map((onboarding) => (
        <VendorSteps key={onboarding.vendor} onboarding={onboarding} asked={asked} onTick={(step, done) => void tick(onboarding.vendor, step, done)} />
      ))}
    </section>
  )
}
