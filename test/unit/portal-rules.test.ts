import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { generatePassword, passwordProblem, READ_ALOUD_SYMBOLS } from '../../main/common/password-policy'
import {
  companyKey,
  parseDomain,
  parseEmail,
  parseLocations,
  parseNotifyUsers,
  parseStorageGb,
  parseUserLicenses,
  parseUsername,
} from '../../main/common/portal-rules'
import { errorOf, valueOf } from '../helpers/rule-results'


describe('Customer Username', () => {
  test('accepts letters, digits and underscore', () => assert.equal(valueOf(parseUsername(' contoso_01 ')), 'contoso_01'))
  test('rejects a hyphen, a space and other characters', () => {
    for (const bad of ['contoso-01', 'contoso 01', 'contoso.01', 'contosö']) assert.match(errorOf(parseUsername(bad)), /letters, digits and underscore/)
  })
  test('is required', () => assert.match(errorOf(parseUsername('  ')), /Enter a Customer Username/))
})

describe('Locations', () => {
  test('splits on commas and trims blanks around them', () => assert.deepEqual(valueOf(parseLocations(' HQ , Branch_2,DR ')), ['HQ', 'Branch_2', 'DR']))
  test('rejects a space inside a location', () => assert.match(errorOf(parseLocations('HQ, New York')), /"New York" may contain only letters/))
  test('rejects an empty item', () => assert.match(errorOf(parseLocations('HQ,,DR')), /Location 2 is empty/))
  test('rejects a trailing comma', () => assert.match(errorOf(parseLocations('HQ,')), /Location 2 is empty/))
  test('rejects duplicates, ignoring case', () => assert.match(errorOf(parseLocations('HQ, hq')), /listed twice/))
  test('needs at least one', () => assert.match(errorOf(parseLocations('')), /at least one location/))
})

describe('Notify Users', () => {
  test('accepts addresses separated by semicolons', () => assert.deepEqual(valueOf(parseNotifyUsers('a@b.com; c@d.com')), ['a@b.com', 'c@d.com']))
  test('rejects a trailing semicolon with its own message', () => assert.match(errorOf(parseNotifyUsers('a@b.com;')), /semicolon at the end/))
  test('rejects an invalid address, naming it', () => assert.match(errorOf(parseNotifyUsers('a@b.com; not-an-address')), /"not-an-address" is not a valid/))
  test('rejects duplicates', () => assert.match(errorOf(parseNotifyUsers('a@b.com; A@b.com')), /listed twice/))
  test('addresses separated by commas or spaces: the message says to use semicolons, and shows how', () => {
    assert.equal(errorOf(parseNotifyUsers('a@b.com, c@d.com')), 'Separate the addresses with semicolons (;), not commas, like this: a@b.com; c@d.com.')
    assert.equal(errorOf(parseNotifyUsers('a@b.com c@d.com; e@f.com')), 'Separate the addresses with semicolons (;), not spaces, like this: a@b.com; c@d.com.')
    assert.equal(errorOf(parseNotifyUsers('a@b.com,c@d')), 'Separate the addresses with semicolons (;), not commas.')
  })
  test('an invisible character is named, not called an invalid address', () => {
    assert.match(errorOf(parseNotifyUsers('a@b.com; c\u200B@d.com')), /U\+200B ZERO WIDTH SPACE, after "a@b\.com; c"/)
  })
})

describe('User Licenses', () => {
  test('accepts a whole number ≥ 1', () => assert.equal(valueOf(parseUserLicenses(' 25 ')), 25))
  test('rejects 0', () => assert.match(errorOf(parseUserLicenses('0')), /at least 1/))
  test('rejects 1.5', () => assert.match(errorOf(parseUserLicenses('1.5')), /whole number/))
  test('a negative number says "at least 1"; text says "whole number"', () => {
    assert.equal(errorOf(parseUserLicenses('-1')), 'User Licenses must be at least 1.')
    assert.equal(errorOf(parseUserLicenses('−3')), 'User Licenses must be at least 1.')
    assert.match(errorOf(parseUserLicenses('ten')), /whole number/)
  })
  test('thousands separators: the message says how to write it', () => {
    for (const typed of ['1,024', '1.024', '1 024', "1'024", '1\u202F024']) {
      assert.equal(errorOf(parseUserLicenses(typed)), 'Type 1024, with digits only: no thousands separators.', typed)
    }
    assert.equal(errorOf(parseUserLicenses('1,000,000')), 'Type 1000000, with digits only: no thousands separators.')
    assert.match(errorOf(parseUserLicenses('1,5')), /whole number/)
  })
  test('is required', () => assert.match(errorOf(parseUserLicenses('')), /Enter the number/))
})

