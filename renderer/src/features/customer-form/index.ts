export { CustomerFormDialog } from './CustomerFormDialog'
export { ModalDialog } from './ModalDialog'
