import { z } from 'zod'

/** One step of a vendor's document for after the customer is created (a vendor's definition lists its own). */
export interface OnboardingStep<Account = unknown> {
  /** Stable: stored in the customer file and in the history's field name. */
  key: string
  /** What was done, in the vendor's own words where its document has them. */
  label: string
  /** Where or how, from the same document. */
  detail: string
  /** Not needed for the onboarding to count as finished (sharing credentials may be the MSP's choice). */
  optional?: boolean
  /** Read from the vendor's account itself rather than ticked: when it was done, or null. */
  derive?: (account: Account) => string | null
}

/**
 * The ticks: vendor → step key → when it was ticked (ISO 8601, UTC). Optional on the customer: a file
 * written before onboarding existed has none, which means no step ticked yet (no migration).
 */
export const onboardingTicksSchema = z.record(z.string().min(1), z.record(z.string().min(1), z.iso.datetime()))
export type OnboardingTicks = z.infer<typeof onboardingTicksSchema>