describe('Extra Storage', () => {
  test('accepts whole GB, with or without the unit', () => {
    assert.equal(valueOf(parseStorageGb('500')), 500)
    assert.equal(valueOf(parseStorageGb('500 GB')), 500)
    assert.equal(valueOf(parseStorageGb('0')), 0)
  })
  test('converts TB to GB', () => {
    assert.equal(valueOf(parseStorageGb('2 TB')), 2048)
    assert.equal(valueOf(parseStorageGb('1.5tb')), 1536)
  })
  test('rejects fractions of a GB', () => {
    assert.match(errorOf(parseStorageGb('10.5')), /whole number of GB/)
    assert.match(errorOf(parseStorageGb('0.001 TB')), /not a whole number of GB/)
  })
  test('a negative value says it cannot be negative', () => {
    assert.equal(errorOf(parseStorageGb('-1')), 'Extra Storage cannot be negative: enter 0 for none.')
    assert.equal(errorOf(parseStorageGb('-2 TB')), 'Extra Storage cannot be negative: enter 0 for none.')
  })
  test('thousands separators: the message says how to write it; a point stays the decimal mark', () => {
    assert.equal(errorOf(parseStorageGb('1,024')), 'Type 1024, with digits only: no thousands separators.')
    assert.equal(errorOf(parseStorageGb('2 048 gb')), 'Type 2048 GB, with digits only: no thousands separators.')
    assert.equal(errorOf(parseStorageGb('1,5 TB')), 'Use a point for decimals: 1.5 TB.')
    assert.equal(valueOf(parseStorageGb('1.5 TB')), 1536)
    assert.match(errorOf(parseStorageGb('1.024')), /whole number of GB/)
  })
})

describe('Domain', () => {
  test('is optional', () => assert.equal(valueOf(parseDomain('  ')), null))
  test('is stored lower-case', () => assert.equal(valueOf(parseDomain('Contoso.OnMicrosoft.com')), 'contoso.onmicrosoft.com'))
  test('rejects malformed names', () => {
    for (const bad of ['contoso', 'contoso..com', '-contoso.com', 'http://contoso.com', 'contoso .com']) assert.match(errorOf(parseDomain(bad)), /not a valid domain/)
  })
})

