export { BillingButton } from './BillingButton'
