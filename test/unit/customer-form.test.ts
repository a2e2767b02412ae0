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
