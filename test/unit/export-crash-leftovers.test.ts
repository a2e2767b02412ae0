import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { test, type TestContext } from 'node:test'
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises'
import { build } from 'esbuild'
import { createDesk } from '../../main/desk'
import { dispatch } from '../../main/ipc/handler-table'
import { tempPathFor } from '../../main/services/atomic-file'
import { CustomerStore, STORE_FILE_NAME } from '../../main/services/customer-store'
import { EXPORTS_IN_FLIGHT_FOLDER } from '../../main/services/exports/atomic-file'
import { createMemoryClipboard } from '../../main/services/secret-clipboard'
import { BACKUP_FOLDER, localDay } from '../../main/services/store-backups'
import { generateCustomers, seededRandom } from '../helpers/generate-customers'
import { encodings, filesUnder, readable } from '../helpers/secret-search'
import { createDeskApi } from '../../preload/desk-api'
import { tempDesk } from '../helpers/temp-desk'

// SIGSTOP and /proc are what land a kill inside a write; Windows has neither.
const skip = process.platform !== 'linux' && 'needs SIGSTOP and /proc'
const CUSTOMERS = 12
const RANDOM_ROUNDS = 5
/** Kills landed while the temp file exists; a frozen round whose child finished first is tried again, up to FROZEN_ATTEMPTS. */
const FROZEN_KILLS = 2
const FROZEN_ATTEMPTS = 6
const secretOf = (i: number): string => `Crash-Sheet-Secret-${i}-Qx7!`

interface Child {
  process: ChildProcess
  output: () => string
  exited: Promise<NodeJS.Signals | null>
}

/**
 * The child program bundled once (a child then starts in a fraction of tsx's time), inside the repository so
 * that its packages (keytar, pdfkit and their files) are found in node_modules as they are.
 */
async function bundleChildProgram(t: TestContext, program: string): Promise<string> {
  const dir = await mkdtemp(join(import.meta.dirname, '../../node_modules/.cache-desk-crash-'))
  t.after(() => rm(dir, { recursive: true, force: true }))
  const outfile = join(dir, program.replace(/\.ts$/, '.mjs'))
  await build({ entryPoints: [join(import.meta.dirname, '../child-programs', program)], outfile, bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node20', logLevel: 'error' })
  return outfile
}

function start(bundle: string, args: string[]): Child {
  const child = spawn(process.execPath, [bundle, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)))
  return { process: child, output: () => output, exited }
}

const hasEnded = (child: Child): boolean => child.process.exitCode !== null || child.process.signalCode !== null

/** Waits for the child's own signal (a line it printed), looking every few milliseconds so the wait leaves the CPU to the child. */
async function until(child: Child, condition: () => boolean): Promise<boolean> {
  while (!condition()) {
    if (hasEnded(child)) return false
    await sleep(2)
  }
  return true
}

/** The child's scheduler state from /proc: "T" once SIGSTOP has really stopped it. */
async function stateOf(pid: number): Promise<string> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')
  return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3)
}

/**
 * Freezes the child again and again (SIGSTOP, then waits until it is really stopped) and looks at the
 * disk while nothing moves; the first time `caught` holds, the frozen child is killed in that state.
 */
async function killWhenFrozenWith(child: Child, caught: () => Promise<boolean>): Promise<boolean> {
  const pid = child.process.pid ?? 0
  while (!hasEnded(child)) {
    process.kill(pid, 'SIGSTOP')
    while (!hasEnded(child) && !['T', 't', 'Z', ''].includes(await stateOf(pid))) await nextTurn()
    if (hasEnded(child)) return false
    if (await caught()) {
      child.process.kill('SIGKILL')
      return true
    }
    process.kill(pid, 'SIGCONT')
    await nextTurn()
  }
  return false
}

const exists = (path: string): Promise<boolean> => lstat(path).then(() => true, () => false)

/** Every secret, in every encoding, in every file below the folders (PDFs also as extracted text), except `allowed`. */
async function secretsFound(folders: string[], secrets: string[], allowed: string | null): Promise<string[]> {
  const found: string[] = []
  for (const folder of folders) {
    for (const file of await filesUnder(folder)) {
      if (file === allowed) continue
      const views = await readable(file).catch(async () => [await readFile(file)])
      for (const secret of secrets) if (views.some((view) => encodings(secret).some((encoded) => view.includes(encoded)))) found.push(`${secret} in ${file}`)
    }
  }
  return found
}

async function seedDesk(dataDir: string, keychainService: string): Promise<void> {
  const desk = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard() })
  const api = createDeskApi((channel, payload) => dispatch(desk.handlers, channel, payload))
  for (let i = 0; i < CUSTOMERS; i += 1) {
    const password = secretOf(i)
    const created = await api.customers.create({
      form: { companyName: `Crash Sheet ${i} Oy`, notes: '', x360: { username: `crash_sheet_${i}`, email: `it${i}@example.com`, locations: 'HQ', password, confirmPassword: password }, nexetic: null },
      confirmDuplicateCompany: false,
    })
    assert.ok(created.ok, JSON.stringify(created))
  }
  await desk.close()
}

async function tempFolder(t: TestContext, prefix: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), prefix))
  t.after(() => rm(folder, { recursive: true, force: true }))
  return folder
}

