import { passwordProblem } from '../../password-policy'
import { parseEmail, parseLocations, parseUsername, type RuleResult } from '../../portal-rules'
import type { VendorDefinition } from '../vendor-definition'
import { X360_PASSWORD_CHANGE_STEPS } from './password-change-steps'
import { X360_ONBOARDING_STEPS } from './onboarding-steps'
import { x360PortalForm } from './portal-fill-order'
import { DIRECT_TO_CLOUD_NOTE, emptyX360Form, VAULT_LOGIN_NOTE, x360AccountSchema, x360FormSchema, type X360Account, type X360Draft, type X360Form } from './account'

export interface X360Totals {
  customers: number
  locations: number
}

// What a password manager's file lacks and the import's values for every row give (see importDefaultable).
const IMPORT_NEEDS = 'an e-mail address and locations'

const text = (value: string | null | undefined): string => value ?? ''

/** Axcient x360Recover Direct-to-Cloud: the customer's Vault login, with the Licensing Portal's labels. */
export const x360Vendor: VendorDefinition<X360Account, X360Draft, X360Form, X360Totals> = {
  key: 'x360',
  name: 'x360Recover',
  portals: ['https://partner.axcient.com', 'https://x360portal.axcient.net'],
  accountLabel: 'x360Recover account',
  section: {
    label: 'x360Recover Direct-to-Cloud account',
    detail: "The customer's Vault login, as in the Licensing Portal: User Management > Users > Add User.",
    removeWarning: 'Saving removes the x360Recover account and deletes its Vault password from the keychain.',
  },
  accountSchema: x360AccountSchema,
  formSchema: x360FormSchema,
  emptyForm: () => emptyX360Form(),
  formOf: (account) => ({ ...emptyX360Form(), username: account.username, email: account.email, locations: account.locations.join(', ') }),

  checkForm(form, context) {
    const fields: Record<string, string> = {}
    function take<T>(key: string, result: RuleResult<T>): T | undefined {
      if ('value' in result) return result.value
      fields[key] = result.error
      return undefined
    }
    const username = take('username', parseUsername(form.username))
    const email = take('email', parseEmail(form.email))
    const locations = take('locations', parseLocations(form.locations))
    let password: string | null = null
    if (context.requirePassword || form.password !== '' || form.confirmPassword !== '') {
      const problem = passwordProblem(form.password)
      if (problem) fields.password = problem
      else if (form.confirmPassword === '') fields.confirmPassword = 'Type the password again to confirm it.'
      else if (form.confirmPassword !== form.password) fields.confirmPassword = 'The two passwords do not match.'
      else password = form.password
    }
    const draft = username !== undefined && email !== undefined && locations !== undefined ? { username, email, locations } : null
    return { draft, fields, password }
  },
  draftOf: (account) => ({ username: account.username, email: account.email, locations: account.locations }),
  toAccount: (draft, previous, passwordSetAt) => ({ ...draft, passwordSetAt: passwordSetAt ?? previous?.passwordSetAt ?? null }),

  history: [
    { field: 'username', label: 'Customer Username', read: (draft) => draft.username },
    { field: 'email', label: 'Customer Email Address', read: (draft) => draft.email },
    { field: 'locations', label: 'Locations', read: (draft) => draft.locations.join(', ') },
  ],

  importDefaultable: ['email', 'locations'],
  columns: [
    { header: 'Customer Username', formField: 'username', width: 22, read: (account) => account.username },
    { header: 'Customer Email Address', formField: 'email', width: 30, read: (account) => account.email },
    { header: 'Locations', formField: 'locations', width: 24, read: (account) => account.locations.join(', ') },
  ],
  laterColumns: [{ header: 'Password Set At', formField: null, width: 26, read: (account) => text(account.passwordSetAt) }],
  importForm(cell) {
    const typed = ['username', 'email', 'locations', 'password'].some((field) => cell(field).trim() !== '')
    if (!typed) return null
    const password = cell('password')
    return { ...emptyX360Form(), username: cell('username'), email: cell('email'), locations: cell('locations'), password, confirmPassword: password }
  },

  sortKeys: { username: (account) => account.username },
  searchText: (account) => [account.username, account.email, ...account.locations],

  totals: {
    empty: () => ({ customers: 0, locations: 0 }),
    add(totals, account) {
      totals.customers += 1
      totals.locations += account.locations.length
    },
  },

  sheet: {
    heading: 'Axcient x360Recover: Vault account',
    none: 'No x360Recover account.',
    rows: (account) => [
      { label: 'Customer Username', value: account.username, mono: true },
      { label: 'Customer Email Address', value: account.email },
      { label: 'Locations', value: account.locations.join(', '), maxLines: 5 },
    ],
    note: VAULT_LOGIN_NOTE,
  },

  password: {
    field: 'password',
    confirmField: 'confirmPassword',
    label: 'Customer Password',
    username: (account) => account.username,
    usernameField: 'username',
    setAt: (account) => account.passwordSetAt,
    setAtHeader: 'Password Set At',
    anAccount: 'an x360Recover account',
    portalName: 'x360Recover Licensing Portal',
    loginNote: VAULT_LOGIN_NOTE,
    changeSteps: X360_PASSWORD_CHANGE_STEPS,
    changeStepsSource: 'Axcient’s help centre',
  },

  notes: { directToCloud: DIRECT_TO_CLOUD_NOTE, vaultLogin: VAULT_LOGIN_NOTE, importNeeds: IMPORT_NEEDS },
  portalForm: x360PortalForm,
  onboarding: X360_ONBOARDING_STEPS,
}
