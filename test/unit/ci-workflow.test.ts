import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { load } from 'js-yaml'
import { z } from 'zod'
import { findingFile } from '../tools/electronegativity-paths.mjs'
import { run } from '../with-keyring.mjs'

const root = join(import.meta.dirname, '../..')

const Workflow = z.object({
  on: z.unknown(),
  jobs: z.record(
    z.string(),
    z.object({
      'runs-on': z.string(),
      strategy: z.object({ 'fail-fast': z.boolean(), matrix: z.object({ os: z.array(z.string()) }) }),
      steps: z.array(z.object({ uses: z.string().optional(), run: z.string().optional(), if: z.string().optional(), with: z.record(z.string(), z.unknown()).optional() })),
    }),
  ),
})

const workflow = async () => Workflow.parse(load(await readFile(join(root, '.github/workflows/ci.yml'), 'utf8')))

describe('the GitHub Actions workflow', () => {
  test('runs on Windows, macOS and Linux with the Node that package.json asks for', async () => {
    const jobs = Object.values((await workflow()).jobs)
    assert.equal(jobs.length, 1)
    const [job] = jobs
    assert.ok(job)
    assert.deepEqual([...job.strategy.matrix.os].sort(), ['macos-latest', 'ubuntu-latest', 'windows-latest'])
    assert.equal(job['runs-on'], '${{ matrix.os }}')
    assert.equal(job.strategy['fail-fast'], false)
    const engines = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')).engines.node as string
    assert.equal(engines, '>=22.12')
    const setupNode = job.steps.find((step) => step.uses?.startsWith('actions/setup-node@'))
    assert.equal(String(setupNode?.with?.['node-version']), '22')
  })

  test("runs the README's two commands, with the Electron binary fetched so layer 3 runs", async () => {
    const readme = await readFile(join(root, 'README.md'), 'utf8')
    const commands = /## Two commands on a fresh machine[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? ''
    assert.match(commands, /npm install/)
    assert.match(commands, /^npm test\b/m)
    const [job] = Object.values((await workflow()).jobs)
    const runs = job?.steps.flatMap((step) => (step.run ? [step.run.trim()] : [])) ?? []
    const install = runs.indexOf('npm ci')
    const electron = runs.indexOf('node node_modules/electron/install.js')
    const tests = runs.indexOf('npm test')
    assert.ok(install >= 0 && install < electron && electron < tests, `npm ci, the Electron binary, then npm test: ${JSON.stringify(runs)}`)
  })

  test('installs on Linux every test package .ci/run installs, except Chromium (the runner has Chrome)', async () => {
    const ciRun = await readFile(join(root, '.ci/run'), 'utf8')
    const needed = (/for pkg in ([^;]+); do/.exec(ciRun)?.[1] ?? '').split(/\s+/).filter((name) => name && name !== 'chromium')
    assert.ok(needed.length > 3)
    const [job] = Object.values((await workflow()).jobs)
    const linux = job?.steps.find((step) => step.if === "runner.os == 'Linux'")?.run ?? ''
    for (const name of needed) assert.match(linux, new RegExp(`\\s${name.replace(/[.+]/g, '\\$&')}(\\s|$)`), name)
  })
})

describe('the same commands on every OS', () => {
  test("with-keyring runs `node …` with this very Node, so no .cmd shim or PATH lookup is needed on Windows", async () => {
    // No PATH at all: a lookup of `node` (or `tsx`) would fail; the Node running the tests is used instead.
    const code = await run('node', ['-e', `process.exit(process.execPath === ${JSON.stringify(process.execPath)} ? 0 : 3)`], { env: { ...process.env, PATH: '' }, stdio: 'ignore' })
    assert.equal(code, 0)
    const scripts = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')).scripts as Record<string, string>
    for (const name of ['bench', 'screenshots']) assert.match(scripts[name] ?? '', /node test\/with-keyring\.mjs node --import tsx /, name)
  })

  test("electronegativity's Windows paths are compared with the allow-list's / paths", () => {
    assert.equal(findingFile('main\\electron\\run-app.ts'), 'main/electron/run-app.ts')
    assert.equal(findingFile('renderer/index.html'), 'renderer/index.html')
    assert.equal(findingFile(undefined), 'N/A')
  })

  test('text files check out with LF on every OS, and fonts and images as binary', (t) => {
    const attributes = spawnSync('git', ['check-attr', 'eol', 'binary', '--', 'electron-builder.yml', 'main/index.ts', 'test/fixtures/logo.png', 'fonts/a.ttf'], { cwd: root, encoding: 'utf8' })
    if (attributes.status !== 0) return t.skip('not a git checkout')
    const lines = attributes.stdout.trim().split('\n')
    for (const file of ['electron-builder.yml', 'main/index.ts']) assert.ok(lines.includes(`${file}: eol: lf`), file)
    for (const file of ['test/fixtures/logo.png', 'fonts/a.ttf']) assert.ok(lines.includes(`${file}: binary: set`), file)
  })
})
