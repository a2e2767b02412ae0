import { z } from 'zod'
import { hiddenCharacterProblem, withoutHiddenCharacters } from './text-rules'

/** Each rule turns what the user typed into a value, or says in the portal's words what is wrong. */
export type RuleResult<T> = { value: T } | { error: string }

const NAME_CHARS = /^[A-Za-z0-9_]+$/
const emailSchema = z.email()
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/

export const TB_IN_GB = 1024
export const MAX_USER_LICENSES = 1_000_000
export const MAX_STORAGE_GB = 100_000_000

export function isValidEmail(text: string): boolean {
  return emailSchema.safeParse(text).success
}

/** Said before a field's own rule, which would only call the text invalid without saying why. */
const hidden = (label: string, raw: string): RuleResult<never> | null => {
  const problem = hiddenCharacterProblem(label, raw)
  return problem ? { error: problem } : null
}

/** A number typed with thousands separators ("1,024", "1 024", "1'024"), as digits only; null when it is not one. */
function withoutThousandsSeparators(text: string, separators: string): string | null {
  const match = new RegExp(`^\\d{1,3}([${separators}])\\d{3}(?:\\1\\d{3})*$`, 'u').exec(text)
  return match ? text.split(match[1] ?? '').join('') : null
}
const GROUPING = ",'’ \u00A0\u202F"
const NEGATIVE = /^[-−]\s*\d/u

export function parseUsername(raw: string): RuleResult<string> {
  const text = raw.trim()
  const invisible = hidden('The Customer Username', text)
  if (invisible) return invisible
  if (text === '') return { error: 'Enter a Customer Username.' }
  if (text.length > 64) return { error: 'The Customer Username may have at most 64 characters.' }
  if (!NAME_CHARS.test(text)) return { error: 'Use only letters, digits and underscore (_): no spaces, hyphens or other characters.' }
  return { value: text }
}

export function parseEmail(raw: string, label = 'Customer Email Address'): RuleResult<string> {
  const text = raw.trim()
  if (text === '') return { error: `Enter the ${label}.` }
  const invisible = hidden(`The ${label}`, text)
  if (invisible) return invisible
  if (!isValidEmail(text)) return { error: `"${text}" is not a valid e-mail address.` }
  return { value: text }
}

/** Locations are typed separated by commas; blanks around commas are trimmed. */
export function parseLocations(raw: string): RuleResult<string[]> {
  if (raw.trim() === '') return { error: 'Enter at least one location.' }
  const invisible = hidden('Locations', raw.trim())
  if (invisible) return invisible
  const items = raw.split(',').map((item) => item.trim())
  const seen = new Set<string>()
  for (const [index, item] of items.entries()) {
    if (item === '') return { error: `Location ${index + 1} is empty: remove the extra comma.` }
    if (!NAME_CHARS.test(item)) return { error: `Location "${item}" may contain only letters, digits and underscore (no spaces).` }
    const key = item.toLowerCase()
    if (seen.has(key)) return { error: `Location "${item}" is listed twice.` }
    seen.add(key)
  }
  return { value: items }
}

/** Addresses typed with commas or spaces between them: the message says to use semicolons, and shows how. */
function separatorProblem(item: string): string | null {
  const parts = item.split(/[\s,]+/).filter((part) => part !== '')
  if (parts.filter((part) => part.includes('@')).length < 2) return null
  const used = item.includes(',') ? 'commas' : 'spaces'
  const example = parts.every(isValidEmail) ? `, like this: ${parts.join('; ')}` : ''
  return `Separate the addresses with semicolons (;), not ${used}${example}.`
}

/** Notify Users are e-mail addresses separated by semicolons. */
export function parseNotifyUsers(raw: string): RuleResult<string[]> {
  if (raw.trim() === '') return { error: 'Enter at least one e-mail address to notify.' }
  const invisible = hidden('Notify Users', raw.trim())
  if (invisible) return invisible
  const items = raw.split(';').map((item) => item.trim())
  const seen = new Set<string>()
  for (const [index, item] of items.entries()) {
    if (item === '') {
      return { error: index === items.length - 1 ? 'Remove the semicolon at the end.' : `Address ${index + 1} is empty: remove the extra semicolon.` }
    }
    if (!isValidEmail(item)) return { error: separatorProblem(item) ?? `"${item}" is not a valid e-mail address.` }
    const key = item.toLowerCase()
    if (seen.has(key)) return { error: `"${item}" is listed twice.` }
    seen.add(key)
  }
  return { value: items }
}

