import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { checkCustomerForm, emptyCustomerForm, type CustomerForm } from '../../main/common/customer-form'

const PASSWORD = 'Vault-Pass-2026!'
const x360 = { username: 'contoso_01', email: 'it@contoso.com', locations: 'HQ, Branch_2', password: PASSWORD, confirmPassword: PASSWORD }
const nexetic = {
  organizationName: '',
  domain: 'Contoso.com',
  userLicenses: '25',
  extraStorage: '2 TB',
  notifyUsers: 'a@b.com; c@d.com',
  storageType: 'Azure (Ireland)' as const,
}
const form = (overrides: Partial<CustomerForm> = {}): CustomerForm => ({ ...emptyCustomerForm(), companyName: 'Contoso Ltd', x360, nexetic, ...overrides })
const fieldsOf = (input: CustomerForm, requirePassword = true) => {
  const result = checkCustomerForm(input, { requirePassword })
  assert.ok(!result.ok, 'expected the form to be rejected')
  return result.fields
}

describe('customer form', () => {
  test('a complete form becomes a draft with parsed values and the password apart', () => {
    const result = checkCustomerForm(form(), { requirePassword: true })
    assert.ok(result.ok)
    assert.deepEqual(result.draft.x360, { username: 'contoso_01', email: 'it@contoso.com', locations: ['HQ', 'Branch_2'] })
    assert.deepEqual(result.draft.nexetic, {
      organizationName: 'Contoso Ltd',
      domain: 'contoso.com',
      userLicenses: 25,
      extraStorageGb: 2048,
      notifyUsers: ['a@b.com', 'c@d.com'],
      storageType: 'Azure (Ireland)',
    })
    assert.equal(result.password, PASSWORD)
    assert.ok(!JSON.stringify(result.draft).includes(PASSWORD), 'the draft that is stored never holds the password')
  })

  test('each broken field gets its own message, keyed by that field', () => {
    const fields = fieldsOf(
      form({
        companyName: ' ',
        x360: { username: 'contoso-01', email: 'nope', locations: 'HQ, New York', password: 'weak', confirmPassword: 'weak' },
        nexetic: { ...nexetic, domain: 'contoso', userLicenses: '1.5', extraStorage: '-5', notifyUsers: 'a@b.com;', storageType: '' },
      }),
    )
    assert.deepEqual(Object.keys(fields).sort(), [
      'companyName',
      'nexetic.domain',
      'nexetic.extraStorage',
      'nexetic.notifyUsers',
      'nexetic.organizationName',
      'nexetic.storageType',
      'nexetic.userLicenses',
      'x360.email',
      'x360.locations',
      'x360.password',
      'x360.username',
    ])
    assert.match(fields['x360.username'] ?? '', /letters, digits and underscore/)
    assert.match(fields['x360.locations'] ?? '', /"New York"/)
    assert.match(fields['nexetic.notifyUsers'] ?? '', /semicolon at the end/)
    assert.match(fields['nexetic.userLicenses'] ?? '', /whole number/)
  })

  test('0 licenses is refused at the licenses field', () => {
    assert.match(fieldsOf(form({ nexetic: { ...nexetic, userLicenses: '0' } }))['nexetic.userLicenses'] ?? '', /at least 1/)
  })

  test('the confirmation must match the password', () => {
    const fields = fieldsOf(form({ x360: { ...x360, confirmPassword: `${PASSWORD}x` } }))
    assert.deepEqual(fields, { 'x360.confirmPassword': 'The two passwords do not match.' })
    assert.deepEqual(fieldsOf(form({ x360: { ...x360, confirmPassword: '' } })), { 'x360.confirmPassword': 'Type the password again to confirm it.' })
  })

  test('the password is required at creation but not on an edit that leaves it alone', () => {
    const noPassword = form({ x360: { ...x360, password: '', confirmPassword: '' } })
    assert.match(fieldsOf(noPassword)['x360.password'] ?? '', /Enter a password/)
    const edited = checkCustomerForm(noPassword, { requirePassword: false })
    assert.ok(edited.ok)
    assert.equal(edited.password, null)
  })

  test('both services are optional; the organization name defaults to the company name', () => {
    const bare = checkCustomerForm(form({ x360: null, nexetic: null }), { requirePassword: true })
    assert.ok(bare.ok)
    assert.equal(bare.draft.x360, null)
    const named = checkCustomerForm(form({ nexetic: { ...nexetic, organizationName: 'Contoso Holdings' } }), { requirePassword: true })
    assert.ok(named.ok)
    assert.equal(named.draft.nexetic?.organizationName, 'Contoso Holdings')
  })
})

