import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { generatePassword, passwordProblem } from '../../main/common/password-policy'
import {
  companyKey,
  parseDomain,
  parseEmail,
  parseLocations,
  parseNotifyUsers,
  parseStorageGb,
  parseUserLicenses,
  parseUsername,
  type RuleResult,
} from '../../main/common/portal-rules'

const valueOf = <T>(result: RuleResult<T>): T => {
  assert.ok('value' in result, `expected a value, got ${JSON.stringify(result)}`)
  return result.value
}
const errorOf = <T>(result: RuleResult<T>): string => {
  assert.ok('error' in result, `expected an error, got ${JSON.stringify(result)}`)
  return result.error
}

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
  test('rejects commas used as separators', () => assert.match(errorOf(parseNotifyUsers('a@b.com, c@d.com')), /not a valid/))
})

describe('User Licenses', () => {
  test('accepts a whole number ≥ 1', () => assert.equal(valueOf(parseUserLicenses(' 25 ')), 25))
  test('rejects 0', () => assert.match(errorOf(parseUserLicenses('0')), /at least 1/))
  test('rejects 1.5', () => assert.match(errorOf(parseUserLicenses('1.5')), /whole number/))
  test('rejects negative and text', () => {
    assert.match(errorOf(parseUserLicenses('-3')), /whole number/)
    assert.match(errorOf(parseUserLicenses('ten')), /whole number/)
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
  test('rejects negative values', () => assert.match(errorOf(parseStorageGb('-1')), /whole number/))
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
})

describe('password policy', () => {
  test('names what a weak password lacks', () => {
    assert.match(passwordProblem('short') ?? '', /at least 12/)
    assert.match(passwordProblem('alllowercaseletters') ?? '', /upper-case letter, a digit, a symbol/)
    assert.equal(passwordProblem('Good-Password-2026'), null)
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