export function parseDomain(raw: string): RuleResult<string | null> {
  const text = raw.trim().toLowerCase()
  if (text === '') return { value: null }
  const invisible = hidden('The Domain', text)
  if (invisible) return invisible
  if (!DOMAIN.test(text)) return { error: `"${raw.trim()}" is not a valid domain name (for example contoso.com or contoso.onmicrosoft.com).` }
  return { value: text }
}

export function parseUserLicenses(raw: string): RuleResult<number> {
  const text = raw.trim()
  if (text === '') return { error: 'Enter the number of User Licenses (at least 1).' }
  const invisible = hidden('User Licenses', text)
  if (invisible) return invisible
  if (NEGATIVE.test(text)) return { error: 'User Licenses must be at least 1.' }
  const digits = withoutThousandsSeparators(text, `${GROUPING}.`)
  if (digits !== null) return { error: `Type ${digits}, with digits only: no thousands separators.` }
  if (!/^\d+$/.test(text)) return { error: 'User Licenses must be a whole number, such as 25.' }
  const value = Number(text)
  if (value < 1) return { error: 'User Licenses must be at least 1.' }
  if (value > MAX_USER_LICENSES) return { error: `User Licenses may be at most ${MAX_USER_LICENSES.toLocaleString('en-US')}.` }
  return { value }
}

/** Extra Storage in whole GB; "2 TB" is accepted and converted (1 TB = 1024 GB). */
export function parseStorageGb(raw: string): RuleResult<number> {
  const text = raw.trim()
  if (text === '') return { error: 'Enter the Extra Storage in GB (0 for none).' }
  const invisible = hidden('Extra Storage', text)
  if (invisible) return invisible
  if (NEGATIVE.test(text)) return { error: 'Extra Storage cannot be negative: enter 0 for none.' }
  const typed = /^(.*?)\s*(gb|tb)?$/i.exec(text)
  const number = typed?.[1] ?? text
  const unit = typed?.[2] ? ` ${typed[2].toUpperCase()}` : ''
  // A point is the decimal mark here (1.5 TB), so only the other separators can be thousands.
  const digits = withoutThousandsSeparators(number, GROUPING)
  if (digits !== null) return { error: `Type ${digits}${unit}, with digits only: no thousands separators.` }
  if (unit === ' TB' && /^\d+,\d+$/.test(number)) return { error: `Use a point for decimals: ${number.replace(',', '.')}${unit}.` }
  const match = /^(\d+(?:\.\d+)?)\s*(gb|tb)?$/i.exec(text)
  if (!match) return { error: 'Extra Storage must be a whole number of GB (such as 500) or TB (such as 2 TB).' }
  const amount = Number(match[1])
  const isTb = (match[2] ?? '').toLowerCase() === 'tb'
  const gb = isTb ? amount * TB_IN_GB : amount
  if (!Number.isInteger(gb)) {
    return { error: isTb ? `${amount} TB is ${gb} GB, which is not a whole number of GB.` : 'Extra Storage must be a whole number of GB.' }
  }
  if (gb > MAX_STORAGE_GB) return { error: `Extra Storage may be at most ${MAX_STORAGE_GB.toLocaleString('en-US')} GB.` }
  return { value: gb }
}

/**
 * Two company names are the same customer when they differ only in what a reader would not call a
 * different name: case (ß and SS too), spacing, punctuation ("Contoso Ltd." and "Contoso, Ltd"),
 * accents ("Société" and "Societe"), compatibility forms (full-width "Ｃｏｎｔｏｓｏ", ligatures) and
 * invisible characters. A false match only asks the user to confirm; a missed one makes a twin.
 */
export function companyKey(name: string): string {
  return withoutHiddenCharacters(name)
    .toUpperCase()
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[\s\p{P}]/gu, '')
    .normalize('NFC')
}

export function usernameKey(username: string): string {
  return username.toLowerCase()
}
