import type { ImportField } from '../../../common/contract/import-mapping'
import { loginField, passwordField } from '../../../common/vendors/accounts'
import { headerKey } from './column-mapping'

// A password manager's entry holds one login: the password vendor's username and its password.
const LOGIN: ImportField = loginField()
const PASSWORD: ImportField = passwordField()

/** A row's cell by the tool's own header (any case); '' when the file has no such column. */
export type PresetCell = (header: string) => string

/**
 * The CSV exports of the tools MSP staff move from, with their own column names. Each maps the
 * entry's title to the company, its username to the password vendor's login and its password to the
 * customer's keychain password; every other column (TOTP secrets, custom fields, URLs, dates) is left
 * out and never read, except by a row rule. None has the account's other fields: the mapping step
 * gives those (the vendor's importDefaultable) one value for every row.
 */
export interface ImportPreset {
  name: string
  /** Header (as the tool writes it) → the field it fills, null when left out. */
  columns: Readonly<Record<string, ImportField | null>>
  /** The headers that identify the tool's file; newer versions may add columns, which are left out. */
  identifiedBy: readonly string[]
  /**
   * Why a row of the tool's file is no login to import (a secure note, a deleted entry), or null.
   * It reads only columns that hold no secret, and its reason is fixed text: never a cell.
   */
  leaveOut?: (cell: PresetCell) => string | null
}

// Bitwarden's CSV export writes type "login" or "note" (cards and identities are left out of it today); any other type is no login either.
const bitwardenLogins = (cell: PresetCell): string | null => (['', 'login'].includes(cell('type').trim().toLowerCase()) ? null : 'Bitwarden secure notes and cards are not logins')

/** The columns Bitwarden writes after an item's folder or collections, in its order (its exporter's buildCommonCipher); `fields` holds custom fields (possibly hidden ones), so it is left out. */
const BITWARDEN_ITEM_COLUMNS = {
  type: null,
  name: 'companyName',
  notes: 'notes',
  fields: null,
  reprompt: null,
  login_uri: null,
  login_username: LOGIN,
  login_password: PASSWORD,
  login_totp: null,
} as const satisfies Record<string, ImportField | null>

export const IMPORT_PRESETS: readonly ImportPreset[] = [
  {
    // ITFlow's client credentials export: one client per file, each credential named by staff.
    name: 'ITFlow credentials',
    columns: { Name: 'companyName', Description: 'notes', Username: LOGIN, Password: PASSWORD, TOTP: null, URI: null },
    identifiedBy: ['Name', 'Description', 'Username', 'Password', 'TOTP', 'URI'],
  },
  {
    // KeePassXC's CSV export. The entry's Title names the customer; Group is a folder path ("Root/Customers"), which the user may map instead.
    name: 'KeePassXC',
    columns: {
      Group: null,
      Title: 'companyName',
      Username: LOGIN,
      Password: PASSWORD,
      URL: null,
      Notes: 'notes',
      TOTP: null,
      Icon: null,
      'Last Modified': null,
      Created: null,
    },
    identifiedBy: ['Group', 'Title', 'Username', 'Password', 'URL', 'Notes'],
    // KeePassXC writes each entry's group path from the root ("Root/Recycle Bin/…"), deleted entries included; the bin is the root's child "Recycle Bin" (in an English KeePassXC).
    leaveOut: (cell) => (cell('Group').split('/')[1]?.trim() === 'Recycle Bin' ? "entries in KeePassXC's Recycle Bin were deleted" : null),
  },
  {
    // Bitwarden's personal vault CSV export.
    name: 'Bitwarden',
    columns: { folder: null, favorite: null, ...BITWARDEN_ITEM_COLUMNS },
    identifiedBy: ['folder', 'type', 'name', 'login_username', 'login_password'],
    leaveOut: bitwardenLogins,
  },
  {
    // An organization vault's CSV export: each item's collections instead of a folder, and no favorite.
    name: 'Bitwarden organization',
    columns: { collections: null, ...BITWARDEN_ITEM_COLUMNS },
    identifiedBy: ['collections', 'type', 'name', 'login_username', 'login_password'],
    leaveOut: bitwardenLogins,
  },
  {
    // IT Glue's account export (passwords.csv): the IT Glue organization is the MSP's customer.
    name: 'IT Glue passwords',
    columns: {
      id: null,
      organization: 'companyName',
      name: null,
      password_category: null,
      resource_type: null,
      resource_id: null,
      username: LOGIN,
      password: PASSWORD,
      one_time_password: null,
      archived: null,
      url: null,
      notes: 'notes',
    },
    identifiedBy: ['organization', 'name', 'password_category', 'username', 'password'],
    leaveOut: (cell) => (['true', 'yes', '1'].includes(cell('archived').trim().toLowerCase()) ? 'passwords archived in IT Glue are no longer in use' : null),
  },
]

/** The preset whose identifying headers the file has (the most specific one when several fit). */
export function presetFor(headers: readonly string[]): ImportPreset | null {
  const keys = new Set(headers.map(headerKey))
  const fitting = IMPORT_PRESETS.filter((preset) => preset.identifiedBy.every((header) => keys.has(headerKey(header))))
  return fitting.sort((a, b) => b.identifiedBy.length - a.identifiedBy.length)[0] ?? null
}

/** The preset of that name whose identifying headers the file has, or null. */
export function presetNamed(name: string, headers: readonly string[]): ImportPreset | null {
  const keys = new Set(headers.map(headerKey))
  const preset = IMPORT_PRESETS.find((candidate) => candidate.name === name)
  return preset && preset.identifiedBy.every((header) => keys.has(headerKey(header))) ? preset : null
}

/** The field a preset gives a header (lower case), or null. */
export function presetField(preset: ImportPreset, key: string): ImportField | null {
  const entry = Object.entries(preset.columns).find(([header]) => headerKey(header) === key)
  return entry?.[1] ?? null
}
