import { z } from 'zod'

export const STORAGE_TYPES = ['Azure (Ireland)', 'Finnish S3 Storage'] as const
export type StorageType = (typeof STORAGE_TYPES)[number]

export const STORAGE_TYPE_LOCKED_NOTE = 'The Storage Type is set when the customer is created: contact Nexetic Support to change it.'

export const nexeticSubscriptionSchema = z.object({
  organizationName: z.string().min(1),
  domain: z.string().nullable(),
  userLicenses: z.number().int().min(1),
  extraStorageGb: z.number().int().min(0),
  notifyUsers: z.array(z.string().min(1)).min(1),
  storageType: z.enum(STORAGE_TYPES),
})

const text = (max: number) => z.string().max(max)

/** The form exactly as typed: strings only, so nothing the user typed is lost when it is rejected. */
export const nexeticFormSchema = z.strictObject({
  organizationName: text(200),
  domain: text(300),
  userLicenses: text(50),
  extraStorage: text(50),
  notifyUsers: text(8000),
  storageType: z.union([z.enum(STORAGE_TYPES), z.literal('')]),
})

export type NexeticSubscription = z.infer<typeof nexeticSubscriptionSchema>
export type NexeticForm = z.infer<typeof nexeticFormSchema>

export const emptyNexeticForm = (organizationName = ''): NexeticForm => ({
  organizationName,
  domain: '',
  userLicenses: '',
  extraStorage: '0',
  notifyUsers: '',
  storageType: '',
})
