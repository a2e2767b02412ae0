export { LicenseEditor } from './LicenseEditor'
