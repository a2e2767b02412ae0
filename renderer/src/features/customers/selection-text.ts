import { formats } from '../../formats'

/** "1 customer selected", "3 customers selected". */
export const selectedCountText = (count: number): string => `${formats.plural(count, 'customer')} selected`

/** The select-all checkbox for the filtered view: "Select the 1 customer shown", "Select all 8 customers shown". */
export const selectAllLabel = (shown: number): string =>
  formats.plural(shown, { one: 'Select the # customer shown', other: 'Select all # customers shown' })
