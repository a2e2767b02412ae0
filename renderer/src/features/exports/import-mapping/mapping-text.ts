import type { LeftOutRows, MappingSource } from '../../../../../main/common/contract'
import { passwordWords } from '../../../../../main/common/vendors/password-words'
import { vendors } from '../../../../../main/common/vendors/registry'
import { plural } from '../export-text'

/** Where the columns' mapping came from, in words for the dialog. */
export function mappingSourceText(source: MappingSource): string {
  switch (source.kind) {
    case 'desk':
      return "The columns are the desk's own."
    case 'preset':
      return `The columns were recognised as a ${source.name} export and mapped by themselves. Check them, and give every row what the file lacks.`
    case 'saved':
      return `The columns were mapped with your saved mapping “${source.name}”.`
    case 'chosen':
      return 'The columns are mapped as you chose.'
    case 'none':
      return "Some columns are not the desk's own. Choose the desk field each column fills, or leave it out."
  }
}

/** "a backup account", "an SSO account": a word read letter by letter (SSO, X1) takes "an" when its first letter's name does. */
const withArticle = (noun: string): string => (/^[aeiouAEIOU]|^[fhlmnrsxFHLMNRSX][A-Z0-9]/.test(noun) ? `an ${noun}` : `a ${noun}`)

/** The values-for-every-row hint, with what each vendor's account needs that an import file may lack (its importNeeds note). */
export function defaultsHintText(): string {
  const needs = vendors().flatMap((vendor) => (vendor.notes?.importNeeds ? [`${withArticle(vendor.accountLabel)} needs ${vendor.notes.importNeeds}`] : []))
  return `For fields the file has no column for${needs.length > 0 ? `: ${needs.join('; ')}` : ''}. Left empty, each row is checked without it.`
}

/** The password import's summary when no row matched. */
export const noPasswordMatchText = (): string =>
  `No row matches a customer on the desk with ${passwordWords().anAccount}, so there is nothing to set.`

/** "3 rows left out: Bitwarden secure notes and cards are not logins." */
export const leftOutText = ({ reason, rows }: LeftOutRows): string => `${plural(rows.length, 'row')} left out: ${reason}.`