describe('e-mail and company names', () => {
  test('e-mail must be valid', () => {
    assert.equal(valueOf(parseEmail('it@contoso.com')), 'it@contoso.com')
    assert.match(errorOf(parseEmail('it@contoso')), /not a valid e-mail/)
  })
  test('company names match ignoring case and spacing', () => {
    assert.equal(companyKey('Contoso  Ltd'), companyKey('contoso ltd'))
    assert.equal(companyKey(' CONTOSO LTD '), companyKey('ContosoLtd'))
    assert.notEqual(companyKey('Contoso Ltd'), companyKey('Contoso Inc'))
  })
  test('twins that differ only in punctuation, accents, width, composition or invisible characters match', () => {
    const twins: [string, string][] = [
      ['Contoso Ltd.', 'Contoso Ltd'],
      ['Contoso, Inc.', 'Contoso Inc'],
      ['A.C.M.E. Corp', 'ACME Corp'],
      ['Smith-Jones', 'Smith Jones'],
      ['Société Générale', 'Societe Generale'],
      ['Cafe\u0301 Nord', 'Café Nord'],
      ['Ｃｏｎｔｏｓｏ Ltd', 'Contoso Ltd'],
      ['Straße GmbH', 'STRASSE GMBH'],
      ['Con\u200Btoso Ltd', 'Contoso Ltd'],
      ['\u202EContoso Ltd\u202C', 'Contoso Ltd'],
      ['Contoso\u00A0Ltd', 'Contoso Ltd'],
    ]
    for (const [one, other] of twins) assert.equal(companyKey(one), companyKey(other), `${JSON.stringify(one)} is a twin of ${JSON.stringify(other)}`)
    assert.notEqual(companyKey('Contoso Ltd'), companyKey('Contoso Ltda'))
    assert.notEqual(companyKey('Müller AG'), companyKey('Miller AG'))
  })
  test('an invisible character in an ASCII-only field is named rather than called invalid', () => {
    assert.equal(
      errorOf(parseUsername('contoso\u200B01')),
      'The Customer Username contains an invisible character, U+200B ZERO WIDTH SPACE, after "contoso": delete it, or type the text again instead of pasting it.',
    )
    assert.match(errorOf(parseEmail('it@contoso\u2060.com')), /U\+2060 WORD JOINER/)
    assert.match(errorOf(parseDomain('contoso\uFEFF.com')), /U\+FEFF ZERO WIDTH NO-BREAK SPACE/)
    assert.match(errorOf(parseLocations('HQ, \u200DDR')), /U\+200D ZERO WIDTH JOINER, after "HQ,"/)
    assert.match(errorOf(parseUserLicenses('2\u200B5')), /U\+200B/)
  })
})

describe('password policy', () => {
  test('names what a weak password lacks', () => {
    assert.match(passwordProblem('short') ?? '', /at least 12/)
    assert.match(passwordProblem('alllowercaseletters') ?? '', /upper-case letter, a digit, a symbol/)
    assert.equal(passwordProblem('Good-Password-2026'), null)
  })
  test('control characters and broken text are refused with a message that names the character, never the password', () => {
    const cases: [string, RegExp][] = [
      ['Vault-Pass\u00002026', /control character \(U\+0000 NULL\)/],
      ['Vault-Pass\u007F2026', /control character \(U\+007F DELETE\)/],
      ['Vault-Pass\u00852026', /control character \(U\+0085 NEXT LINE\)/],
      ['Vault-Pass\t2026', /control character \(U\+0009 TAB\)/],
      ['Vault-Pass\uD83D2026', /broken character \(half of a UTF-16 pair\).*�/],
      ['Vault-Pass\uDE002026', /broken character/],
      ['Vault-Pass\u200B2026', /invisible character \(U\+200B ZERO WIDTH SPACE\)/],
      ['Vault-Pass\u202E2026', /invisible character \(U\+202E RIGHT-TO-LEFT OVERRIDE\)/],
    ]
    for (const [password, message] of cases) {
      const problem = passwordProblem(password) ?? ''
      assert.match(problem, message, JSON.stringify(password))
      assert.ok(!problem.includes('Vault') && !problem.includes('2026'), 'the message holds no part of the password')
    }
    assert.equal(passwordProblem('Vault-Pass-2026-😀'), null, 'a whole emoji (a surrogate pair) is fine')
    assert.equal(passwordProblem('Vault Pass 2026!'), null, 'spaces inside are fine')
  })
  test('the read-aloud generator meets the policy with only symbols that are easy to say', () => {
    const seen = new Set<string>()
    for (let i = 0; i < 500; i++) {
      const password = generatePassword(20, { readAloud: true })
      assert.equal(passwordProblem(password), null, password)
      assert.equal(password.length, 20)
      const symbols = password.replace(/[A-Za-z0-9]/g, '')
      assert.ok(symbols.length > 0 && [...symbols].every((char) => READ_ALOUD_SYMBOLS.includes(char)), password)
      seen.add(password)
    }
    assert.equal(seen.size, 500)
  })
  test('the generator always meets the policy and does not repeat itself', () => {
    const seen = new Set<string>()
    for (let i = 0; i < 500; i++) {
      const password = generatePassword()
      assert.equal(passwordProblem(password), null, password)
      seen.add(password)
    }
    assert.equal(seen.size, 500)
  })
})
