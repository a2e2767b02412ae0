export { CustomerSheetButton } from './CustomerSheetButton'
export { DataMenu } from './DataMenu'
