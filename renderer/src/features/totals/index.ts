export { TotalsPanel, type TotalsScope } from './TotalsPanel'
