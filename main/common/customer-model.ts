import { z } from 'zod'
import { onboardingTicksSchema } from './onboarding-model'
import { vendors, type BuiltInAccountShape, type BuiltInDrafts } from './vendors/registry'

export const historyEntrySchema = z.object({
  at: z.string(),
  field: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  reason: z.string().nullable(),
  /** Set on entries that reverse an earlier change, pointing at it. */
  undoOf: z.string().nullable().optional(),
  id: z.string(),
})

/**
 * A customer holds each service under its vendor's key, null when it does not buy it; a key missing
 * in a file written before that vendor existed reads as null, so a new vendor needs no migration.
 */
export const customerSchema = z.object({
  id: z.string().min(1),
  companyName: z.string().min(1),
  notes: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  ...(Object.fromEntries(vendors().map((vendor) => [vendor.key, vendor.accountSchema.nullable().default(null)])) as unknown as BuiltInAccountShape),
  history: z.array(historyEntrySchema),
  /** The onboarding steps ticked, per service; absent in files from before onboarding (nothing ticked). */
  onboarding: onboardingTicksSchema.optional(),
})

export const tombstoneSchema = z.object({
  customerId: z.string(),
  companyName: z.string(),
  deletedAt: z.string(),
  /** The Customer Username the customer had (the password vendor's login), as the deletion log shows it; the stored name is kept. */
  x360Username: z.string().nullable(),
  /**
   * What the billing view needs to count the customer on the days it was live: when it was created,
   * its billed fields when deleted, and their history. Tombstones written before the billing view have none.
   */
  billing: z
    .object({ createdAt: z.string(), values: z.record(z.string(), z.string().nullable()), history: z.array(historyEntrySchema) })
    .optional(),
})

export type HistoryEntry = z.infer<typeof historyEntrySchema>
export type Customer = z.infer<typeof customerSchema>
export type Tombstone = z.infer<typeof tombstoneSchema>

/** What a form produces after its rules pass: a customer without ids, times or history. */
export type CustomerDraft = { companyName: string; notes: string } & BuiltInDrafts
