// What any CredentialVault backend must do (keytar today; safeStorage or @napi-rs/keyring later).
// Run by vault-keytar.test.ts; a new backend gets its own small test file that calls vaultContract.
import assert from 'node:assert/strict'
import { describe, test, type TestContext } from 'node:test'
import { DeskFailure } from '../../main/common/desk-error'
import { PASSWORD_NOT_KEPT, type CredentialVault } from '../../main/services/credential-vault'

export interface ContractVaults {
  vault: CredentialVault
  /** The same backend under a service whose name starts with the first one's ("X" and "X 2"). */
  longerNamedService: CredentialVault
}

const PASSWORD = 'Contract-Pass-2026!'

export function vaultContract(backendName: string, open: (t: TestContext) => Promise<ContractVaults>): void {
  describe(`CredentialVault contract: ${backendName}`, () => {
    test('stores, reads, replaces and deletes a current entry; an absent one reads null and deletes false', async (t) => {
      const { vault } = await open(t)
      assert.equal(await vault.readCustomerPassword('c-1'), null)
      assert.equal(await vault.deleteCustomerPassword('c-1'), false)
      await vault.storeCustomerPassword('c-1', PASSWORD)
      assert.equal(await vault.readCustomerPassword('c-1'), PASSWORD)
      await vault.storeCustomerPassword('c-1', `${PASSWORD}x`)
      assert.equal(await vault.readCustomerPassword('c-1'), `${PASSWORD}x`)
      assert.equal(await vault.deleteCustomerPassword('c-1'), true)
      assert.equal(await vault.readCustomerPassword('c-1'), null)
    })

    test('lists exactly the customers with a current entry, not staged ones', async (t) => {
      const { vault } = await open(t)
      assert.deepEqual(await vault.listCustomerIds(), [])
      assert.deepEqual(await vault.listStagedPasswords(), [])
      await vault.storeCustomerPassword('c-1', PASSWORD)
      await vault.storeCustomerPassword('c-2', PASSWORD)
      await vault.stagePassword('c-3', 't-1', PASSWORD)
      assert.deepEqual((await vault.listCustomerIds()).sort(), ['c-1', 'c-2'])
      assert.deepEqual(await vault.listStagedPasswords(), [{ customerId: 'c-3', token: 't-1' }])
    })

    test('a staged password leaves the current one alone until it is promoted; promoting removes the staged entry', async (t) => {
      const { vault } = await open(t)
      await vault.storeCustomerPassword('c-1', 'Previous-Pass-2026!')
      await vault.stagePassword('c-1', 't-1', PASSWORD)
      assert.equal(await vault.readCustomerPassword('c-1'), 'Previous-Pass-2026!')
      assert.equal(await vault.promoteStagedPassword('c-1', 't-1'), true)
      assert.equal(await vault.readCustomerPassword('c-1'), PASSWORD)
      assert.deepEqual(await vault.listStagedPasswords(), [])
      assert.equal(await vault.promoteStagedPassword('c-1', 't-1'), false, 'promoting again finds nothing and changes nothing')
      assert.equal(await vault.readCustomerPassword('c-1'), PASSWORD)
    })

    test('a discarded staged password never becomes current; several tokens per customer are kept apart', async (t) => {
      const { vault } = await open(t)
      await vault.stagePassword('c-1', 't-1', 'First-Staged-2026!')
      await vault.stagePassword('c-1', 't-2', 'Second-Staged-2026!')
      assert.equal(await vault.discardStagedPassword('c-1', 't-1'), true)
      assert.equal(await vault.discardStagedPassword('c-1', 't-1'), false)
      assert.equal(await vault.readCustomerPassword('c-1'), null)
      assert.equal(await vault.promoteStagedPassword('c-1', 't-2'), true)
      assert.equal(await vault.readCustomerPassword('c-1'), 'Second-Staged-2026!')
    })

    test('unicode passwords come back exactly', async (t) => {
      const { vault } = await open(t)
      for (const [index, password] of ['Pässwörd-Ünïcode-1!', 'Пароль-Кириллица-2!', '密码-漢字-パス-3!Aa', 'Emoji-🔐🗝️-Family-👨‍👩‍👧-4!a', 'Combining-e\u0301-vs-é-5!A'].entries()) {
        await vault.stagePassword(`c-${index}`, 't', password)
        await vault.promoteStagedPassword(`c-${index}`, 't')
        assert.equal(await vault.readCustomerPassword(`c-${index}`), password)
      }
    })

    test('an unusual password comes back exactly, or is refused and changes nothing (a NUL, lone surrogates)', async (t) => {
      const { vault } = await open(t)
      await vault.storeCustomerPassword('c-1', PASSWORD)
      for (const unusual of ['Before-NUL\u0000after-1!A', 'Lone-\ud800-surrogate-2!A', 'Low-\udfff-surrogate-3!A']) {
        const staged = await vault.stagePassword('c-1', 't-1', unusual).then(
          () => true,
          (error: unknown) => {
            assert.ok(error instanceof DeskFailure && error.message === PASSWORD_NOT_KEPT, 'refused with the clear message')
            return false
          },
        )
        if (staged) {
          await vault.promoteStagedPassword('c-1', 't-1')
          assert.equal(await vault.readCustomerPassword('c-1'), unusual, 'kept exactly')
          await vault.storeCustomerPassword('c-1', PASSWORD)
        }
        assert.deepEqual(await vault.listStagedPasswords(), [], 'no staged entry is left')
        assert.equal(await vault.readCustomerPassword('c-1'), PASSWORD, 'the current password is the one stored')
      }
    })

    test('previous passwords: kept exactly under their token, read, listed per customer and in all, deleted; apart from current and staged entries', async (t) => {
      const { vault, longerNamedService } = await open(t)
      assert.equal(await vault.readPreviousPassword('c-1', 't-1'), null)
      assert.equal(await vault.deletePreviousPassword('c-1', 't-1'), false)
      await vault.keepPreviousPassword('c-1', 't-1', 'Old-Pass-2026!')
      await vault.keepPreviousPassword('c-1', 't-2', 'Older-Пароль-2026!')
      await vault.keepPreviousPassword('c-2', 't-3', PASSWORD)
      await longerNamedService.keepPreviousPassword('c-1', 't-9', PASSWORD)
      assert.equal(await vault.readPreviousPassword('c-1', 't-2'), 'Older-Пароль-2026!')
      assert.deepEqual((await vault.listPreviousPasswords('c-1')).sort((a, b) => a.token.localeCompare(b.token)), [
        { customerId: 'c-1', token: 't-1' },
        { customerId: 'c-1', token: 't-2' },
      ])
      assert.equal((await vault.listPreviousPasswords()).length, 3, "every customer's, not the other service's")
      assert.deepEqual(await vault.listCustomerIds(), [], 'a previous password is no current entry')
      assert.deepEqual(await vault.listStagedPasswords(), [])
      // Kept exactly, or refused with nothing left behind, as a current password is.
      const unusual = 'Before-NUL\u0000after-1!A'
      const kept = await vault.keepPreviousPassword('c-1', 't-4', unusual).then(
        () => true,
        (error: unknown) => {
          assert.ok(error instanceof DeskFailure && error.message === PASSWORD_NOT_KEPT, 'refused with the clear message')
          return false
        },
      )
      assert.equal(await vault.readPreviousPassword('c-1', 't-4'), kept ? unusual : null)
      assert.equal(await vault.deletePreviousPassword('c-1', 't-1'), true)
      assert.equal(await vault.readPreviousPassword('c-1', 't-1'), null)
      await vault.stagePassword('c-1', 't-5', 'Staged-Pass-2026!')
      assert.equal(await vault.readStagedPassword('c-1', 't-5'), 'Staged-Pass-2026!')
      assert.equal(await vault.readStagedPassword('c-1', 't-6'), null)
    })

    test('a service whose name starts with this one stays out of its lists and entries', async (t) => {
      const { vault, longerNamedService } = await open(t)
      await longerNamedService.storeCustomerPassword('other-desk', PASSWORD)
      await longerNamedService.stagePassword('other-desk', 't-9', PASSWORD)
      await vault.storeCustomerPassword('ours', PASSWORD)
      assert.deepEqual(await vault.listCustomerIds(), ['ours'])
      assert.deepEqual(await vault.listStagedPasswords(), [])
      assert.equal(await vault.readCustomerPassword('other-desk'), null)
      assert.equal(await vault.deleteCustomerPassword('other-desk'), false)
      assert.deepEqual(await longerNamedService.listCustomerIds(), ['other-desk'], "the other service's entry is untouched")
    })
  })
}
