import type { CustomerListItem } from '../../../../main/common/contract'
import { isOnboardingFinished } from '../../../../main/common/onboarding'

/** Whether the list shows every customer or only those with an onboarding step still to do. */
export type OnboardingFilter = 'any' | 'unfinished'

export const ONBOARDING_FILTER_LABEL = 'Onboarding not finished'

// Per customer object: the store replaces an object when it changes, so a stale answer is never read.
const finished = new WeakMap<CustomerListItem, boolean>()

function isFinished(customer: CustomerListItem): boolean {
  let answer = finished.get(customer)
  if (answer === undefined) {
    answer = isOnboardingFinished(customer)
    finished.set(customer, answer)
  }
  return answer
}

/** The same list for 'any' (so what is memoized on it is reused), else the customers whose onboarding is not finished. */
export function filterByOnboarding(customers: readonly CustomerListItem[], filter: OnboardingFilter | undefined): readonly CustomerListItem[] {
  return filter === 'unfinished' ? customers.filter((customer) => !isFinished(customer)) : customers
}
