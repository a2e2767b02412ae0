import type { Customer } from '../../common/customer-model'
import { formatDate, type Locale } from '../../common/formats'
import { onboardingOf } from '../../common/onboarding'

export const STEP_NOT_DONE_TEXT = 'not done yet'
export const STEP_SKIPPED_TEXT = 'not done (optional)'

/**
 * One row per step of each service the customer has, the service named on its first: "Service
 * activation email sent to the Notify Users: done Nov 23, 2026". The step goes in the wide column.
 */
export function onboardingSheetRows(customer: Customer, locale: Locale): { label: string; value: string; maxLines: number }[] {
  return onboardingOf(customer).flatMap(({ name, steps }) =>
    steps.map(({ step, doneAt }, index) => ({
      label: index === 0 ? name : '',
      value: `${step.label}: ${doneAt !== null ? `done ${formatDate(doneAt, locale)}` : step.optional ? STEP_SKIPPED_TEXT : STEP_NOT_DONE_TEXT}`,
      maxLines: 2,
    })),
  )
}
