// Child process for the restore crash test: opens the real desk on the real keychain, checks a backup
// with its passphrase, then restores it and kills itself with SIGKILL right after the restore's n-th
// write to the keychain (a crash at an exact point). Prints "done" if the restore ends first.
// Usage: node restore-crasher.mjs <data folder> <keychain service> <backup file> <passphrase> <n>
import type { DeskApi } from '../../main/common/contract'
import { createDesk } from '../../main/desk'
import { dispatch } from '../../main/ipc/handler-table'
import { createKeychainVault, type CredentialVault } from '../../main/services/credential-vault'
import { createMemoryClipboard } from '../../main/services/secret-clipboard'
import { createDeskApi } from '../../preload/desk-api'

const WRITES = ['storeCustomerPassword', 'deleteCustomerPassword', 'stagePassword', 'promoteStagedPassword', 'discardStagedPassword', 'keepPreviousPassword', 'deletePreviousPassword'] as const

/** The keychain, dying after its n-th write once armed. */
function crashingVault(vault: CredentialVault, crashAfter: number): { vault: CredentialVault; arm: () => void } {
  let armed = false
  let writes = 0
  const wrapped = { ...vault }
  for (const name of WRITES) {
    const write = vault[name] as (...args: unknown[]) => Promise<unknown>
    ;(wrapped as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      const result = await write(...args)
      if (armed && ++writes === crashAfter) process.kill(process.pid, 'SIGKILL')
      return result
    }
  }
  return { vault: wrapped, arm: () => (armed = true) }
}

async function unwrap<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const settled = await result
  if (!settled.ok) throw new Error(settled.error.message)
  return settled.value
}

async function main(): Promise<void> {
  const [dataDir, keychainService, backupFile, passphrase, crashAfter] = process.argv.slice(2)
  if (!dataDir || !keychainService || !backupFile || !passphrase || !crashAfter) throw new Error('usage: restore-crasher <data folder> <keychain service> <backup file> <passphrase> <n>')
  const keychain = crashingVault(createKeychainVault(keychainService), Number(crashAfter))
  const desk = await createDesk({
    dataDir,
    keychainService,
    vault: keychain.vault,
    clipboard: createMemoryClipboard(),
    fileDialogs: { chooseOpenFile: async () => backupFile, chooseSaveFile: async () => null },
  })
  const api: DeskApi = createDeskApi((channel, payload) => dispatch(desk.handlers, channel, payload))
  const opened = await unwrap(api.exports.restoreOpen({}))
  if (opened.kind !== 'opened') throw new Error('the backup did not open')
  await unwrap(api.exports.restoreCheck({ token: opened.token, passphrase }))
  keychain.arm()
  await unwrap(api.exports.restoreConfirm({ token: opened.token }))
  process.stdout.write('done\n')
  await desk.close()
}

if (import.meta.filename === process.argv[1]) await main()
