import { z } from 'zod'
import { STORAGE_TYPES, type CustomerDraft } from './customer-model'
import { passwordProblem } from './password-policy'
import {
  parseDomain,
  parseEmail,
  parseLocations,
  parseNotifyUsers,
  parseStorageGb,
  parseUserLicenses,
  parseUsername,
  type RuleResult,
} from './portal-rules'
import { parseName, parseNotes } from './text-rules'

const text = (max: number) => z.string().max(max)

/** The form exactly as typed: strings only, so nothing the user typed is lost when it is rejected. */
export const x360FormSchema = z.strictObject({
  username: text(200),
  email: text(320),
  locations: text(4000),
  password: text(1000),
  confirmPassword: text(1000),
})

export const nexeticFormSchema = z.strictObject({
  organizationName: text(200),
  domain: text(300),
  userLicenses: text(50),
  extraStorage: text(50),
  notifyUsers: text(8000),
  storageType: z.union([z.enum(STORAGE_TYPES), z.literal('')]),
})

export const customerFormSchema = z.strictObject({
  companyName: text(200),
  notes: text(5000),
  x360: x360FormSchema.nullable(),
  nexetic: nexeticFormSchema.nullable(),
})

export type X360Form = z.infer<typeof x360FormSchema>
export type NexeticForm = z.infer<typeof nexeticFormSchema>
export type CustomerForm = z.infer<typeof customerFormSchema>

export type FormCheck =
  | { ok: true; draft: CustomerDraft; password: string | null }
  | { ok: false; fields: Record<string, string> }

export interface FormContext {
  /** On create, and when an account is added to an existing customer, the password is required. */
  requirePassword: boolean
  /**
   * The page shows the Organization name filled in from the company name, so an empty one there was
   * cleared on purpose and is an error at the field. Elsewhere (an import's empty cell, a caller that
   * leaves it out) it takes the company name, as the design says.
   */
  organizationNameShown?: boolean
}

export const emptyX360Form = (): X360Form => ({ username: '', email: '', locations: '', password: '', confirmPassword: '' })
export const emptyNexeticForm = (organizationName = ''): NexeticForm => ({
  organizationName,
  domain: '',
  userLicenses: '',
  extraStorage: '0',
  notifyUsers: '',
  storageType: '',
})

/** Applies every portal rule to the form; each message is keyed by the field it belongs to. */
export function checkCustomerForm(form: CustomerForm, context: FormContext): FormCheck {
  const fields: Record<string, string> = {}
  function take<T>(key: string, result: RuleResult<T>): T | undefined {
    if ('error' in result) {
      fields[key] = result.error
      return undefined
    }
    return result.value
  }

  const companyName = take('companyName', parseName(form.companyName, 'Customer Company Name')) ?? ''
  const notes = take('notes', parseNotes(form.notes)) ?? ''

  let x360: CustomerDraft['x360'] = null
  let password: string | null = null
  if (form.x360) {
    const username = take('x360.username', parseUsername(form.x360.username))
    const email = take('x360.email', parseEmail(form.x360.email))
    const locations = take('x360.locations', parseLocations(form.x360.locations))
    if (context.requirePassword || form.x360.password !== '' || form.x360.confirmPassword !== '') {
      const problem = passwordProblem(form.x360.password)
      if (problem) fields['x360.password'] = problem
      else if (form.x360.confirmPassword === '') fields['x360.confirmPassword'] = 'Type the password again to confirm it.'
      else if (form.x360.confirmPassword !== form.x360.password) fields['x360.confirmPassword'] = 'The two passwords do not match.'
      else password = form.x360.password
    }
    if (username !== undefined && email !== undefined && locations !== undefined) x360 = { username, email, locations }
  }

  let nexetic: CustomerDraft['nexetic'] = null
  if (form.nexetic) {
    const organizationName = take('nexetic.organizationName', parseOrganizationName(form.nexetic.organizationName, companyName, context)) ?? ''
    const domain = take('nexetic.domain', parseDomain(form.nexetic.domain))
    const userLicenses = take('nexetic.userLicenses', parseUserLicenses(form.nexetic.userLicenses))
    const extraStorageGb = take('nexetic.extraStorage', parseStorageGb(form.nexetic.extraStorage))
    const notifyUsers = take('nexetic.notifyUsers', parseNotifyUsers(form.nexetic.notifyUsers))
    const storageType = form.nexetic.storageType
    if (storageType === '') fields['nexetic.storageType'] = 'Choose a Storage Type.'
    if (
      organizationName !== '' &&
      domain !== undefined &&
      userLicenses !== undefined &&
      extraStorageGb !== undefined &&
      notifyUsers !== undefined &&
      storageType !== ''
    ) {
      nexetic = { organizationName, domain, userLicenses, extraStorageGb, notifyUsers, storageType }
    }
  }

  if (Object.keys(fields).length > 0) return { ok: false, fields }
  return { ok: true, draft: { companyName, notes, x360, nexetic }, password }
}

function parseOrganizationName(raw: string, companyName: string, context: FormContext): RuleResult<string> {
  if (raw.trim() !== '') return parseName(raw, 'Organization name')
  if (companyName === '') return { error: 'Enter the Organization name.' }
  if (context.organizationNameShown) return { error: `Enter the Organization name (the company name, "${companyName}", if the Nexetic organization has the same name).` }
  return { value: companyName }
}

export const emptyCustomerForm = (): CustomerForm => ({ companyName: '', notes: '', x360: null, nexetic: null })
