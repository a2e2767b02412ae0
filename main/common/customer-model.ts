import { z } from 'zod'
import { onboardingTicksSchema } from './onboarding-model'

export const STORAGE_TYPES = ['Azure (Ireland)', 'Finnish S3 Storage'] as const
export type StorageType = (typeof STORAGE_TYPES)[number]

export const DIRECT_TO_CLOUD_NOTE =
  'Direct-to-Cloud is billed on usage: do not assign extra licenses for Direct-to-Cloud systems (that would bill twice).'
export const STORAGE_TYPE_LOCKED_NOTE = 'The Storage Type is set when the customer is created: contact Nexetic Support to change it.'
export const VAULT_LOGIN_NOTE = 'The customer logs into the Vault with this username and password for self-service restores.'

export const x360AccountSchema = z.object({
  username: z.string().min(1),
  email: z.string().min(1),
  locations: z.array(z.string().min(1)).min(1),
  /** When the password was last set in the keychain; the password itself never enters the store. */
  passwordSetAt: z.string().nullable(),
})

export const nexeticSubscriptionSchema = z.object({
  organizationName: z.string().min(1),
  domain: z.string().nullable(),
  userLicenses: z.number().int().min(1),
  extraStorageGb: z.number().int().min(0),
  notifyUsers: z.array(z.string().min(1)).min(1),
  storageType: z.enum(STORAGE_TYPES),
})

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

export const customerSchema = z.object({
  id: z.string().min(1),
  companyName: z.string().min(1),
  notes: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  x360: x360AccountSchema.nullable(),
  nexetic: nexeticSubscriptionSchema.nullable(),
  history: z.array(historyEntrySchema),
  /** The onboarding steps ticked, per service; absent in files from before onboarding (nothing ticked). */
  onboarding: onboardingTicksSchema.optional(),
})

export const tombstoneSchema = z.object({
  customerId: z.string(),
  companyName: z.string(),
  deletedAt: z.string(),
  x360Username: z.string().nullable(),
})

export type X360Account = z.infer<typeof x360AccountSchema>
export type NexeticSubscription = z.infer<typeof nexeticSubscriptionSchema>
export type HistoryEntry = z.infer<typeof historyEntrySchema>
export type Customer = z.infer<typeof customerSchema>
export type Tombstone = z.infer<typeof tombstoneSchema>

/** What a form produces after its rules pass: a customer without ids, times or history. */
export interface CustomerDraft {
  companyName: string
  notes: string
  x360: { username: string; email: string; locations: string[] } | null
  nexetic: NexeticSubscription | null
}
