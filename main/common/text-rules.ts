import type { RuleResult } from './portal-rules'

/**
 * Characters nobody can see or type, found in what was typed or pasted. Bidi controls reorder the text
 * around them (a name can show as something it is not), zero-width characters make two names that look
 * the same compare as different, and controls are changed or cut off by the keychain and by exports.
 */
export interface HiddenCharacter {
  codePoint: number
  /** "U+200B ZERO WIDTH SPACE" */
  description: string
  /** Where it starts, in UTF-16 units. */
  index: number
}

const NAMES = new Map<number, string>([
  [0x00, 'NULL'],
  [0x09, 'TAB'],
  [0x0a, 'LINE FEED'],
  [0x0d, 'CARRIAGE RETURN'],
  [0x1b, 'ESCAPE'],
  [0x7f, 'DELETE'],
  [0x85, 'NEXT LINE'],
  [0xad, 'SOFT HYPHEN'],
  [0x034f, 'COMBINING GRAPHEME JOINER'],
  [0x061c, 'ARABIC LETTER MARK'],
  [0x115f, 'HANGUL CHOSEONG FILLER'],
  [0x1160, 'HANGUL JUNGSEONG FILLER'],
  [0x180e, 'MONGOLIAN VOWEL SEPARATOR'],
  [0x200b, 'ZERO WIDTH SPACE'],
  [0x200c, 'ZERO WIDTH NON-JOINER'],
  [0x200d, 'ZERO WIDTH JOINER'],
  [0x200e, 'LEFT-TO-RIGHT MARK'],
  [0x200f, 'RIGHT-TO-LEFT MARK'],
  [0x2028, 'LINE SEPARATOR'],
  [0x2029, 'PARAGRAPH SEPARATOR'],
  [0x202a, 'LEFT-TO-RIGHT EMBEDDING'],
  [0x202b, 'RIGHT-TO-LEFT EMBEDDING'],
  [0x202c, 'POP DIRECTIONAL FORMATTING'],
  [0x202d, 'LEFT-TO-RIGHT OVERRIDE'],
  [0x202e, 'RIGHT-TO-LEFT OVERRIDE'],
  [0x2060, 'WORD JOINER'],
  [0x2061, 'FUNCTION APPLICATION'],
  [0x2062, 'INVISIBLE TIMES'],
  [0x2063, 'INVISIBLE SEPARATOR'],
  [0x2064, 'INVISIBLE PLUS'],
  [0x2066, 'LEFT-TO-RIGHT ISOLATE'],
  [0x2067, 'RIGHT-TO-LEFT ISOLATE'],
  [0x2068, 'FIRST STRONG ISOLATE'],
  [0x2069, 'POP DIRECTIONAL ISOLATE'],
  [0x2800, 'BRAILLE PATTERN BLANK'],
  [0x3164, 'HANGUL FILLER'],
  [0xfeff, 'ZERO WIDTH NO-BREAK SPACE (byte-order mark)'],
  [0xffa0, 'HALFWIDTH HANGUL FILLER'],
])

/** Letters and marks that draw nothing although Unicode does not class them as format characters. */
const BLANK_LETTERS = new Set(['\u034F', '\u115F', '\u1160', '\u17B4', '\u17B5', '\u2800', '\u3164', '\uFFA0'])
/** With the u flag, a surrogate in a class matches only one that is not half of a pair. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u
const LINE_BREAK = /[\n\v\f\r\u0085\u2028\u2029]/u
/** Scripts whose spelling needs the zero-width joiners (Persian, Hindi, Sinhala…): there they are letters, not tricks. */
const JOINING_SCRIPT = /[\p{sc=Arabic}\p{sc=Syriac}\p{sc=Nko}\p{sc=Devanagari}\p{sc=Bengali}\p{sc=Gurmukhi}\p{sc=Gujarati}\p{sc=Oriya}\p{sc=Tamil}\p{sc=Telugu}\p{sc=Kannada}\p{sc=Malayalam}\p{sc=Sinhala}\p{sc=Myanmar}\p{sc=Khmer}\p{sc=Mongolian}]/u

export interface HiddenCharacterOptions {
  /** Notes keep their line breaks and tabs. */
  multiline?: boolean
  /** Passwords have no script to join: every joiner is refused there. */
  joinersInWords?: boolean
}

