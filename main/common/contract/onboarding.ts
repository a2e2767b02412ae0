import { z } from 'zod'
import type { Customer } from '../customer-model'
import { ONBOARDING_VENDORS, onboardingVendor } from '../onboarding'
import { customerId } from './customers'
import { channel } from './define'

// Checked against the registry, so a vendor whose definition lists steps is accepted and any other refused.
const onboardingVendorKey = z
  .string()
  .max(100)
  .refine((key) => onboardingVendor(key) !== undefined, { error: () => `Not a service with onboarding steps (expected one of ${ONBOARDING_VENDORS.join(', ')}).` })

export const onboardingChannels = {
  /** Ticks (done: true) or unticks one onboarding step of one service; the change goes into the customer's history. */
  setStep: channel(z.strictObject({ id: customerId, vendor: onboardingVendorKey, step: z.string().min(1).max(100), done: z.boolean() }))<Customer>(),
}