describe('customer form: text that cannot be seen', () => {
  test('an invisible character is refused at the field it is in: names, notes and the password', () => {
    const fields = fieldsOf(
      form({
        companyName: 'Contoso\u200B Ltd',
        notes: 'Renewal \u202Ein March',
        x360: { ...x360, password: 'Vault-Pass\u00002026!', confirmPassword: 'Vault-Pass\u00002026!' },
        nexetic: { ...nexetic, organizationName: 'Contoso\u2066 Holdings' },
      }),
    )
    assert.deepEqual(Object.keys(fields).sort(), ['companyName', 'nexetic.organizationName', 'notes', 'x360.password'])
    assert.match(fields.companyName ?? '', /^The Customer Company Name contains an invisible character, U\+200B ZERO WIDTH SPACE, after "Contoso"/)
    assert.match(fields['nexetic.organizationName'] ?? '', /^The Organization name contains an invisible character, U\+2066 LEFT-TO-RIGHT ISOLATE/)
    assert.match(fields.notes ?? '', /U\+202E RIGHT-TO-LEFT OVERRIDE, after "Renewal"/)
    assert.equal(fields['x360.password'], 'The password contains a control character (U+0000 NULL), which the keychain cannot store as it is: remove it.')
  })

  test('a company name of zero-width characters only is refused as empty', () => {
    assert.match(fieldsOf(form({ companyName: '\u200B\u200D', x360: null, nexetic: null })).companyName ?? '', /^Enter the Customer Company Name: what is there is only invisible/)
  })

  test('the draft keeps names with plain spaces and composed accents', () => {
    const result = checkCustomerForm(form({ companyName: 'Socie\u0301te\u0301\u00A0Ge\u0301ne\u0301rale', notes: 'a\r\nb', x360: null }), { requirePassword: true })
    assert.ok(result.ok)
    assert.equal(result.draft.companyName, 'Soci\u00E9t\u00E9 G\u00E9n\u00E9rale')
    assert.equal(result.draft.nexetic?.organizationName, 'Soci\u00E9t\u00E9 G\u00E9n\u00E9rale')
    assert.equal(result.draft.notes, 'a\nb')
  })
})

describe('customer form: Organization name', () => {
  test('cleared in the page, where it is shown filled in, it is an error at the field rather than the company name', () => {
    const cleared = form({ nexetic: { ...nexetic, organizationName: '  ' } })
    const result = checkCustomerForm(cleared, { requirePassword: true, organizationNameShown: true })
    assert.ok(!result.ok)
    assert.deepEqual(result.fields, {
      'nexetic.organizationName': 'Enter the Organization name (the company name, "Contoso Ltd", if the Nexetic organization has the same name).',
    })
    const typed = checkCustomerForm(form({ nexetic: { ...nexetic, organizationName: 'Contoso Holdings' } }), { requirePassword: true, organizationNameShown: true })
    assert.ok(typed.ok)
    assert.equal(typed.draft.nexetic?.organizationName, 'Contoso Holdings')
  })

  test('left out by an import or a caller that never showed it, it takes the company name', () => {
    const result = checkCustomerForm(form({ nexetic: { ...nexetic, organizationName: '' } }), { requirePassword: true })
    assert.ok(result.ok)
    assert.equal(result.draft.nexetic?.organizationName, 'Contoso Ltd')
  })
})
