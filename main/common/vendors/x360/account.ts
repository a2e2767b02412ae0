import { z } from 'zod'

export const DIRECT_TO_CLOUD_NOTE =
  'Direct-to-Cloud is billed on usage: do not assign extra licenses for Direct-to-Cloud systems (that would bill twice).'
export const VAULT_LOGIN_NOTE = 'The customer logs into the Vault with this username and password for self-service restores.'

export const x360AccountSchema = z.object({
  username: z.string().min(1),
  email: z.string().min(1),
  locations: z.array(z.string().min(1)).min(1),
  /** When the password was last set in the keychain; the password itself never enters the store. */
  passwordSetAt: z.string().nullable(),
})

const text = (max: number) => z.string().max(max)

/** The form exactly as typed: strings only, so nothing the user typed is lost when it is rejected. */
export const x360FormSchema = z.strictObject({
  username: text(200),
  email: text(320),
  locations: text(4000),
  password: text(1000),
  confirmPassword: text(1000),
})

export type X360Account = z.infer<typeof x360AccountSchema>
export type X360Form = z.infer<typeof x360FormSchema>
/** What the form produces after its rules pass. */
export type X360Draft = Omit<X360Account, 'passwordSetAt'>

export const emptyX360Form = (): X360Form => ({ username: '', email: '', locations: '', password: '', confirmPassword: '' })
