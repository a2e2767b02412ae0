import { z } from 'zod'

/** The services that have onboarding steps, spelled as the customer's own fields (`customer.x360`, `customer.nexetic`). */
export const ONBOARDING_VENDORS = ['x360', 'nexetic'] as const
export type OnboardingVendor = (typeof ONBOARDING_VENDORS)[number]

/** One step of a vendor's document for after the customer is created. */
export interface OnboardingStep {
  /** Stable: stored in the customer file and in the history's field name. */
  key: string
  /** What was done, in the vendor's own words where its document has them. */
  label: string
  /** Where or how, from the same document. */
  detail: string
  /** Not needed for the onboarding to count as finished (x360Recover: sharing the Vault credentials is the MSP's choice). */
  optional?: boolean
  /** Read from the record itself rather than ticked: when it was done, or null. */
  derive?: (customer: OnboardingSubject) => string | null
}

/** What a derived step may look at: a list row is enough. */
export interface OnboardingSubject {
  x360: { username: string; passwordSetAt: string | null } | null
  nexetic: object | null
}

/**
 * The ticks: vendor → step key → when it was ticked (ISO 8601, UTC). Optional on the customer: a file
 * written before onboarding existed has none, which means no step ticked yet (no migration).
 */
export const onboardingTicksSchema = z.record(z.string().min(1), z.record(z.string().min(1), z.iso.datetime()))
export type OnboardingTicks = z.infer<typeof onboardingTicksSchema>
