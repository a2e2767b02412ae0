import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import keytar from 'keytar'
import type { DeskApi } from '../../main/common/contract'
import { emptyCustomerForm, type CustomerForm } from '../../main/common/customer-form'
import type { Customer } from '../../main/common/customer-model'
import { createDesk } from '../../main/desk'
import { dispatch } from '../../main/ipc/handler-table'
import { accountFor, previousAccountFor } from '../../main/services/credential-vault'
import { currentPasswordToken, passwordTokens, replacedPasswordTokens } from '../../main/services/password-staging'
import { createMemoryClipboard } from '../../main/services/secret-clipboard'
import { createDeskApi } from '../../preload/desk-api'
import { bundleDeskChild } from '../helpers/child-bundle'
import { scriptedDialogs, unwrap } from '../helpers/export-fixtures'
import { removeKeychainService, tempDesk } from '../helpers/temp-desk'

const PASSPHRASE = 'correct horse battery staple'
const PASSWORD_ENTRY = /^(customer|previous|staged):/

/** A customer needs one service: this one has only the Nexetic subscription, so no password. */
const withoutVault = (company: string): CustomerForm => ({
  ...emptyCustomerForm(),
  companyName: company,
  nexetic: { organizationName: company, domain: '', userLicenses: '1', extraStorage: '0', notifyUsers: 'ops@example.com', storageType: 'Azure (Ireland)' },
})
const withVault = (company: string, password: string): CustomerForm => {
  const username = company.toLowerCase().replace(/\W/g, '_')
  return { ...withoutVault(company), x360: { username, email: `${username}@example.com`, locations: 'HQ', password, confirmPassword: password } }
}

/**
 * The desk and its backup differ in each way a restore changes the keychain: Contoso's password was changed
 * after the backup (the restore takes it back one version), Fabrikam's account was removed (the restore
 * brings it and its password back), Globex got an account (the restore removes it and its password).
 * Returns the backup file and each password by the history entry that set it.
 */
async function prepare(dataDir: string, keychainService: string, folder: string): Promise<{ backup: string; passwordAt: Map<string, string> }> {
  const desk = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard(), fileDialogs: scriptedDialogs(folder) })
  const api: DeskApi = createDeskApi((channel, payload) => dispatch(desk.handlers, channel, payload))
  const contoso = unwrap(await api.customers.create({ form: withVault('Contoso', 'Contoso-pass-0!') }))
  unwrap(await api.customers.changePassword({ id: contoso.id, password: 'Contoso-pass-1!', confirmPassword: 'Contoso-pass-1!' }))
  const fabrikam = unwrap(await api.customers.create({ form: withVault('Fabrikam', 'Fabrikam-pass-0!') }))
  const globex = unwrap(await api.customers.create({ form: withoutVault('Globex') }))
  const saved = unwrap(await api.exports.backupCreate({ passphrase: PASSPHRASE, confirmPassphrase: PASSPHRASE }))
  if (saved.kind !== 'saved') throw new Error('the backup was not saved')
  unwrap(await api.customers.changePassword({ id: contoso.id, password: 'Contoso-pass-2!', confirmPassword: 'Contoso-pass-2!' }))
  { const r = await api.customers.update({ id: fabrikam.id, form: withoutVault("Fabrikam"), reason: "account closed" }); if (!r.ok) console.log(JSON.stringify(r.error)) }
  unwrap(await api.customers.update({ id: globex.id, form: withVault('Globex', 'Globex-pass-0!'), reason: 'new account' }))
  const byName = (name: string): Customer => desk.store.data.customers.find((customer) => customer.companyName === name) as Customer
  const passwordAt = new Map<string, string>()
  passwordTokens(byName('Contoso')).forEach((token, version) => passwordAt.set(token, `Contoso-pass-${version}!`))
  passwordAt.set(passwordTokens(byName('Fabrikam'))[0] ?? '', 'Fabrikam-pass-0!')
  passwordAt.set(passwordTokens(byName('Globex')).at(-1) ?? '', 'Globex-pass-0!')
  await desk.close()
  return { backup: saved.filePath, passwordAt }
}

