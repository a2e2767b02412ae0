import type { Customer, HistoryEntry } from './customer-model'
import { DeskFailure } from './desk-error'
import type { OnboardingStep, OnboardingTicks } from './onboarding-model'
import { accountOf } from './vendors/accounts'
import { vendorByKey, vendors } from './vendors/registry'
import type { AnyVendor } from './vendors/vendor-definition'

/** The vendors whose definitions list onboarding steps, in the registry's order. */
const onboardingVendors = (): AnyVendor[] => vendors().filter((vendor) => vendor.onboarding !== undefined)

/** The keys of the services that have onboarding steps (the customer's own fields, `onboarding.<key>.<step>` in the history). */
export const ONBOARDING_VENDORS: readonly string[] = onboardingVendors().map((vendor) => vendor.key)

/** Each vendor's steps, in its document's order, by vendor key. */
export const ONBOARDING_STEPS: Readonly<Record<string, readonly OnboardingStep[]>> = Object.fromEntries(
  onboardingVendors().map((vendor) => [vendor.key, vendor.onboarding ?? []]),
)

/** The vendor of that key, when it has onboarding steps. */
export function onboardingVendor(key: string): AnyVendor | undefined {
  const vendor = vendorByKey(key)
  return vendor?.onboarding ? vendor : undefined
}

/** A customer or a list row: its accounts under the vendors' keys, and its ticks. */
export type OnboardingCustomer = object & { onboarding?: OnboardingTicks | undefined }

export interface StepState {
  step: OnboardingStep
  /** When it was done (ticked, or read from the record), or null. */
  doneAt: string | null
}

export interface VendorOnboarding {
  vendor: string
  name: string
  steps: StepState[]
  finished: boolean
}

/** The steps a user ticks (a derived step is read from the record); only these are stored. */
export const tickableStepKeys = (vendor: string): ReadonlySet<string> =>
  new Set((ONBOARDING_STEPS[vendor] ?? []).filter((step) => !step.derive).map((step) => step.key))

/** The onboarding of each service the customer has; ticks of a service it no longer has are kept but not shown. */
export function onboardingOf(customer: OnboardingCustomer): VendorOnboarding[] {
  return onboardingVendors().flatMap((vendor) => {
    const account = accountOf(customer, vendor)
    if (account === null) return []
    const ticks = customer.onboarding?.[vendor.key] ?? {}
    const steps = (vendor.onboarding ?? []).map((step) => ({ step, doneAt: step.derive ? step.derive(account) : (ticks[step.key] ?? null) }))
    return [{ vendor: vendor.key, name: vendor.name, steps, finished: steps.every(({ step, doneAt }) => step.optional || doneAt !== null) }]
  })
}

/** Every step the customer's services need is done (a customer with no service has nothing left to do). */
export const isOnboardingFinished = (customer: OnboardingCustomer): boolean => onboardingOf(customer).every((vendor) => vendor.finished)

/** The history's field for one step: `onboarding.<vendor key>.<step key>`. */
export const onboardingField = (vendor: string, key: string): string => `onboarding.${vendor}.${key}`

function stepOfField(field: string): { vendor: AnyVendor; step: OnboardingStep } | null {
  const [prefix, key, stepKey, ...rest] = field.split('.')
  const vendor = prefix === 'onboarding' && key !== undefined && rest.length === 0 ? onboardingVendor(key) : undefined
  const step = vendor?.onboarding?.find((candidate) => candidate.key === stepKey)
  return vendor && step ? { vendor, step } : null
}

/** "<vendor> onboarding: <step>", or null for a field that is not a step. */
export function onboardingFieldLabel(field: string): string | null {
  const found = stepOfField(field)
  return found ? `${found.vendor.name} onboarding: ${found.step.label}` : null
}

export const isOnboardingField = (field: string): boolean => field.startsWith('onboarding.')

export const describeOnboardingValue = (entry: Pick<HistoryEntry, 'to'>): string => (entry.to !== null ? 'ticked as done' : 'unticked (not done)')

export interface TickRequest {
  /** The key of a vendor with onboarding steps (the contract checks it). */
  vendor: string
  step: string
  done: boolean
}

/**
 * Ticks or unticks one step on the customer (in place) and returns the history entry that records it,
 * or null when the step is already so. A derived step, an unknown one, or one of a service the customer
 * does not have is refused with a message.
 */
export function applyTick(customer: Customer, { vendor: key, step, done }: TickRequest, context: { at: string; newId: () => string }): HistoryEntry | null {
  const vendor = onboardingVendor(key)
  if (!vendor) throw new DeskFailure('invalid', `No service with onboarding steps has the key "${key.slice(0, 60)}".`)
  const name = vendor.name
  if (accountOf(customer, vendor) === null) throw new DeskFailure('invalid', `${customer.companyName} has no ${name} service, so it has no ${name} onboarding steps.`)
  const definition = vendor.onboarding?.find((candidate) => candidate.key === step)
  if (!definition) throw new DeskFailure('invalid', `${name} has no onboarding step "${step.slice(0, 60)}".`)
  if (definition.derive) throw new DeskFailure('invalid', `“${definition.label}” is read from the customer’s record and cannot be ticked by hand.`)
  const ticks = customer.onboarding?.[key] ?? {}
  const before = ticks[step] ?? null
  if ((before !== null) === done) return null
  const { [step]: _removed, ...others } = ticks
  const after = done ? { ...others, [step]: context.at } : others
  customer.onboarding = { ...customer.onboarding, [key]: after }
  return { id: context.newId(), at: context.at, field: onboardingField(key, step), from: before, to: done ? context.at : null, reason: null }
}
