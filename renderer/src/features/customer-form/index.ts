export { CustomerFormDialog } from './CustomerFormDialog'
