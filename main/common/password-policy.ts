/** The complexity policy for Vault passwords, stated once so the form can show it beside the field. */
export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 128
export const PASSWORD_POLICY_TEXT =
  `At least ${PASSWORD_MIN_LENGTH} characters, with an upper-case letter, a lower-case letter, a digit and a symbol; no spaces at the start or end.`

const SYMBOLS = '!#$%&()*+,-./:;<=>?@[]^_{|}~'
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ'
const LOWER = 'abcdefghijkmnopqrstuvwxyz'
const DIGITS = '23456789'

/** Returns what the password lacks, in words, or null when it meets the policy. */
export function passwordProblem(password: string): string | null {
  if (password.length === 0) return 'Enter a password.'
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

/** A crypto-random password that always meets the policy; look-alike characters are left out. */
export function generatePassword(length = 20): string {
  const all = UPPER + LOWER + DIGITS + SYMBOLS
  const chars = [UPPER, LOWER, DIGITS, SYMBOLS].map((set) => set[randomIndex(set.length)] ?? '')
  while (chars.length < length) chars.push(all[randomIndex(all.length)] ?? '')
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomIndex(i + 1)
    const swap = chars[i] ?? ''
    chars[i] = chars[j] ?? ''
    chars[j] = swap
  }
  return chars.join('')
}