/** What the keychain must hold for the store as it is: each current password and each kept replaced one, nothing staged. */
function expectedEntries(customers: readonly Customer[], passwordAt: ReadonlyMap<string, string>): Record<string, string> {
  const expected: Record<string, string> = {}
  for (const customer of customers) {
    const current = currentPasswordToken(customer)
    if (current === null) continue
    expected[accountFor(customer.id)] = passwordAt.get(current) ?? `(unknown password of ${current})`
    for (const token of replacedPasswordTokens(customer)) {
      const password = passwordAt.get(token)
      if (password !== undefined) expected[previousAccountFor(customer.id, token)] = password
    }
  }
  return expected
}

async function passwordEntries(service: string): Promise<Record<string, string>> {
  const entries = (await keytar.findCredentials(service)).filter(({ account }) => PASSWORD_ENTRY.test(account))
  return Object.fromEntries(entries.map(({ account, password }) => [account, password]).sort())
}

function runChild(program: string, args: string[]): Promise<{ signal: NodeJS.Signals | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [program, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    child.on('error', reject)
    child.on('exit', (_code, signal) => resolve({ signal, output }))
  })
}

test('a restore killed after any of its keychain writes leaves the keychain as the store says, once the desk opens again', { timeout: 300_000 }, async (t) => {
  const { dataDir, keychainService } = await tempDesk(t)
  const scratch = await mkdtemp(join(tmpdir(), 'desk-restore-crash-'))
  t.after(() => rm(scratch, { recursive: true, force: true }))
  const { backup, passwordAt } = await prepare(dataDir, keychainService, scratch)
  const before = join(scratch, 'desk-before')
  await cp(dataDir, before, { recursive: true })
  const keychainBefore = await keytar.findCredentials(keychainService)
  const crasher = await bundleDeskChild(t, 'restore-crasher.ts')

  const problems: string[] = []
  const landed = { before: 0, after: 0 }
  let finished = false
  for (let crashAfter = 1; crashAfter <= 40 && !finished; crashAfter += 1) {
    // Every round starts from the same desk and keychain.
    await rm(dataDir, { recursive: true, force: true })
    await cp(before, dataDir, { recursive: true })
    await removeKeychainService(keychainService)
    for (const { account, password } of keychainBefore) await keytar.setPassword(keychainService, account, password)

    const run = await runChild(crasher, [dataDir, keychainService, backup, PASSPHRASE, String(crashAfter)])
    finished = run.output.includes('done\n')
    if (!finished) assert.equal(run.signal, 'SIGKILL', `after write ${crashAfter} the child was killed, not stopped by an error:\n${run.output}`)

    // Opened as the app would after the crash, which settles what was staged.
    const desk = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard() })
    const customers = structuredClone(desk.store.data.customers)
    await desk.close()
    const contoso = customers.find((customer) => customer.companyName === 'Contoso')
    if (contoso && passwordTokens(contoso).length === 3) landed.before += 1
    else landed.after += 1
    const held = await passwordEntries(keychainService)
    const expected = Object.fromEntries(Object.entries(expectedEntries(customers, passwordAt)).sort())
    if (JSON.stringify(held) !== JSON.stringify(expected)) {
      // Said with the companies' names, never the passwords.
      const named = (account: string): string => customers.reduce((text, customer) => text.replace(customer.id, customer.companyName), account).replace(/:[0-9a-f-]{36}$/, ':<entry>')
      const accounts = new Set([...Object.keys(held), ...Object.keys(expected)])
      const wrong = [...accounts].filter((account) => held[account] !== expected[account])
      problems.push(`killed after write ${crashAfter}: ${wrong.map((account) => `${named(account)} ${held[account] === undefined ? 'is missing' : expected[account] === undefined ? 'should not be there' : 'holds another password'}`).join('; ')}`)
    }
  }

  assert.ok(finished, 'the restore ran to its end in the last round')
  assert.ok(landed.before > 0 && landed.after > 1, `kills landed before the store's commit (${landed.before}) and after it (${landed.after})`)
  assert.deepEqual(problems, [])
})
