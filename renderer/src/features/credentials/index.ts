export { CredentialsPanel } from './CredentialsPanel'
export { PasswordPairFields } from './PasswordPairFields'
