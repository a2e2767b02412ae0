export { FillPortalButton } from './FillPortalButton'
