import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import keytar from 'keytar'
import { DeskFailure } from '../../main/common/desk-error'
import { accountFor, createKeychainVault, type KeychainBackend } from '../../main/services/credential-vault'
import { tempDesk } from '../helpers/temp-desk'

describe('credential vault on the real keychain', () => {
  test('stores, reads and deletes a customer password under the app service', async (t) => {
    const { keychainService } = await tempDesk(t)
    const vault = createKeychainVault(keychainService)
    await vault.storeCustomerPassword('cust-1', 'Vault-Pass-2026!')
    assert.equal(await keytar.getPassword(keychainService, accountFor('cust-1')), 'Vault-Pass-2026!')
    assert.equal(await vault.readCustomerPassword('cust-1'), 'Vault-Pass-2026!')
    assert.deepEqual(await vault.listCustomerIds(), ['cust-1'])
    assert.equal(await vault.deleteCustomerPassword('cust-1'), true)
    assert.equal(await vault.readCustomerPassword('cust-1'), null)
    assert.deepEqual(await vault.listCustomerIds(), [])
  })

  test('a keychain that fails gives a clear message with no secret in it', async () => {
    const failing: KeychainBackend = {
      setPassword: async () => {
        throw new Error('Cannot create an item in a locked collection: Secret-Pass-1!')
      },
      getPassword: async () => null,
      deletePassword: async () => false,
      findCredentials: async () => [],
    }
    const vault = createKeychainVault('irrelevant', failing)
    await assert.rejects(vault.storeCustomerPassword('c1', 'Secret-Pass-1!'), (error: unknown) => {
      assert.ok(error instanceof DeskFailure)
      assert.equal(error.code, 'keychain-unavailable')
      assert.match(error.message, /keychain is not available/)
      assert.doesNotMatch(error.message, /Secret-Pass/)
      return true
    })
  })
})
