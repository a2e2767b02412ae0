import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { createKeychainVault, type CredentialVault } from '../../main/services/credential-vault'
import { createDesk, type Desk } from '../../main/desk'
import { dispatch } from '../../main/ipc/handler-table'
import { createMemoryClipboard } from '../../main/services/secret-clipboard'
import { SAMPLE_CUSTOMERS, seedCustomers } from '../helpers/customer-seeds'
import { tempDesk } from '../helpers/temp-desk'

describe('settling staged passwords when a desk opens', () => {
  test('a desk that read the file before another desk started a save leaves that save’s staged password alone', async (t) => {
    const { dataDir, keychainService } = await tempDesk(t)
    const vault = createKeychainVault(keychainService)
    const first = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard() })
    const [contoso, coho] = await seedCustomers(first, [SAMPLE_CUSTOMERS[0], SAMPLE_CUSTOMERS[7]].filter((input) => input !== undefined))
    assert.ok(contoso && coho)
    await first.close()
    // What a crash left behind: a staged password the store never committed, so there is something to settle.
    await vault.stagePassword(contoso.id, 'left-by-a-crash', 'Left-Over-2026!')

    // Desk B has read the file; before it settles, desk A opens, starts a save (it holds the lock) and stages
    // the password of its Change Password, which it will commit next.
    let deskA: Desk | undefined
    const watched: CredentialVault = {
      ...vault,
      listStagedPasswords: async () => {
        if (!deskA) {
          deskA = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard() })
          const saved = await dispatch(deskA.handlers, 'desk:customers.update', {
            id: coho.id,
            form: { companyName: 'Coho Winery', notes: 'A saves first', x360: null, nexetic: null },
            confirmDuplicateCompany: true,
          })
          assert.ok(saved.ok, JSON.stringify(saved))
          await vault.stagePassword(contoso.id, 'desk-a-in-flight', 'In-Flight-2026!')
        }
        return vault.listStagedPasswords()
      },
    }
    const deskB = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard(), vault: watched })
    t.after(async () => {
      await deskB.close()
      await deskA?.close()
    })

    const staged = (await vault.listStagedPasswords()).map((entry) => entry.token)
    assert.ok(staged.includes('desk-a-in-flight'), `desk A's staged password is still there (staged: ${staged.join(', ') || 'none'})`)
    assert.equal(deskB.store.status.kind, 'read-only', 'desk B saw that another desk holds the file and saves nothing')
  })

  test('with nothing staged a desk that only looks takes no lock, and a desk that settles leaves nothing staged', async (t) => {
    const { dataDir, keychainService } = await tempDesk(t)
    const vault = createKeychainVault(keychainService)
    const first = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard() })
    const [coho] = await seedCustomers(first, SAMPLE_CUSTOMERS.slice(7))
    assert.ok(coho)
    await first.close()

    const looking = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard() })
    const other = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard() })
    const saved = await dispatch(other.handlers, 'desk:customers.update', {
      id: coho.id,
      form: { companyName: 'Coho Winery', notes: 'saved by the other desk', x360: null, nexetic: null },
      confirmDuplicateCompany: true,
    })
    assert.ok(saved.ok, 'the desk that only looked left no lock behind, so the other one saves')
    await looking.close()
    await other.close()

    await vault.stagePassword(coho.id, 'left-by-a-crash', 'Left-Over-2026!')
    const settling = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard() })
    t.after(() => settling.close())
    assert.deepEqual(await vault.listStagedPasswords(), [])
    assert.equal(settling.store.status.kind, 'ok')
  })
})
