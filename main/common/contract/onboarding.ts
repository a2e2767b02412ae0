import { z } from 'zod'
import type { Customer } from '../customer-model'
import { ONBOARDING_VENDORS } from '../onboarding-model'
import { customerId } from './customers'
import { channel } from './define'

export const onboardingChannels = {
  /** Ticks (done: true) or unticks one onboarding step of one service; the change goes into the customer's history. */
  setStep: channel(z.strictObject({ id: customerId, vendor: z.enum(ONBOARDING_VENDORS), step: z.string().min(1).max(100), done: z.boolean() }))<Customer>(),
}
