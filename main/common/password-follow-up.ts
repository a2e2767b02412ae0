import type { Customer } from './customer-model'
import type { PasswordChangeStep } from './vendors/x360/password-change-steps'

/** The history field of one ticked follow-up step: `from` is the step's id, `to` its label as the user saw it. */
export const PASSWORD_FOLLOW_UP_FIELD = 'x360.passwordFollowUp'

export interface FollowUpStepState {
  id: string
  label: string
  detail: string
  /** When the user ticked it after the latest change, or null. */
  tickedAt: string | null
}

/** The checklist after the latest password change; null when the password was never changed since the customer was created. */
export interface FollowUpState {
  changedAt: string
  steps: FollowUpStepState[]
}

/** Only ticks after the latest change count: a new change starts the checklist again. */
export function followUpState(customer: Customer, steps: readonly PasswordChangeStep[]): FollowUpState | null {
  if (!customer.x360) return null
  let changeIndex = -1
  for (let index = customer.history.length - 1; index >= 0; index -= 1) {
    const entry = customer.history[index]
    if (entry?.field === 'customer' && entry.to === 'created') break
    if (entry?.field === 'x360.password') {
      changeIndex = index
      break
    }
  }
  const change = customer.history[changeIndex]
  if (!change) return null
  const ticks = new Map<string, string>()
  for (const entry of customer.history.slice(changeIndex + 1)) {
    if (entry.field === PASSWORD_FOLLOW_UP_FIELD && entry.from !== null && !ticks.has(entry.from)) ticks.set(entry.from, entry.at)
  }
  return { changedAt: change.at, steps: steps.map(({ id, label, detail }) => ({ id, label, detail, tickedAt: ticks.get(id) ?? null })) }
}
