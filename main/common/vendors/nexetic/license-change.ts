import type { NexeticSubscription } from './subscription'
import { formatNumber, formatSigned, formatStorage, pluralText, type Locale } from '../../formats'
import { parseStorageGb, parseUserLicenses } from '../../portal-rules'

/** The history field names of the two values the license editor changes. */
export const LICENSE_FIELD = 'nexetic.userLicenses'
export const STORAGE_FIELD = 'nexetic.extraStorageGb'
export type LicenseField = typeof LICENSE_FIELD | typeof STORAGE_FIELD
export const isLicenseField = (field: string): field is LicenseField => field === LICENSE_FIELD || field === STORAGE_FIELD

export type LicenseValues = Pick<NexeticSubscription, 'userLicenses' | 'extraStorageGb'>

/** The editor's inputs exactly as typed; errors are keyed by these names. */
export interface LicenseForm {
  userLicenses: string
  extraStorage: string
}

export type LicenseFormCheck = { ok: true; values: LicenseValues } | { ok: false; fields: Partial<Record<keyof LicenseForm, string>> }

/** Applies the portal's rules to what was typed: licenses a whole number ≥ 1, storage whole GB ≥ 0 (TB converted). */
export function checkLicenseForm(form: LicenseForm): LicenseFormCheck {
  const licenses = parseUserLicenses(form.userLicenses)
  const storage = parseStorageGb(form.extraStorage)
  const fields: Partial<Record<keyof LicenseForm, string>> = {}
  if ('error' in licenses) fields.userLicenses = licenses.error
  if ('error' in storage) fields.extraStorage = storage.error
  if ('value' in licenses && 'value' in storage) return { ok: true, values: { userLicenses: licenses.value, extraStorageGb: storage.value } }
  return { ok: false, fields }
}


export interface LicenseChange {
  changed: boolean
  licensesDelta: number
  storageDeltaGb: number
  /** One line per value that changes, e.g. "User Licenses: 20 → 25 (+5)". */
  lines: string[]
}

/** The difference the editor shows before saving, with the figures in the user's locale. */
export function describeLicenseChange(current: LicenseValues, next: LicenseValues, locale?: Locale): LicenseChange {
  const licensesDelta = next.userLicenses - current.userLicenses
  const storageDeltaGb = next.extraStorageGb - current.extraStorageGb
  const lines: string[] = []
  if (licensesDelta !== 0) {
    lines.push(`User Licenses: ${formatNumber(current.userLicenses, locale)} → ${formatNumber(next.userLicenses, locale)} (${formatSigned(licensesDelta, locale)})`)
  }
  if (storageDeltaGb !== 0) {
    lines.push(`Extra Storage: ${formatStorage(current.extraStorageGb, locale)} → ${formatStorage(next.extraStorageGb, locale)} (${formatSigned(storageDeltaGb, locale)} GB)`)
  }
  return { changed: lines.length > 0, licensesDelta, storageDeltaGb, lines }
}

export function nothingChangedMessage(current: LicenseValues, locale?: Locale): string {
  return `Nothing changed: the customer already has ${pluralText(current.userLicenses, 'User License', locale)} and ${formatStorage(current.extraStorageGb, locale)} of Extra Storage.`
}
