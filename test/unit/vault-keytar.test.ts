import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import keytar from 'keytar'
import { DeskFailure } from '../../main/common/desk-error'
import { accountFor, createKeychainVault, PASSWORD_NOT_KEPT, type KeychainBackend } from '../../main/services/credential-vault'
import { removeKeychainService, tempDesk } from '../helpers/temp-desk'
import { vaultContract } from './vault-contract'

vaultContract('keytar on the real keychain', async (t) => {
  const { keychainService } = await tempDesk(t)
  t.after(() => removeKeychainService(`${keychainService} 2`))
  return { vault: createKeychainVault(keychainService), longerNamedService: createKeychainVault(`${keychainService} 2`) }
})

describe('keytar on the real keychain, beyond the contract', () => {
  test('this keychain cuts a password at a NUL and turns a lone surrogate into U+FFFD, so both are refused', async (t) => {
    const { keychainService } = await tempDesk(t)
    const vault = createKeychainVault(keychainService)
    for (const altered of ['Before-NUL\u0000after-1!A', 'Lone-\ud800-surrogate-2!A']) {
      await assert.rejects(vault.stagePassword('c-1', 't-1', altered), (error: unknown) => error instanceof DeskFailure && error.message === PASSWORD_NOT_KEPT)
      await assert.rejects(vault.storeCustomerPassword('c-1', altered), (error: unknown) => error instanceof DeskFailure && error.message === PASSWORD_NOT_KEPT)
    }
    assert.deepEqual(await keytar.findCredentials(keychainService), [], 'nothing was left in the keychain')
  })
})

/**
 * A stand-in for one Windows behaviour only, as keytar's credentials_win.cc has it: entries are
 * targets "<service>/<account>", and findCredentials enumerates CredEnumerate("<service>*"), a prefix.
 */
function windowsPrefixEnumeratingKeychain(): KeychainBackend {
  const targets = new Map<string, { service: string; account: string; password: string }>()
  return {
    setPassword: async (service, account, password) => void targets.set(`${service}/${account}`, { service, account, password }),
    getPassword: async (service, account) => targets.get(`${service}/${account}`)?.password ?? null,
    deletePassword: async (service, account) => targets.delete(`${service}/${account}`),
    findCredentials: async (service) =>
      [...targets.entries()].filter(([target]) => target.startsWith(service)).map(([, { account, password }]) => ({ account, password })),
  }
}

describe("Windows' prefix enumeration", () => {
  test('a second desk\'s service "MSP Customer Desk 2" is not among "MSP Customer Desk"\'s entries or leftovers', async () => {
    const backend = windowsPrefixEnumeratingKeychain()
    const ours = createKeychainVault('MSP Customer Desk', backend)
    const second = createKeychainVault('MSP Customer Desk 2', backend)
    await second.storeCustomerPassword('theirs', 'Second-Desk-Pass-1!')
    await second.stagePassword('theirs', 't-1', 'Second-Desk-Pass-2!')
    await ours.storeCustomerPassword('ours', 'Our-Desk-Pass-1!')
    assert.equal((await backend.findCredentials('MSP Customer Desk')).length, 3, 'the stand-in enumerates as Windows does')
    assert.deepEqual(await ours.listCustomerIds(), ['ours'])
    assert.deepEqual(await ours.listStagedPasswords(), [])
    assert.deepEqual(await second.listCustomerIds(), ['theirs'])
    assert.equal(await backend.getPassword('MSP Customer Desk 2', accountFor('theirs')), 'Second-Desk-Pass-1!')
  })
})
