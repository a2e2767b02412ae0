import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'
import { describe, test, type TestContext } from 'node:test'
import keytar from 'keytar'
import { emptyCustomerForm, type CustomerForm } from '../../main/common/customer-form'
import { createDesk } from '../../main/desk'
import { dispatch } from '../../main/ipc/handler-table'
import { accountFor, previousAccountFor, stagedAccountFor } from '../../main/services/credential-vault'
import { STORE_FILE_NAME } from '../../main/services/customer-store'
import { REMOVAL_MARKER } from '../../main/services/password-staging'
import { createMemoryClipboard } from '../../main/services/secret-clipboard'
import { createDeskApi } from '../../preload/desk-api'
import { tempDesk } from '../helpers/temp-desk'

const PASSWORD = 'Staged-Pass-2026!'
const withX360 = (companyName: string, username: string): CustomerForm => ({
  ...emptyCustomerForm(),
  companyName,
  x360: { username, email: `${username}@example.com`, locations: 'HQ', password: PASSWORD, confirmPassword: PASSWORD },
})

async function openDesk(t: TestContext, folder: { dataDir: string; keychainService: string }) {
  const desk = await createDesk({ ...folder, clipboard: createMemoryClipboard() })
  t.after(() => desk.close())
  return { desk, api: createDeskApi((channel, payload) => dispatch(desk.handlers, channel, payload)) }
}

/** The keychain as a crash at one exact moment leaves it: staged entries written by hand, then the desk opened again. */
describe('opening the desk settles what a crash left staged', () => {
  test('a password whose store commit happened becomes current; one whose commit did not is dropped', async (t) => {
    const folder = await tempDesk(t)
    const first = await openDesk(t, folder)
    const created = await first.api.customers.create({ form: withX360('Contoso', 'contoso_01') })
    const changed = created.ok && (await first.api.customers.changePassword({ id: created.value.id, password: 'Committed-Pass-2026!', confirmPassword: 'Committed-Pass-2026!' }))
    assert.ok(created.ok && changed && changed.ok)
    await first.desk.close()
    const id = created.value.id
    const committedToken = changed.value.history.at(-1)?.id ?? ''
    // Crash after the commit, before the promotion: the keychain still has the previous password, the new one staged.
    await keytar.setPassword(folder.keychainService, accountFor(id), PASSWORD)
    await keytar.setPassword(folder.keychainService, stagedAccountFor(id, committedToken), 'Committed-Pass-2026!')
    // And a change killed before its commit.
    await keytar.setPassword(folder.keychainService, stagedAccountFor(id, 'never-committed'), 'Unacknowledged-Pass-1!')

    const again = await openDesk(t, folder)
    assert.equal(await again.desk.vault.readCustomerPassword(id), 'Committed-Pass-2026!')
    // The password it replaced is kept as a previous password, under the entry that set it (the creation).
    const createdToken = created.value.history[0]?.id ?? ''
    assert.deepEqual((await keytar.findCredentials(folder.keychainService)).map((entry) => entry.account).sort(), [accountFor(id), previousAccountFor(id, createdToken)].sort())
    assert.equal(await keytar.getPassword(folder.keychainService, previousAccountFor(id, createdToken)), PASSWORD)
  })

  test('a deletion or an account removal whose commit happened removes the entry; one whose commit did not keeps it', async (t) => {
    const folder = await tempDesk(t)
    const first = await openDesk(t, folder)
    const deleted = await first.api.customers.create({ form: withX360('Deleted Ltd', 'deleted_01') })
    const unlinked = await first.api.customers.create({ form: withX360('Unlinked Ltd', 'unlinked_01') })
    const kept = await first.api.customers.create({ form: withX360('Kept Ltd', 'kept_01') })
    assert.ok(deleted.ok && unlinked.ok && kept.ok)
    assert.ok((await first.api.customers.delete({ id: deleted.value.id })).ok)
    assert.ok((await first.api.customers.update({ id: unlinked.value.id, form: { ...emptyCustomerForm(), companyName: 'Unlinked Ltd' }, reason: '' })).ok)
    await first.desk.close()
    // Crash after each commit, before the entries went; and a deletion of Kept Ltd killed before its commit.
    for (const { value } of [deleted, unlinked, kept]) {
      await keytar.setPassword(folder.keychainService, accountFor(value.id), PASSWORD)
      await keytar.setPassword(folder.keychainService, stagedAccountFor(value.id, 'marker'), REMOVAL_MARKER)
    }

    const again = await openDesk(t, folder)
    assert.deepEqual((await keytar.findCredentials(folder.keychainService)).map((entry) => entry.account), [accountFor(kept.value.id)])
    assert.equal(await again.desk.vault.readCustomerPassword(kept.value.id), PASSWORD)
  })

  test('a desk that opens read-only (another process holds the file) leaves the staged entries alone', async (t) => {
    const folder = await tempDesk(t)
    const holder = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../child-programs/store-holder.ts'), join(folder.dataDir, STORE_FILE_NAME)], { stdio: ['ignore', 'pipe', 'inherit'] })
    t.after(() => holder.kill('SIGKILL'))
    await once(holder.stdout, 'data')
    // The holder's change in flight: staged, its commit not yet written.
    await keytar.setPassword(folder.keychainService, stagedAccountFor('held-customer', 'in-flight'), 'In-Flight-Pass-2026!')
    const second = await openDesk(t, folder)
    assert.equal(second.desk.store.status.kind, 'read-only')
    assert.equal(await keytar.getPassword(folder.keychainService, stagedAccountFor('held-customer', 'in-flight')), 'In-Flight-Pass-2026!')
  })
})
