import type { MappingSource } from '../../../../../main/common/contract'

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
