import type { Customer } from './customer-model'
import { accountOf, followUpFieldOf } from './vendors/accounts'
import type { AnyVendor } from './vendors/vendor-definition'

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

/**
 * The password vendor's own checklist (its `changeSteps`) after the latest change. Each tick is a history
 * entry of `followUpFieldOf(vendor)`: `from` is the step's id, `to` its label as the user saw it. Only
 * ticks after the latest change count: a new change starts the checklist again.
 */
export function followUpState(customer: Customer, vendor: AnyVendor | undefined): FollowUpState | null {
  const password = vendor?.password
  if (!vendor || !password || password.changeSteps.length === 0 || accountOf(customer, vendor) === null) return null
  const changeField = `${vendor.key}.${password.field}`
  const tickField = followUpFieldOf(vendor)
  let changeIndex = -1
  for (let index = customer.history.length - 1; index >= 0; index -= 1) {
    const entry = customer.history[index]
    if (entry?.field === 'customer' && entry.to === 'created') break
    if (entry?.field === changeField) {
      changeIndex = index
      break
    }
  }
  const change = customer.history[changeIndex]
  if (!change) return null
  const ticks = new Map<string, string>()
  for (const entry of customer.history.slice(changeIndex + 1)) {
    if (entry.field === tickField && entry.from !== null && !ticks.has(entry.from)) ticks.set(entry.from, entry.at)
  }
  return { changedAt: change.at, steps: password.changeSteps.map(({ id, label, detail }) => ({ id, label, detail, tickedAt: ticks.get(id) ?? null })) }
}
