import type { HistoryEntry } from './customer-model'
import { formatStorage, type Locale } from './formats'
import { STORAGE_FIELD } from './license-change'
import { describeOnboardingValue, isOnboardingField, onboardingFieldLabel } from './onboarding'

/** Every field the history records, in the portals' words. */
export const HISTORY_FIELD_LABELS: Record<string, string> = {
  customer: 'Customer',
  companyName: 'Customer Company Name',
  notes: 'Notes',
  x360: 'x360Recover account',
  'x360.username': 'Customer Username',
  'x360.email': 'Customer Email Address',
  'x360.locations': 'Locations',
  'x360.password': 'Customer Password',
  nexetic: 'Nexetic subscription',
  'nexetic.organizationName': 'Organization name',
  'nexetic.domain': 'Domain',
  'nexetic.userLicenses': 'User Licenses',
  'nexetic.extraStorageGb': 'Extra Storage',
  'nexetic.notifyUsers': 'Notify Users',
  'nexetic.storageType': 'Storage Type',
}

export const historyFieldLabel = (field: string): string => HISTORY_FIELD_LABELS[field] ?? onboardingFieldLabel(field) ?? field

const EMPTY = '(empty)'

/** What changed, in words: "20 → 25", "added", "changed (the password itself is never recorded)". */
export function describeHistoryValue(entry: Pick<HistoryEntry, 'field' | 'from' | 'to'>, locale?: Locale): string {
  if (entry.field === 'customer') return entry.to ?? 'deleted'
  if (isOnboardingField(entry.field)) return describeOnboardingValue(entry)
  if (entry.field === 'x360.password') return 'changed (the password itself is kept only in the keychain)'
  if (entry.field === 'x360' || entry.field === 'nexetic') return entry.to !== null ? 'added' : 'removed'
  const show = (value: string | null): string => {
    if (value === null || value === '') return EMPTY
    if (entry.field === STORAGE_FIELD && /^\d+$/.test(value)) return formatStorage(Number(value), locale)
    return value
  }
  return `${show(entry.from)} → ${show(entry.to)}`
}
