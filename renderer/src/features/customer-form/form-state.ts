import type { CustomerListItem } from '../../../../main/common/contract'
import {
  checkCustomerForm,
  emptyNexeticForm,
  emptyX360Form,
  type CustomerForm,
  type NexeticForm,
  type X360Form,
} from '../../../../main/common/customer-form'
import type { Customer } from '../../../../main/common/customer-model'
import { findUsernameOwner, usernameTakenMessage } from '../../../../main/common/customer-uniqueness'

/**
 * What the dialog holds while the user types. A section that is switched off keeps what was typed in it,
 * so switching it back on loses nothing; only the sections switched on are sent.
 */
export interface FormState {
  companyName: string
  notes: string
  x360On: boolean
  x360: X360Form
  nexeticOn: boolean
  nexetic: NexeticForm
  /** The Organization name follows the company name, visibly, until the user edits it (clearing it included). */
  organizationFollowsCompany: boolean
}

export type FieldErrors = Record<string, string>

/** The form's fields in the order they appear, so focus can land on the first one in error. */
export const FIELD_ORDER = [
  'companyName',
  'x360.username',
  'x360.email',
  'x360.locations',
  'x360.password',
  'x360.confirmPassword',
  'nexetic.organizationName',
  'nexetic.domain',
  'nexetic.userLicenses',
  'nexetic.extraStorage',
  'nexetic.notifyUsers',
  'nexetic.storageType',
  'notes',
] as const

export type FieldKey = (typeof FIELD_ORDER)[number]

export const fieldId = (key: string): string => `customer-form-${key.replace('.', '-')}`

export function emptyFormState(): FormState {
  return {
    companyName: '',
    notes: '',
    x360On: false,
    x360: emptyX360Form(),
    nexeticOn: false,
    nexetic: emptyNexeticForm(),
    organizationFollowsCompany: true,
  }
}

/** The saved customer as the strings the user would have typed (lists joined the way they are typed). */
export function formStateFromCustomer(customer: Customer): FormState {
  const { x360, nexetic } = customer
  return {
    companyName: customer.companyName,
    notes: customer.notes,
    x360On: x360 !== null,
    x360: x360 ? { ...emptyX360Form(), username: x360.username, email: x360.email, locations: x360.locations.join(', ') } : emptyX360Form(),
    nexeticOn: nexetic !== null,
    nexetic: nexetic
      ? {
          organizationName: nexetic.organizationName,
          domain: nexetic.domain ?? '',
          userLicenses: String(nexetic.userLicenses),
          extraStorage: String(nexetic.extraStorageGb),
          notifyUsers: nexetic.notifyUsers.join('; '),
          storageType: nexetic.storageType,
        }
      : emptyNexeticForm(customer.companyName),
    organizationFollowsCompany: nexetic === null,
  }
}

export function toCustomerForm(state: FormState): CustomerForm {
  return {
    companyName: state.companyName,
    notes: state.notes,
    x360: state.x360On ? state.x360 : null,
    nexetic: state.nexeticOn ? state.nexetic : null,
  }
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
  if (state.x360On && !fields['x360.username']) {
    const username = state.x360.username.trim()
    const owner = findUsernameOwner(username, context.customers, context.selfId)
    if (owner) fields['x360.username'] = usernameTakenMessage(username, owner.companyName)
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
