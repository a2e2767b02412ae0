import { formats } from '../../formats'

/** Words and small formatters shared by the exports dialogs (pure, so tests can use the same texts). */

export const SHEET_PASSWORD_WARNING =
  'The sheets will show each customer’s Vault password in clear text. Anyone who sees the paper or the file can log into the customer’s Vault, so hand it over in person and do not e-mail it.'
export const SHEET_PASSWORD_CONFIRM_LABEL = 'I understand: print the passwords in clear text'
export const SHEET_PASSWORD_CONFIRM_MISSING = 'Tick this box to include the passwords, or untick “Include passwords”.'
export const DUPLICATE_CONFIRM_LABEL = 'These are different customers: import them anyway'
export const DUPLICATE_CONFIRM_MISSING = 'Tick this box to import these company names anyway, or remove the rows from the file.'
export const RESTORE_REPLACE_CONFIRM_MISSING = 'Tick this box to replace those customers, or cancel the restore.'

/** "1 customer", "1,200 customers" (digits in the user's locale). */
export const plural = formats.plural

/** The last part of a path that main chose, for headings; the full path is shown next to it. */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path
}

export const formatWhen = formats.dateTime
