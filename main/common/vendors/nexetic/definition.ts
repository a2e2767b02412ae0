import { formatNumber, formatStorage } from '../../formats'
import { parseDomain, parseNotifyUsers, parseStorageGb, parseUserLicenses, type RuleResult } from '../../portal-rules'
import { parseName } from '../../text-rules'
import type { VendorDefinition, VendorFormContext } from '../vendor-definition'
import { nexeticBilling } from './billing'
import { NEXETIC_ONBOARDING_STEPS } from './onboarding-steps'
import { nexeticAdjustments } from './adjustments'
import { nexeticPortalForm } from './portal-fill-order'
import {
  emptyNexeticForm,
  nexeticFormSchema,
  nexeticSubscriptionSchema,
  STORAGE_TYPE_LOCKED_NOTE,
  STORAGE_TYPES,
  type NexeticForm,
  type NexeticSubscription,
  type StorageType,
} from './subscription'

export interface NexeticTotals {
  customers: number
  userLicenses: number
  extraStorageGb: number
  /** Every storage type is present, with 0 when no customer uses it. */
  byStorageType: Record<StorageType, number>
}

const text = (value: string | null | undefined): string => value ?? ''
const storage = (value: string, locale?: string): string => (/^\d+$/.test(value) ? formatStorage(Number(value), locale) : value)

function parseOrganizationName(raw: string, context: VendorFormContext): RuleResult<string> {
  if (raw.trim() !== '') return parseName(raw, 'Organization name')
  if (context.companyName === '') return { error: 'Enter the Organization name.' }
  if (context.organizationNameShown) {
    return { error: `Enter the Organization name (the company name, "${context.companyName}", if the Nexetic organization has the same name).` }
  }
  return { value: context.companyName }
}

const storageTypeOf = (typed: string): StorageType | '' => STORAGE_TYPES.find((type) => type.toLowerCase() === typed.trim().toLowerCase()) ?? ''

