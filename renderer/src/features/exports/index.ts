export { CustomerSheetButton } from './CustomerSheetButton'
export { DataMenu } from './DataMenu'
export { SelectionExports } from './SelectionExports'