const hex = (codePoint: number): string => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`

export function describeCodePoint(codePoint: number): string {
  const name = NAMES.get(codePoint)
  if (name) return `${hex(codePoint)} ${name}`
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return `${hex(codePoint)}, half of a character`
  if (codePoint >= 0xe0000 && codePoint <= 0xe007f) return `${hex(codePoint)}, a tag character`
  return /\p{Cc}/u.test(String.fromCodePoint(codePoint)) ? `${hex(codePoint)}, a control character` : `${hex(codePoint)}, an invisible formatting character`
}

function isHidden(char: string, before: string, after: string, options: HiddenCharacterOptions): boolean {
  if (LONE_SURROGATE.test(char) || BLANK_LETTERS.has(char)) return true
  if (options.multiline && (char === '\n' || char === '\t')) return false
  if (/\p{Cc}/u.test(char) || char === '\u2028' || char === '\u2029') return true
  if (!/\p{Cf}/u.test(char)) return false
  const joiner = char === '\u200C' || char === '\u200D'
  return !(joiner && options.joinersInWords !== false && JOINING_SCRIPT.test(before) && JOINING_SCRIPT.test(after))
}

/** The first character in the text that cannot be seen or typed, or null when there is none. */
export function findHiddenCharacter(text: string, options: HiddenCharacterOptions = {}): HiddenCharacter | null {
  const chars = Array.from(text)
  let index = 0
  for (const [position, char] of chars.entries()) {
    if (isHidden(char, chars[position - 1] ?? '', chars[position + 1] ?? '', options)) {
      const codePoint = char.codePointAt(0) ?? 0
      return { codePoint, description: describeCodePoint(codePoint), index }
    }
    index += char.length
  }
  return null
}

/** The text without anything findHiddenCharacter reports, for comparing names that look the same. */
export function withoutHiddenCharacters(text: string): string {
  const chars = Array.from(text)
  return chars.filter((char, position) => !isHidden(char, chars[position - 1] ?? '', chars[position + 1] ?? '', { multiline: true })).join('')
}

/** Where the character is, by the visible text just before it, so the user can find what cannot be seen. */
function whereIs(text: string, found: HiddenCharacter): string {
  const before = withoutHiddenCharacters(text.slice(0, found.index)).trim()
  if (before.trim() === '') return 'at the start'
  const shown = before.length > 24 ? `…${before.slice(-24)}` : before
  return `after "${shown.replace(/\s+/g, ' ')}"`
}

/** "The Customer Company Name contains U+200B ZERO WIDTH SPACE after "Contoso", which cannot be seen: …" */
export function hiddenCharacterMessage(label: string, text: string, found: HiddenCharacter): string {
  if (LONE_SURROGATE.test(String.fromCodePoint(found.codePoint))) {
    return `${label} contains a broken character (${found.description}) ${whereIs(text, found)}: type that part again.`
  }
  if (!LINE_BREAK.test(String.fromCodePoint(found.codePoint))) {
    return `${label} contains an invisible character, ${found.description}, ${whereIs(text, found)}: delete it, or type the text again instead of pasting it.`
  }
  return `${label} must be on one line: remove the line break ${whereIs(text, found)}.`
}

export function hiddenCharacterProblem(label: string, text: string, options: HiddenCharacterOptions = {}): string | null {
  const found = findHiddenCharacter(text, options)
  return found ? hiddenCharacterMessage(label, text, found) : null
}

/**
 * A one-line name as it is kept: tabs and other spaces (no-break, thin, ideographic) become plain spaces,
 * since they look the same and would only make one name differ from another; NFC, so that an accent typed
 * on macOS (often decomposed) and on Windows is the same text. Invisible characters are refused with a
 * message, and a name made only of them is refused as empty.
 */
export function parseName(raw: string, label: string): RuleResult<string> {
  const text = raw.replace(/[\t\p{Zs}]/gu, ' ').trim().normalize('NFC')
  if (text === '') return { error: `Enter the ${label}.` }
  const found = findHiddenCharacter(text)
  if (!found) return { value: text }
  if (withoutHiddenCharacters(text).trim() === '') return { error: `Enter the ${label}: what is there is only invisible characters (${found.description}).` }
  return { error: hiddenCharacterMessage(`The ${label}`, text, found) }
}

/** Notes keep what was typed (line breaks and tabs too), with Windows line ends made one line break. */
export function parseNotes(raw: string): RuleResult<string> {
  const text = raw.replace(/\r\n?/g, '\n').trim().normalize('NFC')
  const problem = hiddenCharacterProblem('The Notes field', text, { multiline: true })
  return problem ? { error: problem } : { value: text }
}
