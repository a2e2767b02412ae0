import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { test } from 'node:test'
import keytar from 'keytar'
import { createDesk } from '../../main/desk'
import { accountFor, previousAccountFor } from '../../main/services/credential-vault'
import { KEPT_PREVIOUS_PASSWORDS, passwordTokens } from '../../main/services/password-staging'
import { createMemoryClipboard } from '../../main/services/secret-clipboard'
import { seededRandom } from '../helpers/generate-customers'
import { passwordOf, passwordVersion, type Intent } from '../child-programs/keychain-writer'
import { tempDesk } from '../helpers/temp-desk'
import { bundleDeskChild } from '../helpers/child-bundle'

// `npm run crash-test` runs many more rounds; KEYCHAIN_CRASH_SEED repeats a run that failed.
const ROUNDS = Number(process.env.KEYCHAIN_CRASH_ROUNDS ?? 40)
const SEED = Number(process.env.KEYCHAIN_CRASH_SEED ?? Date.now() % 1_000_000)

/** Company → what the store and the keychain must say about it. */
type Model = Map<string, { x360: boolean; version: number }>

interface Round {
  intents: Intent[]
  acked: Set<number>
  exitSignal: NodeJS.Signals | null
  output: string
}

function runAndKill(writer: string, dataDir: string, service: string, firstStep: number, random: () => number): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dataDir, service, String(firstStep)], { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    let killTimer: NodeJS.Timeout | undefined
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      output += chunk
      if (!killTimer && output.includes('ready\n')) killTimer = setTimeout(() => child.kill('SIGKILL'), random() * 400)
    })
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (_code, signal) => {
      clearTimeout(killTimer)
      const intents = [...output.matchAll(/^begin (.+)$/gm)].map((match) => JSON.parse(match[1] ?? '') as Intent)
      const acked = new Set([...output.matchAll(/^ack (\d+)$/gm)].map((match) => Number(match[1])))
      resolve({ intents, acked, exitSignal: signal, output })
    })
  })
}

function apply(model: Model, intent: Intent): Model {
  const next: Model = new Map([...model].map(([company, state]) => [company, { ...state }]))
  if (intent.op === 'create') next.set(intent.company, { x360: true, version: 0 })
  if (intent.op === 'import') for (const company of intent.companies) next.set(company, { x360: true, version: 0 })
  if (intent.op === 'change') next.set(intent.company, { x360: true, version: intent.version })
  if (intent.op === 'delete') next.delete(intent.company)
  // Without an account the password history no longer matters to the keychain.
  if (intent.op === 'remove-x360') next.set(intent.company, { x360: false, version: 0 })
  return next
}

const sameModel = (a: Model, b: Model): boolean => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort())

/**
 * Opens the desk as the app would after the crash (which settles staged entries), and reads what the
 * store says and what the keychain holds. Returns the store's model and the keychain's disagreements with it.
 */
async function observe(dataDir: string, service: string): Promise<{ model: Model; keychainProblems: string[]; previousChecked: number }> {
  const desk = await createDesk({ dataDir, keychainService: service, clipboard: createMemoryClipboard() })
  const model: Model = new Map()
  const expected = new Map<string, string>()
  for (const customer of desk.store.data.customers) {
    model.set(customer.companyName, { x360: customer.x360 !== null, version: customer.x360 ? passwordVersion(customer) : 0 })
    if (!customer.x360) continue
    const version = passwordVersion(customer)
    expected.set(accountFor(customer.id), passwordOf(customer.companyName, version))
    // The replaced passwords too: the newest KEPT_PREVIOUS_PASSWORDS, each under the history entry that set it.
    const tokens = passwordTokens(customer)
    for (let replaced = Math.max(0, version - KEPT_PREVIOUS_PASSWORDS); replaced < version; replaced += 1) {
      expected.set(previousAccountFor(customer.id, tokens[replaced] ?? ''), passwordOf(customer.companyName, replaced))
    }
  }
  await desk.close()
  const keychainProblems: string[] = []
  const held = new Map((await keytar.findCredentials(service)).map(({ account, password }) => [account, password]))
  for (const [account, password] of expected) {
    if (held.get(account) !== password) keychainProblems.push(`${account} holds ${held.has(account) ? 'another password' : 'nothing'} than the store says`)
  }
  for (const account of held.keys()) if (!expected.has(account)) keychainProblems.push(`${account} is in the keychain, the store has no password for it`)
  const previousChecked = [...expected.keys()].filter((account) => account.startsWith('previous:')).length
  return { model, keychainProblems, previousChecked }
}

