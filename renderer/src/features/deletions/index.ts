export { DeletedCustomersButton } from './DeletedCustomersButton'
export { DeletionLog } from './DeletionLog'
