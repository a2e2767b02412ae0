export { CustomerFormDialog } from './CustomerFormDialog'
export type { CustomerFormModel } from './use-customer-form'
