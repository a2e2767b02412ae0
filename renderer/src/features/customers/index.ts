export { CustomerDetail } from './CustomerDetail'
export { CustomerList } from './CustomerList'