test(`keychain and store agree, previous passwords included, after ${ROUNDS} kills during create, Change Password, import, delete and account removal`, { timeout: ROUNDS * 15_000 }, async (t) => {
  t.diagnostic(`seed ${SEED} (set KEYCHAIN_CRASH_SEED to repeat)`)
  const { dataDir: root, keychainService } = await tempDesk(t)
  const dataDir = join(root, 'desk')
  await mkdir(dataDir)
  const writer = await bundleDeskChild(t, 'keychain-writer.ts')
  const random = seededRandom(SEED)
  let model: Model = new Map()
  let nextStep = 0
  let inFlightLanded = 0
  // A leftover stays and shows again in every later round; a kill is counted once, by the problems it added.
  let killsDisagreeing = 0
  let previousProblems = new Set<string>()
  const disagreements: string[] = []
  const opsSeen = new Set<string>()
  let previousChecked = 0

  for (let round = 1; round <= ROUNDS; round += 1) {
    const result = await runAndKill(writer, dataDir, keychainService, nextStep, random)
    assert.equal(result.exitSignal, 'SIGKILL', `round ${round}: the writer was killed, not stopped by an error:\n${result.output}`)
    let acknowledged = model
    let inFlight: Intent | undefined
    for (const intent of result.intents) {
      opsSeen.add(intent.op)
      if (result.acked.has(intent.step)) acknowledged = apply(acknowledged, intent)
      else inFlight = intent
    }
    const observed = await observe(dataDir, keychainService)
    previousChecked += observed.previousChecked
    const withInFlight = inFlight ? apply(acknowledged, inFlight) : acknowledged
    const found = observed.keychainProblems.map((problem) => `round ${round}: ${problem} (in flight: ${JSON.stringify(inFlight)})`)
    if (!sameModel(observed.model, acknowledged) && !sameModel(observed.model, withInFlight)) {
      const shown = (m: Model) => JSON.stringify([...m].sort())
      found.push(`round ${round}: the store ${shown(observed.model)} is neither the acknowledged operations ${shown(acknowledged)} nor those plus the one in flight ${JSON.stringify(inFlight)}`)
    } else if (inFlight && !sameModel(observed.model, acknowledged)) inFlightLanded += 1
    const added = observed.keychainProblems.filter((problem) => !previousProblems.has(problem))
    if (added.length > 0 || found.length > observed.keychainProblems.length) killsDisagreeing += 1
    previousProblems = new Set(observed.keychainProblems)
    disagreements.push(...found)
    // Carry on from what the store holds (a keychain leftover is counted again in each later round).
    model = observed.model
    nextStep = (result.intents.at(-1)?.step ?? nextStep - 1) + 1
  }

  t.diagnostic(`${previousChecked} previous passwords checked after the kills (up to ${KEPT_PREVIOUS_PASSWORDS} per customer)`)
  t.diagnostic(`${nextStep} operations in ${ROUNDS} rounds; ${inFlightLanded} kills came after a commit and before its acknowledgement; ${killsDisagreeing} kills left keychain and store disagreeing (${disagreements.length} disagreements over all rounds)`)
  assert.deepEqual([...opsSeen].sort(), ['change', 'create', 'delete', 'import', 'remove-x360'], 'every operation ran')
  assert.deepEqual(disagreements, [], `seed ${SEED}`)
  assert.ok(previousChecked > 0, 'some customer had its password changed, so previous passwords were checked')
})
