import { vendors } from '../../../../main/common/vendors/registry'
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

/**
 * The sheet dialog's title for every count: "Customer sheet for 1 customer", "Customer sheets for 3
 * customers"; for the whole desk "Customer sheets for all 5 customers", or "…for your only customer".
 */
export function sheetsTitle(count: number, { all }: { all: boolean }): string {
  if (all) return plural(count, { one: 'Customer sheet for your only customer', other: 'Customer sheets for all # customers' })
  return plural(count, { one: 'Customer sheet for # customer', other: 'Customer sheets for # customers' })
}

/** The progress bar's spoken value: "0 of 1 sheet", "12 of 40 sheets". */
export const sheetProgressText = (done: number, total: number): string => `${formats.number(done)} of ${plural(total, 'sheet')}`

/** What a customer sheet holds, each vendor's part in the registry's order (the password vendor's with its login note). */
export function sheetContents(): string {
  const parts = vendors().map((vendor) => {
    const withLoginNote = vendor.sheet.note !== undefined && vendor.sheet.note === vendor.password?.loginNote
    return `the ${vendor.accountLabel}${withLoginNote ? ' with the Vault login note' : ''}`
  })
  return `${['the company', ...parts].join(', ')} and today’s date`
}
