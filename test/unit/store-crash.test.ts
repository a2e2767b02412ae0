import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { lstat, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, type TestContext } from 'node:test'
import { build } from 'esbuild'
import { tempPathFor } from '../../main/services/atomic-file'
import { CustomerStore, STORE_FILE_NAME } from '../../main/services/customer-store'
import { deskDataSchema, type DeskData } from '../../main/services/store-file'
import { generateCustomers, seededRandom } from '../helpers/generate-customers'
import { applyStep } from '../child-programs/store-writer'
import { tempDesk } from '../helpers/temp-desk'

const ROUNDS = 30
const BASE_CUSTOMERS = 1_000

/** The writer (test/child-programs/store-writer.ts) bundled once, so each round starts in a fraction of tsx's time. */
async function bundleWriter(t: TestContext): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'desk-crash-writer-'))
  t.after(() => rm(dir, { recursive: true, force: true }))
  const outfile = join(dir, 'store-writer.mjs')
  await build({ entryPoints: [join(import.meta.dirname, '../child-programs/store-writer.ts')], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'error' })
  return outfile
}

interface Round {
  acked: number[]
  exitSignal: NodeJS.Signals | null
  output: string
}

/**
 * Starts the writer and kills it with SIGKILL at a random moment (now and then even while it opens the file).
 * Otherwise the moment is drawn once its first write is acknowledged, so each round also proves progress
 * however slowly a loaded machine writes; the kill still lands anywhere in a later write or its rename.
 */
function runAndKill(writer: string, file: string, firstStep: number, random: () => number, killWhileOpening: boolean): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, file, String(firstStep)], { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    let killTimer: NodeJS.Timeout | undefined
    const kill = () => child.kill('SIGKILL')
    if (killWhileOpening) killTimer = setTimeout(kill, random() * 250)
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      output += chunk
      if (!killTimer && /^ack \d+$/m.test(output)) killTimer = setTimeout(kill, random() * 150)
    })
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    // 'exit' comes once the child is reaped, so its pid is gone before the next round opens the store.
    child.on('exit', (_code, signal) => {
      clearTimeout(killTimer)
      const acked = [...output.matchAll(/^ack (\d+)$/gm)].map((match) => Number(match[1]))
      resolve({ acked, exitSignal: signal, output })
    })
  })
}

test(`the store survives ${ROUNDS} kills at random moments, keeping exactly the acknowledged writes`, { timeout: 90_000 }, async (t) => {
  const { dataDir } = await tempDesk(t)
  const writer = await bundleWriter(t)
  const file = join(dataDir, STORE_FILE_NAME)
  const expected: DeskData = generateCustomers(BASE_CUSTOMERS, 7)
  await writeFile(file, JSON.stringify(expected))
  const random = seededRandom(20261123)
  let lastStep = -1
  let tempLeftBehind = 0
  let diskAheadOfAck = 0

  for (let round = 1; round <= ROUNDS; round += 1) {
    const result = await runAndKill(writer, file, lastStep + 1, random, round % 6 === 0)
    assert.equal(result.exitSignal, 'SIGKILL', `round ${round}: the writer was killed, not stopped by an error:\n${result.output}`)
    if (await lstat(tempPathFor(file)).catch(() => null)) tempLeftBehind += 1

    const onDisk = deskDataSchema.parse(JSON.parse(await readFile(file, 'utf8')))
    const stepsOnDisk = onDisk.customers.length - BASE_CUSTOMERS - 1
    const lastAcked = Math.max(lastStep, ...result.acked)
    assert.ok(stepsOnDisk >= lastAcked, `round ${round}: step ${lastAcked} was acknowledged but the file ends at step ${stepsOnDisk}`)
    assert.ok(stepsOnDisk <= lastAcked + 1, `round ${round}: the file holds step ${stepsOnDisk}, beyond the one write in flight`)
    if (stepsOnDisk === lastAcked + 1) diskAheadOfAck += 1

    // Replaying the same steps gives exactly the file: nothing earlier lost, nothing half-applied.
    for (let step = lastStep + 1; step <= stepsOnDisk; step += 1) applyStep(expected, step)
    assert.deepEqual(onDisk, expected, `round ${round}: the file is exactly the acknowledged writes`)
    lastStep = stepsOnDisk
  }

  const roundsKilledWhileWriting = ROUNDS - Math.floor(ROUNDS / 6)
  assert.ok(lastStep + 1 >= roundsKilledWhileWriting, 'the writer made progress across the rounds')
  t.diagnostic(`${lastStep + 1} writes in ${ROUNDS} rounds; ${tempLeftBehind} kills left a temporary file, ${diskAheadOfAck} came between a rename and its acknowledgement`)

  // Opening once more cleans up after the last kill: no temporary file remains.
  const store = await CustomerStore.open(file)
  assert.deepEqual(store.status, { kind: 'ok' })
  assert.equal(store.data.customers.length, BASE_CUSTOMERS + lastStep + 1)
  assert.deepEqual((await readdir(dataDir)).filter((name) => name.endsWith('.tmp')), [])
  await store.close()
})
