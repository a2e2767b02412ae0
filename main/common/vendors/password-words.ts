import { passwordVendor } from './registry'

/** The password vendor's words, as the password features show them. */
export interface PasswordWords {
  /** The service's name ("x360Recover"). */
  name: string
  /** The account ("x360Recover account"), and with its article ("an x360Recover account"). */
  account: string
  anAccount: string
  /** Where in the portal the same password is set. */
  portalName: string
  loginNote: string
  /** Whose words the follow-up steps are. */
  changeStepsSource: string
}

/** Neutral words for a desk none of whose vendors holds a password: the password features then show nothing anyway. */
const NO_PASSWORD_VENDOR: PasswordWords = {
  name: 'the portal',
  account: 'account',
  anAccount: 'an account',
  portalName: 'portal',
  loginNote: '',
  changeStepsSource: 'the portal’s help',
}

export function passwordWords(): PasswordWords {
  const vendor = passwordVendor()
  const password = vendor?.password
  if (!vendor || !password) return NO_PASSWORD_VENDOR
  const { anAccount, portalName, loginNote, changeStepsSource } = password
  return { name: vendor.name, account: vendor.accountLabel, anAccount, portalName, loginNote, changeStepsSource }
}
