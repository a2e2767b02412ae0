import type { Customer, HistoryEntry } from './customer-model'
import { DeskFailure } from './desk-error'
import { ONBOARDING_VENDORS, type OnboardingStep, type OnboardingSubject, type OnboardingTicks, type OnboardingVendor } from './onboarding-model'
import { NEXETIC_ONBOARDING_STEPS } from './vendors/nexetic/onboarding-steps'
import { X360_ONBOARDING_STEPS } from './vendors/x360/onboarding-steps'

/** Each vendor's steps, in its document's order (the vendor registry takes these over when it lands). */
export const ONBOARDING_STEPS: Record<OnboardingVendor, readonly OnboardingStep[]> = {
  x360: X360_ONBOARDING_STEPS,
  nexetic: NEXETIC_ONBOARDING_STEPS,
}

export const ONBOARDING_VENDOR_NAMES: Record<OnboardingVendor, string> = { x360: 'x360Recover', nexetic: 'Nexetic' }

export type OnboardingCustomer = OnboardingSubject & { onboarding?: OnboardingTicks | undefined }

export interface StepState {
  step: OnboardingStep
  /** When it was done (ticked, or read from the record), or null. */
  doneAt: string | null
}

export interface VendorOnboarding {
  vendor: OnboardingVendor
  name: string
  steps: StepState[]
  finished: boolean
}

const isVendor = (value: string): value is OnboardingVendor => (ONBOARDING_VENDORS as readonly string[]).includes(value)

/** The steps a user ticks (a derived step is read from the record); only these are stored. */
export const tickableStepKeys = (vendor: OnboardingVendor): ReadonlySet<string> =>
  new Set(ONBOARDING_STEPS[vendor].filter((step) => !step.derive).map((step) => step.key))

const hasService = (customer: OnboardingSubject, vendor: OnboardingVendor): boolean => customer[vendor] !== null

/** The onboarding of each service the customer has; ticks of a service it no longer has are kept but not shown. */
export function onboardingOf(customer: OnboardingCustomer): VendorOnboarding[] {
  return ONBOARDING_VENDORS.filter((vendor) => hasService(customer, vendor)).map((vendor) => {
    const ticks = customer.onboarding?.[vendor] ?? {}
    const steps = ONBOARDING_STEPS[vendor].map((step) => ({ step, doneAt: step.derive ? step.derive(customer) : (ticks[step.key] ?? null) }))
    return { vendor, name: ONBOARDING_VENDOR_NAMES[vendor], steps, finished: steps.every(({ step, doneAt }) => step.optional || doneAt !== null) }
  })
}

/** Every step the customer's services need is done (a customer with no service has nothing left to do). */
export const isOnboardingFinished = (customer: OnboardingCustomer): boolean => onboardingOf(customer).every((vendor) => vendor.finished)

/** The history's field for one step: `onboarding.nexetic.sso-configured`. */
export const onboardingField = (vendor: OnboardingVendor, key: string): string => `onboarding.${vendor}.${key}`

function stepOfField(field: string): { vendor: OnboardingVendor; step: OnboardingStep } | null {
  const [prefix, vendor, key, ...rest] = field.split('.')
  if (prefix !== 'onboarding' || vendor === undefined || !isVendor(vendor) || rest.length > 0) return null
  const step = ONBOARDING_STEPS[vendor].find((candidate) => candidate.key === key)
  return step ? { vendor, step } : null
}

/** "Nexetic onboarding: Backup settings made", or null for a field that is not a step. */
export function onboardingFieldLabel(field: string): string | null {
  const found = stepOfField(field)
  return found ? `${ONBOARDING_VENDOR_NAMES[found.vendor]} onboarding: ${found.step.label}` : null
}

export const isOnboardingField = (field: string): boolean => field.startsWith('onboarding.')

export const describeOnboardingValue = (entry: Pick<HistoryEntry, 'to'>): string => (entry.to !== null ? 'ticked as done' : 'unticked (not done)')

export interface TickRequest {
  vendor: OnboardingVendor
  step: string
  done: boolean
}

/**
 * Ticks or unticks one step on the customer (in place) and returns the history entry that records it,
 * or null when the step is already so. A derived step, an unknown one, or one of a service the customer
 * does not have is refused with a message.
 */
export function applyTick(customer: Customer, { vendor, step, done }: TickRequest, context: { at: string; newId: () => string }): HistoryEntry | null {
  const name = ONBOARDING_VENDOR_NAMES[vendor]
  if (!hasService(customer, vendor)) throw new DeskFailure('invalid', `${customer.companyName} has no ${name} service, so it has no ${name} onboarding steps.`)
  const definition = ONBOARDING_STEPS[vendor].find((candidate) => candidate.key === step)
  if (!definition) throw new DeskFailure('invalid', `${name} has no onboarding step "${step.slice(0, 60)}".`)
  if (definition.derive) throw new DeskFailure('invalid', `“${definition.label}” is read from the customer’s record and cannot be ticked by hand.`)
  const ticks = customer.onboarding?.[vendor] ?? {}
  const before = ticks[step] ?? null
  if ((before !== null) === done) return null
  const { [step]: _removed, ...others } = ticks
  const after = done ? { ...others, [step]: context.at } : others
  customer.onboarding = { ...customer.onboarding, [vendor]: after }
  return { id: context.newId(), at: context.at, field: onboardingField(vendor, step), from: before, to: done ? context.at : null, reason: null }
}
