import { findHiddenCharacter } from './text-rules'

/** The complexity policy for Vault passwords, stated once so the form can show it beside the field. */
export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 128
export const PASSWORD_POLICY_TEXT =
  `At least ${PASSWORD_MIN_LENGTH} characters, with an upper-case letter, a lower-case letter, a digit and a symbol; no spaces at the start or end, and no control or invisible characters.`

const SYMBOLS = '!#$%&()*+,-./:;<=>?@[]^_{|}~'
/** Symbols with one name that everyone says the same way, for a password read out over the phone. */
export const READ_ALOUD_SYMBOLS = '!%*+-=?@'
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ'
const LOWER = 'abcdefghijkmnopqrstuvwxyz'
const DIGITS = '23456789'

/** Returns what the password lacks, in words, or null when it meets the policy. */
export function passwordProblem(password: string): string | null {
  if (password.length === 0) return 'Enter a password.'
  const hidden = characterProblem(password)
  if (hidden) return hidden
  if (password.length < PASSWORD_MIN_LENGTH) return `The password needs at least ${PASSWORD_MIN_LENGTH} characters (it has ${password.length}).`
  if (password.length > PASSWORD_MAX_LENGTH) return `The password may have at most ${PASSWORD_MAX_LENGTH} characters.`
  if (password.trim() !== password) return 'The password may not start or end with a space.'
  const missing: string[] = []
  if (!/[A-Z]/.test(password)) missing.push('an upper-case letter')
  if (!/[a-z]/.test(password)) missing.push('a lower-case letter')
  if (!/[0-9]/.test(password)) missing.push('a digit')
  if (!/[^A-Za-z0-9\s]/.test(password)) missing.push('a symbol')
  if (missing.length > 0) return `The password needs ${missing.join(', ')}.`
  return null
}

/**
 * Controls are cut off or changed by the keychain (a NUL ends the password there), half a UTF-16 pair
 * comes back as U+FFFD, and an invisible character cannot be read or typed by the customer: each would
 * silently give the customer a password other than the one shown. The message names the character,
 * never the password or where in it.
 */
function characterProblem(password: string): string | null {
  const found = findHiddenCharacter(password, { joinersInWords: false })
  if (!found) return null
  const { description } = found
  if (/[\uD800-\uDFFF]/u.test(String.fromCodePoint(found.codePoint))) {
    return 'The password contains a broken character (half of a UTF-16 pair) that the keychain would store as �: type that part again.'
  }
  if (/\p{Cc}|[\u2028\u2029]/u.test(String.fromCodePoint(found.codePoint))) {
    return `The password contains a control character (${description}), which the keychain cannot store as it is: remove it.`
  }
  return `The password contains an invisible character (${description}) that the customer could neither see nor type: remove it.`
}

function randomIndex(bound: number): number {
  // Rejection sampling keeps every character equally likely.
  const limit = Math.floor(0x1_0000_0000 / bound) * bound
  const buffer = new Uint32Array(1)
  for (;;) {
    globalThis.crypto.getRandomValues(buffer)
    const value = buffer[0] ?? 0
    if (value < limit) return value % bound
  }
}

export interface GenerateOptions {
  /** Only READ_ALOUD_SYMBOLS, for a password that will be spelt out to the customer. */
  readAloud?: boolean
}

/** A crypto-random password that always meets the policy; look-alike characters are left out. */
export function generatePassword(length = 20, { readAloud = false }: GenerateOptions = {}): string {
  const symbols = readAloud ? READ_ALOUD_SYMBOLS : SYMBOLS
  const all = UPPER + LOWER + DIGITS + symbols
  const chars = [UPPER, LOWER, DIGITS, symbols].map((set) => set[randomIndex(set.length)] ?? '')
  while (chars.length < length) chars.push(all[randomIndex(all.length)] ?? '')
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomIndex(i + 1)
    const swap = chars[i] ?? ''
    chars[i] = chars[j] ?? ''
    chars[j] = swap
  }
  return chars.join('')
}
