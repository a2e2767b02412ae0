import type { CustomerQuery } from './customer-query'
import { ONBOARDING_FILTER_LABEL } from './onboarding-filter'
import './list-tools.css'

/** The toolbar's "Onboarding not finished" switch: only customers with a needed step still to do. */
export function OnboardingFilterToggle({ query, onChange }: { query: CustomerQuery; onChange(change: Partial<CustomerQuery>): void }) {
  return (
    <label className="check list-toolbar__check">
      <input type="checkbox" checked={query.onboarding === 'unfinished'} onChange={(event) => onChange({ onboarding: event.target.checked ? 'unfinished' : 'any' })} />
      <span>{ONBOARDING_FILTER_LABEL}</span>
    </label>
  )
}
