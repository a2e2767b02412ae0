import type { HistoryEntry } from './customer-model'
import type { Locale } from './formats'
import { passwordField, passwordFollowUpField } from './vendors/accounts'
import { vendors } from './vendors/registry'
import { describeOnboardingValue, isOnboardingField, onboardingFieldLabel } from './onboarding'

/** Every field the history records, in the portals' words. */
export const HISTORY_FIELD_LABELS: Record<string, string> = {
  customer: 'Customer',
  companyName: 'Customer Company Name',
  notes: 'Notes',
  ...Object.fromEntries(
    vendors().flatMap((vendor) => [
      [vendor.key, vendor.accountLabel],
      ...vendor.history.map((tracked) => [`${vendor.key}.${tracked.field}`, tracked.label]),
      ...(vendor.password ? [[`${vendor.key}.${vendor.password.field}`, vendor.password.label] as const] : []),
    ]),
  ),
  [passwordFollowUpField()]: 'Password follow-up',
}

export const historyFieldLabel = (field: string): string => HISTORY_FIELD_LABELS[field] ?? onboardingFieldLabel(field) ?? field

const EMPTY = '(empty)'

/** How each vendor field's recorded values are shown, when not as written. */
const SHOWN = new Map<string, (value: string, locale?: Locale) => string>(
  vendors().flatMap((vendor) => vendor.history.flatMap((tracked) => (tracked.show ? [[`${vendor.key}.${tracked.field}`, tracked.show] as const] : []))),
)
const VENDOR_KEYS = new Set(vendors().map((vendor) => vendor.key))

/** What changed, in words: "20 → 25", "added", "changed (the password itself is never recorded)". */
export function describeHistoryValue(entry: Pick<HistoryEntry, 'field' | 'from' | 'to'>, locale?: Locale): string {
  if (entry.field === 'customer') return entry.to ?? 'deleted'
  if (isOnboardingField(entry.field)) return describeOnboardingValue(entry)
  if (entry.field === passwordField()) return 'changed (the password itself is kept only in the keychain)'
  if (entry.field === passwordFollowUpField()) return `ticked: ${entry.to ?? ''}`
  if (VENDOR_KEYS.has(entry.field)) return entry.to !== null ? 'added' : 'removed'
  const shown = SHOWN.get(entry.field)
  const show = (value: string | null): string => {
    if (value === null || value === '') return EMPTY
    return shown ? shown(value, locale) : value
  }
  return `${show(entry.from)} → ${show(entry.to)}`
}
