import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestContext } from 'node:test'
import keytar from 'keytar'

/** A fresh data folder and keychain service for one test; both are removed when the test ends. */
export async function tempDesk(t: TestContext): Promise<{ dataDir: string; keychainService: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'desk-test-'))
  const keychainService = `msp-customer-desk-test-${randomBytes(6).toString('hex')}`
  t.after(async () => {
    // A lock event's access-log entry may still be landing when the test ends: retry rather than fail on ENOTEMPTY.
    await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 })
    await removeKeychainService(keychainService)
  })
  return { dataDir, keychainService }
}

export async function removeKeychainService(service: string): Promise<void> {
  for (const { account } of await keytar.findCredentials(service)) await keytar.deletePassword(service, account)
}
