import { z } from 'zod'
import type { CustomerDraft } from './customer-model'
import type { RuleResult } from './portal-rules'
import { parseName, parseNotes } from './text-rules'
import { accountOf, setAccount } from './vendors/accounts'
import { vendors, type BuiltInFormShape } from './vendors/registry'

const text = (max: number) => z.string().max(max)

/** The form exactly as typed, each vendor's part null when the customer does not buy that service (missing reads as null). */
export const customerFormSchema = z.strictObject({
  companyName: text(200),
  notes: text(5000),
  ...(Object.fromEntries(vendors().map((vendor) => [vendor.key, vendor.formSchema.nullable().default(null)])) as unknown as BuiltInFormShape),
})

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

/** Applies every portal rule to the form; each message is keyed by the field it belongs to (`<vendor key>.<field>`). */
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

  const draft = { companyName, notes } as CustomerDraft
  let password: string | null = null
  for (const vendor of vendors()) {
    const vendorForm = accountOf(form, vendor)
    if (vendorForm === null) {
      setAccount(draft, vendor, null)
      continue
    }
    const check = vendor.checkForm(vendorForm, { ...context, companyName })
    for (const [field, message] of Object.entries(check.fields)) fields[`${vendor.key}.${field}`] = message
    setAccount(draft, vendor, check.draft)
    if (check.password !== null) password = check.password
  }

  if (Object.keys(fields).length > 0) return { ok: false, fields }
  return { ok: true, draft, password }
}

export function emptyCustomerForm(): CustomerForm {
  const form = { companyName: '', notes: '' } as CustomerForm
  for (const vendor of vendors()) setAccount(form, vendor, null)
  return form
}
