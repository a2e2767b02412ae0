/** The lock's words, in one place: the first-start screen, the lock screen and Settings say the same things. */

export const FIRST_START_WHY =
  'Anyone who sits at this computer while you are away could open the desk and reveal every customer\'s Vault password. With a passphrase, the desk locks itself after 5 minutes without input (you can change that in Settings), when the screen locks and when the computer goes to sleep, and only the passphrase opens it again.'

export const FIRST_START_KEPT =
  'The desk keeps only a check value made from the passphrase, in this computer\'s keychain: never the passphrase itself.'

export const NO_LOCK_CONSEQUENCE =
  'Without a lock, anyone who can use this computer while you are signed in can open the desk and reveal, copy or print every customer\'s password. You can set a passphrase later in Settings.'

export const NO_LOCK_CONFIRM = 'I understand that anyone at this computer can reveal every password'

/** What a forgotten passphrase costs: nothing but the steps to reset the lock. */
export const FORGOTTEN_PASSPHRASE = [
  'Nothing is lost. The lock does not encrypt your customers: the customer file and the Vault passwords in the keychain stay exactly as they are.',
  'To reset the lock, quit the desk, then, signed in to this computer as yourself, delete the keychain entry named "desk-lock" of the service "MSP Customer Desk": on macOS in Keychain Access (it asks for your macOS password), on Windows in Credential Manager → Windows Credentials, on Linux in Passwords and Keys (Seahorse). Delete only that entry: the others are your customers\' passwords.',
  'When the desk starts again it asks for a new passphrase, with every customer still there.',
]

export const lockedNoticeForNoLock = 'This desk has no passphrase, so it cannot lock. Set one in Settings.'

/** The consequence without the pointer to Settings, for Settings itself. */
export const NO_LOCK_CONSEQUENCE_HERE = NO_LOCK_CONSEQUENCE.replace(' You can set a passphrase later in Settings.', '')

export const TURN_OFF_TOUCH_ID = 'Touch ID is switched off with it.'

export const PASSPHRASE_CHANGED = 'The desk passphrase was changed. From now on only the new one unlocks the desk.'

export const LOCK_TURNED_OFF = 'The lock is off: anyone at this computer can open the desk. Set a passphrase again in Settings.'