/** Nexetic Wholesale Microsoft 365 backup, with the Nexetic Portal's labels. */
export const nexeticVendor: VendorDefinition<NexeticSubscription, NexeticSubscription, NexeticForm, NexeticTotals> = {
  key: 'nexetic',
  name: 'Nexetic',
  portals: ['https://portal.nexetic.com'],
  accountLabel: 'Nexetic subscription',
  section: {
    label: 'Nexetic Wholesale subscription',
    detail: 'As in the Nexetic Portal: Customers > Add > Add customer.',
    removeWarning: 'Saving removes the Nexetic subscription from this customer.',
  },
  accountSchema: nexeticSubscriptionSchema,
  formSchema: nexeticFormSchema,
  emptyForm: (companyName) => emptyNexeticForm(companyName),
  formOf: (subscription) => ({
    organizationName: subscription.organizationName,
    domain: subscription.domain ?? '',
    userLicenses: String(subscription.userLicenses),
    extraStorage: String(subscription.extraStorageGb),
    notifyUsers: subscription.notifyUsers.join('; '),
    storageType: subscription.storageType,
  }),

  checkForm(form, context) {
    const fields: Record<string, string> = {}
    function take<T>(key: string, result: RuleResult<T>): T | undefined {
      if ('value' in result) return result.value
      fields[key] = result.error
      return undefined
    }
    const organizationName = take('organizationName', parseOrganizationName(form.organizationName, context)) ?? ''
    const domain = take('domain', parseDomain(form.domain))
    const userLicenses = take('userLicenses', parseUserLicenses(form.userLicenses))
    const extraStorageGb = take('extraStorage', parseStorageGb(form.extraStorage))
    const notifyUsers = take('notifyUsers', parseNotifyUsers(form.notifyUsers))
    const storageType = form.storageType
    if (storageType === '') fields.storageType = 'Choose a Storage Type.'
    const complete =
      organizationName !== '' && domain !== undefined && userLicenses !== undefined && extraStorageGb !== undefined && notifyUsers !== undefined && storageType !== ''
    return { draft: complete ? { organizationName, domain, userLicenses, extraStorageGb, notifyUsers, storageType } : null, fields, password: null }
  },
  checkEdit: (previous, draft): Record<string, string> => (draft.storageType !== previous.storageType ? { storageType: STORAGE_TYPE_LOCKED_NOTE } : {}),
  draftOf: (subscription) => subscription,
  toAccount: (draft) => draft,

  history: [
    { field: 'organizationName', label: 'Organization name', read: (draft) => draft.organizationName },
    { field: 'domain', label: 'Domain', read: (draft) => draft.domain },
    { field: 'userLicenses', label: 'User Licenses', read: (draft) => String(draft.userLicenses) },
    { field: 'extraStorageGb', label: 'Extra Storage', read: (draft) => String(draft.extraStorageGb), show: storage },
    { field: 'notifyUsers', label: 'Notify Users', read: (draft) => draft.notifyUsers.join('; ') },
    { field: 'storageType', label: 'Storage Type', read: (draft) => draft.storageType },
  ],

  columns: [
    { header: 'Organization name', formField: 'organizationName', width: 30, read: (s) => s.organizationName },
    { header: 'Domain', formField: 'domain', width: 26, read: (s) => text(s.domain) },
    { header: 'User Licenses', formField: 'userLicenses', width: 14, read: (s) => s.userLicenses },
    { header: 'Extra Storage (GB)', formField: 'extraStorage', width: 18, read: (s) => s.extraStorageGb },
    { header: 'Notify Users', formField: 'notifyUsers', width: 34, read: (s) => s.notifyUsers.join('; ') },
    { header: 'Storage Type', formField: 'storageType', width: 20, read: (s) => s.storageType },
  ],
  // The Nexetic Portal's own label for the same value in GB, so a sheet copied from the portal imports as is.
  importAliases: [['extra storage', 'extraStorage']],
  importDefaultable: ['userLicenses', 'extraStorage', 'notifyUsers', 'storageType'],
  importForm(cell) {
    const typed = ['organizationName', 'domain', 'userLicenses', 'extraStorage', 'notifyUsers', 'storageType'].some((field) => cell(field).trim() !== '')
    if (!typed) return null
    return {
      ...emptyNexeticForm(),
      organizationName: cell('organizationName'),
      domain: cell('domain'),
      userLicenses: cell('userLicenses'),
      // A hand-made file may leave Extra Storage empty: that means none, as in the form.
      extraStorage: cell('extraStorage').trim() || '0',
      notifyUsers: cell('notifyUsers'),
      storageType: storageTypeOf(cell('storageType')),
    }
  },
  importProblems(cell): Record<string, string> {
    const typed = cell('storageType').trim()
    return typed !== '' && storageTypeOf(typed) === '' ? { storageType: `Use one of: ${STORAGE_TYPES.join(', ')}.` } : {}
  },

  companyNameField: 'organizationName',
  sortKeys: { licenses: (s) => s.userLicenses, storage: (s) => s.extraStorageGb },
  searchText: (s) => [s.organizationName, s.domain ?? '', ...s.notifyUsers],

  totals: {
    empty: () => ({
      customers: 0,
      userLicenses: 0,
      extraStorageGb: 0,
      byStorageType: Object.fromEntries(STORAGE_TYPES.map((type) => [type, 0])) as Record<StorageType, number>,
    }),
    add(totals, subscription) {
      totals.customers += 1
      totals.userLicenses += subscription.userLicenses
      totals.extraStorageGb += subscription.extraStorageGb
      totals.byStorageType[subscription.storageType] += 1
    },
  },

  sheet: {
    heading: 'Nexetic: Microsoft 365 backup subscription',
    none: 'No Nexetic subscription.',
    rows: (s, locale) => [
      { label: 'Organization name', value: s.organizationName, maxLines: 2 },
      { label: 'Domain', value: s.domain ?? 'None' },
      { label: 'User Licenses', value: formatNumber(s.userLicenses, locale) },
      { label: 'Extra Storage', value: formatStorage(s.extraStorageGb, locale) },
      { label: 'Storage Type', value: s.storageType },
      { label: 'Notify Users', value: s.notifyUsers.join('\n'), maxLines: 60 },
    ],
  },

  notes: { storageTypeLocked: STORAGE_TYPE_LOCKED_NOTE },
  portalForm: nexeticPortalForm,
  billing: nexeticBilling,
  onboarding: NEXETIC_ONBOARDING_STEPS,
  // Licence editor:
  adjustments: nexeticAdjustments,
}
