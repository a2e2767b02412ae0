import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { findHiddenCharacter, parseName, parseNotes, withoutHiddenCharacters } from '../../main/common/text-rules'
import { errorOf, valueOf } from '../helpers/rule-results'


/** Every character issue 9 names, and the other invisible ones, with the name the message gives. */
const HIDDEN: [string, string][] = [
  ['\u202A', 'U+202A LEFT-TO-RIGHT EMBEDDING'],
  ['\u202B', 'U+202B RIGHT-TO-LEFT EMBEDDING'],
  ['\u202C', 'U+202C POP DIRECTIONAL FORMATTING'],
  ['\u202D', 'U+202D LEFT-TO-RIGHT OVERRIDE'],
  ['\u202E', 'U+202E RIGHT-TO-LEFT OVERRIDE'],
  ['\u2066', 'U+2066 LEFT-TO-RIGHT ISOLATE'],
  ['\u2067', 'U+2067 RIGHT-TO-LEFT ISOLATE'],
  ['\u2068', 'U+2068 FIRST STRONG ISOLATE'],
  ['\u2069', 'U+2069 POP DIRECTIONAL ISOLATE'],
  ['\u200E', 'U+200E LEFT-TO-RIGHT MARK'],
  ['\u200F', 'U+200F RIGHT-TO-LEFT MARK'],
  ['\u061C', 'U+061C ARABIC LETTER MARK'],
  ['\u200B', 'U+200B ZERO WIDTH SPACE'],
  ['\u200C', 'U+200C ZERO WIDTH NON-JOINER'],
  ['\u200D', 'U+200D ZERO WIDTH JOINER'],
  ['\u2060', 'U+2060 WORD JOINER'],
  ['\uFEFF', 'U+FEFF ZERO WIDTH NO-BREAK SPACE (byte-order mark)'],
  ['\u00AD', 'U+00AD SOFT HYPHEN'],
  ['\u2062', 'U+2062 INVISIBLE TIMES'],
  ['\u3164', 'U+3164 HANGUL FILLER'],
  ['\u2800', 'U+2800 BRAILLE PATTERN BLANK'],
  ['\u{E0041}', 'U+E0041, a tag character'],
  ['\u0000', 'U+0000 NULL'],
  ['\u0007', 'U+0007, a control character'],
  ['\u007F', 'U+007F DELETE'],
  ['\u009B', 'U+009B, a control character'],
  ['\uD800', 'U+D800, half of a character'],
]

describe('hidden characters', () => {
  test('each is found with its code point and name, and where it is', () => {
    for (const [char, description] of HIDDEN) {
      assert.deepEqual(findHiddenCharacter(`Con${char}toso`), { codePoint: char.codePointAt(0), description, index: 3 }, description)
    }
    assert.equal(findHiddenCharacter('Müller & Söhne GmbH, Łódź — 東京 😀'), null, 'visible text of any script is fine')
  })

  test('a company name holding one is refused, saying which and after what', () => {
    assert.equal(
      errorOf(parseName('Contoso\u202E dtL', 'Customer Company Name')),
      'The Customer Company Name contains an invisible character, U+202E RIGHT-TO-LEFT OVERRIDE, after "Contoso": delete it, or type the text again instead of pasting it.',
    )
    assert.match(errorOf(parseName('\u200BContoso', 'Customer Company Name')), /ZERO WIDTH SPACE, at the start:/)
    assert.match(errorOf(parseName('Contoso\nLtd', 'Customer Company Name')), /^The Customer Company Name must be on one line: remove the line break after "Contoso"\.$/)
    assert.match(errorOf(parseName('Contoso \uD83D', 'Customer Company Name')), /contains a broken character/)
  })

  test('a name of invisible characters only is refused as empty', () => {
    assert.equal(
      errorOf(parseName('\u200B\u200B\u2060', 'Customer Company Name')),
      'Enter the Customer Company Name: what is there is only invisible characters (U+200B ZERO WIDTH SPACE).',
    )
    assert.equal(errorOf(parseName(' \u00A0\u3000 ', 'Customer Company Name')), 'Enter the Customer Company Name.')
  })

  test('harmless differences are normalised in names: other spaces become plain ones, and accents are NFC', () => {
    assert.equal(valueOf(parseName('\u00A0Contoso\u00A0Ltd\tGroup\u2009', 'Customer Company Name')), 'Contoso Ltd Group')
    assert.equal(valueOf(parseName('Cafe\u0301 Nord', 'Customer Company Name')), 'Caf\u00E9 Nord')
  })

  test('the joiners that Persian and Indic spelling need are kept between letters of those scripts, refused elsewhere', () => {
    assert.equal(valueOf(parseName('\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645', 'Customer Company Name')), '\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645')
    assert.equal(valueOf(parseName('\u0915\u094D\u200D\u0937', 'Customer Company Name')), '\u0915\u094D\u200D\u0937')
    assert.match(errorOf(parseName('Con\u200Ctoso', 'Customer Company Name')), /U\+200C ZERO WIDTH NON-JOINER/)
    assert.equal(withoutHiddenCharacters('Con\u200Ctoso'), 'Contoso')
  })

  test('notes keep line breaks and tabs (Windows line ends made one), and refuse the rest', () => {
    assert.equal(valueOf(parseNotes(' Line one\r\nLine\ttwo\rthree ')), 'Line one\nLine\ttwo\nthree')
    assert.match(errorOf(parseNotes('Call\u2067 back \u2069 Monday')), /^The Notes field contains an invisible character, U\+2067 RIGHT-TO-LEFT ISOLATE, after "Call": /)
    assert.match(errorOf(parseNotes('Call back\u0000')), /U\+0000 NULL, after "Call back"/)
    assert.equal(valueOf(parseNotes('')), '')
  })
})
