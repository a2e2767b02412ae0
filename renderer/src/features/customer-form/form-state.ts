import type { CustomerListItem } from '../../../../main/common/contract'
import { checkCustomerForm, type CustomerForm } from '../../../../main/common/customer-form'
import type { Customer } from '../../../../main/common/customer-model'
import { findUsernameOwner, usernameTakenMessage } from '../../../../main/common/customer-uniqueness'
import { accountOf, loginField, setAccount } from '../../../../main/common/vendors/accounts'
import { passwordVendor, vendors } from '../../../../main/common/vendors/registry'
export { fieldId } from '../../vendors/field-id'

/** One vendor's part of the form: every vendor's form is strings only, as typed. */
export type VendorFormValues = Record<string, string>

export interface ServiceState {
  on: boolean
  form: VendorFormValues
  /** The vendor's company-name field (the Organization name) follows the company name, visibly, until the user edits it (clearing it included). */
  followsCompany: boolean
}

/**
 * What the dialog holds while the user types. A section that is switched off keeps what was typed in it,
 * so switching it back on loses nothing; only the sections switched on are sent.
 */
export interface FormState {
  companyName: string
  notes: string
  /** By vendor key. */
  services: Record<string, ServiceState>
}

export type FieldErrors = Record<string, string>

/** The form's fields in the order they appear, so focus can land on the first one in error. */
export const FIELD_ORDER: readonly string[] = [
  'companyName',
  ...vendors().flatMap((vendor) => Object.keys(vendor.formSchema.shape).map((field) => `${vendor.key}.${field}`)),
  'notes',
]

export type FieldKey = string

export function emptyFormState(): FormState {
  return {
    companyName: '',
    notes: '',
    services: Object.fromEntries(vendors().map((vendor) => [vendor.key, { on: false, form: vendor.emptyForm(''), followsCompany: true }])),
  }
}

/** The saved customer as the strings the user would have typed (lists joined the way they are typed). */
export function formStateFromCustomer(customer: Customer): FormState {
  return {
    companyName: customer.companyName,
    notes: customer.notes,
    services: Object.fromEntries(
      vendors().map((vendor) => {
        const account = accountOf(customer, vendor)
        return [
          vendor.key,
          account === null ? { on: false, form: vendor.emptyForm(customer.companyName), followsCompany: true } : { on: true, form: vendor.formOf(account), followsCompany: false },
        ]
      }),
    ),
  }
}

export const serviceOf = (state: FormState, key: string): ServiceState => state.services[key] ?? { on: false, form: {}, followsCompany: false }

export function toCustomerForm(state: FormState): CustomerForm {
  const form = { companyName: state.companyName, notes: state.notes } as CustomerForm
  for (const vendor of vendors()) {
    const service = serviceOf(state, vendor.key)
    setAccount(form, vendor, service.on ? service.form : null)
  }
  return form
}

/** Whether the section of the vendor that holds the password is switched on. */
export const passwordSectionOn = (state: FormState): boolean => {
  const vendor = passwordVendor()
  return vendor !== undefined && serviceOf(state, vendor.key).on
}

export interface LocalCheckContext {
  requirePassword: boolean
  customers: readonly CustomerListItem[]
  /** The customer being edited, which may keep its own username. */
  selfId: string | null
}

/**
 * The same rules main enforces, for instant feedback, plus the username check against the list already
 * loaded. Main checks again on save, against every customer it holds.
 */
export function checkLocally(state: FormState, context: LocalCheckContext): FieldErrors {
  const result = checkCustomerForm(toCustomerForm(state), { requirePassword: context.requirePassword, organizationNameShown: true })
  const fields: FieldErrors = result.ok ? {} : { ...result.fields }
  const vendor = passwordVendor()
  const login = loginField()
  if (vendor?.password && passwordSectionOn(state) && !fields[login]) {
    const username = (serviceOf(state, vendor.key).form[vendor.password.usernameField] ?? '').trim()
    const owner = findUsernameOwner(username, context.customers, context.selfId)
    if (owner) fields[login] = usernameTakenMessage(username, owner.companyName)
  }
  return fields
}

/** Main reports payload problems under `form.<field>`; the dialog shows them at the field itself. */
export function fieldErrorsFromMain(fields: Record<string, string> | undefined): FieldErrors {
  const mapped: FieldErrors = {}
  for (const [key, message] of Object.entries(fields ?? {})) mapped[key.replace(/^form\./, '')] = message
  return mapped
}

export function firstInvalidField(errors: FieldErrors): FieldKey | undefined {
  return FIELD_ORDER.find((key) => errors[key] !== undefined)
}
