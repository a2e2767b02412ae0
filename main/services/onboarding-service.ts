import type { Customer } from '../common/customer-model'
import { customerGone } from '../common/desk-error'
import { applyTick, type TickRequest } from '../common/onboarding'
import type { CustomerStore } from './customer-store'

export interface OnboardingServiceDeps {
  store: CustomerStore
  now: () => Date
  newId: () => string
}

/** The onboarding ticks: each decided inside `store.mutate`, on the customer as it is then, and recorded in its history. */
export function createOnboardingService({ store, now, newId }: OnboardingServiceDeps) {
  return {
    async setStep({ id, ...request }: TickRequest & { id: string }): Promise<Customer> {
      if (!store.data.customers.some((customer) => customer.id === id)) throw customerGone()
      const updated = await store.mutate((data) => {
        const target = data.customers.find((customer) => customer.id === id)
        if (!target) throw customerGone()
        const at = now().toISOString()
        const entry = applyTick(target, request, { at, newId })
        if (entry) {
          target.history.push(entry)
          target.updatedAt = at
        }
        return target
      })
      return structuredClone(updated)
    },
  }
}