test('a sheet job with passwords killed at any moment leaves no file holding a password, once the desk has opened again', { skip, timeout: 240_000 }, async (t) => {
  const { dataDir, keychainService } = await tempDesk(t)
  await seedDesk(dataDir, keychainService)
  const folder = await tempFolder(t, 'desk-sheet-crash-')
  const target = join(folder, 'Customer sheets.pdf')
  const secrets = Array.from({ length: CUSTOMERS }, (_, i) => secretOf(i))
  const writer = await bundleChildProgram(t, 'sheet-writer.ts')
  const random = seededRandom(20261201)
  const tally = { midJob: 0, tempOnDisk: 0, finished: 0 }

  for (let round = 1; round <= RANDOM_ROUNDS + FROZEN_ATTEMPTS && tally.tempOnDisk < FROZEN_KILLS; round += 1) {
    const child = start(writer, [dataDir, keychainService, target])
    if (round <= RANDOM_ROUNDS) {
      // Killed right after a random page was drawn: the job is in the middle of making the PDF.
      const page = 1 + Math.floor(random() * CUSTOMERS)
      if (await until(child, () => child.output().includes(`progress ${page}\n`))) {
        child.process.kill('SIGKILL')
        tally.midJob += 1
      }
    } else {
      // Killed frozen while the finished PDF's temp file is on disk: the moment a streamed or a swept-later design leaks.
      await until(child, () => child.output().includes(`progress ${CUSTOMERS}\n`))
      if (await killWhenFrozenWith(child, () => exists(tempPathFor(target)))) tally.tempOnDisk += 1
    }
    const signal = await child.exited
    if (signal !== 'SIGKILL') {
      assert.match(child.output(), /\ndone\n$/, `round ${round}: the child ended without being killed:\n${child.output()}`)
      tally.finished += 1
    }

    // The desk opens again (as after the crash), then nothing but the finished file may hold a password.
    const reopened = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard() })
    await reopened.close()
    const finished = (await exists(target)) ? target : null
    assert.deepEqual(await readdir(folder), finished ? [basename(target)] : [], `round ${round}: only the finished sheet, or nothing, is in the folder`)
    assert.deepEqual(await secretsFound([folder, dataDir], secrets, finished), [], `round ${round}`)
    assert.deepEqual(await readdir(join(dataDir, EXPORTS_IN_FLIGHT_FOLDER)).catch(() => []), [], `round ${round}: no note of an export in flight is left`)
    if (finished) await rm(finished)
  }
  t.diagnostic(`killed mid-job ${tally.midJob}, killed with the temp file on disk ${tally.tempOnDisk}, finished first ${tally.finished}`)
  assert.ok(tally.midJob >= RANDOM_ROUNDS / 2, 'most random kills landed while the job ran')
  assert.equal(tally.tempOnDisk, FROZEN_KILLS, 'kills landed while the temp file existed')
})

test('a daily backup copy killed while it is written leaves no temp file once the desk saves again, even on a later day', { skip, timeout: 180_000 }, async (t) => {
  const writer = await bundleChildProgram(t, 'store-writer.ts')
  const { dataDir } = await tempDesk(t)
  const file = join(dataDir, STORE_FILE_NAME)
  const backups = join(dataDir, BACKUP_FOLDER)
  const tempOfToday = tempPathFor(join(backups, `customers-${localDay(new Date())}.json`))
  // Large enough (about 3 MB) that its copy takes a moment to write.
  await writeFile(file, JSON.stringify(generateCustomers(3_000, 11)))

  let caught = false
  for (let attempt = 1; attempt <= FROZEN_ATTEMPTS && !caught; attempt += 1) {
    await rm(backups, { recursive: true, force: true })
    const child = start(writer, [file, String(attempt * 1_000)])
    await until(child, () => child.output().includes('ready\n'))
    caught = await killWhenFrozenWith(child, () => exists(tempOfToday))
    if (!caught) child.process.kill('SIGKILL')
    await child.exited
  }
  assert.ok(caught, 'a kill landed while the copy’s temp file was on disk')
  assert.ok(await exists(tempOfToday), 'the crash left the temp file')

  // The desk opens again two days later and saves: the copy of that day is made, the old temp is gone.
  const later = new Date(Date.now() + 2 * 24 * 60 * 60 * 1000)
  const store = await CustomerStore.open(file, () => later)
  t.after(() => store.close())
  await store.mutate((data) => {
    const first = data.customers[0]
    if (first) first.notes = 'saved after the crash'
  })
  assert.deepEqual(
    (await readdir(backups)).sort(),
    [`customers-${localDay(later)}.json`],
    'only the new day’s copy: no temp file of the interrupted one',
  )
})

test('the sweep when the desk opens removes only the hidden temp files its notes name, never another file', async (t) => {
  const { dataDir, keychainService } = await tempDesk(t)
  const folder = await tempFolder(t, 'desk-sweep-')
  const notes = join(dataDir, EXPORTS_IN_FLIGHT_FOLDER)
  await mkdir(notes, { recursive: true })
  const leftover = tempPathFor(join(folder, 'sheets.pdf'))
  const precious = join(folder, 'precious.pdf')
  await writeFile(leftover, 'a sheet with a password')
  await writeFile(precious, 'the user’s own file')
  await writeFile(join(notes, 'a.json'), JSON.stringify({ temp: leftover }))
  await writeFile(join(notes, 'b.json'), JSON.stringify({ temp: precious }))
  await writeFile(join(notes, 'c.json'), '{"temp": "relative/.x.tmp"}')
  await writeFile(join(notes, '.d.json.tmp'), 'half a note')

  const desk = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard() })
  await desk.close()
  assert.deepEqual(await readdir(folder), ['precious.pdf'])
  assert.deepEqual(await readdir(notes), [])
})
