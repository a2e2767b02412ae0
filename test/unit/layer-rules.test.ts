import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { ESLint } from 'eslint'
import ts from 'typescript'

const root = join(import.meta.dirname, '../..')
const eslint = new ESLint({ cwd: root })

/** The layer messages the repo's own lint config gives `code` if it sat at `file`. */
async function refusedImports(file: string, code: string): Promise<string[]> {
  const filePath = join(root, file)
  assert.equal(await eslint.isPathIgnored(filePath), false, `${file} is linted`)
  const [result] = await eslint.lintText(code, { filePath })
  assert.ok(result)
  assert.deepEqual(result.messages.filter((message) => message.fatal), [], `${file} parses`)
  return result.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message)
}

const assertRefused = async (file: string, code: string, why: RegExp) => {
  const messages = await refusedImports(file, code)
  assert.equal(messages.length, 1, `${code} in ${file}: ${messages.join(' | ') || 'allowed'}`)
  assert.match(messages[0] ?? '', why)
}
const assertAllowed = async (file: string, code: string) => assert.deepEqual(await refusedImports(file, code), [], `${code} in ${file}`)

describe('the lint keeps each layer to what it may import', () => {
  test('main/common, shared with the page, refuses Node, Electron, keytar and lowdb, and the rest of main', async () => {
    for (const code of [
      "import { readFile } from 'node:fs'",
      "import { readFile } from 'fs/promises'",
      "import { EventEmitter } from 'events'",
      "import { app } from 'electron'",
      "import keytar from 'keytar'",
      "import { Low } from 'lowdb'",
      "import { JSONFilePreset } from 'lowdb/node'",
    ]) {
      await assertRefused('main/common/x.ts', code, /shared with the page/)
    }
    await assertRefused('main/common/x.ts', "import { store } from '../services/customer-store'", /only main\/common/)
    await assertRefused('main/common/contract/x.ts', "import { store } from '../../services/customer-store'", /only main\/common/)
    // A local file that shares a built-in module's name is still the shared code's own.
    await assertAllowed('main/common/contract/x.ts', "import { DESK_EVENTS } from './events'")
    await assertAllowed('main/common/contract/x.ts', "import { ok } from '../result'")
    await assertAllowed('main/common/x.ts', "import { z } from 'zod'")
  })

  test('Electron only in the thin layer: main/electron/ and main/index.ts', async () => {
    for (const file of ['main/services/x.ts', 'main/ipc/x.ts', 'main/menu/x.ts', 'main/security/x.ts', 'main/window/x.ts']) {
      await assertRefused(file, "import { app } from 'electron'", /Electron only in main\/electron/)
    }
    await assertRefused('main/menu/x.ts', "import type { MenuItemConstructorOptions } from 'electron'", /Electron only/)
    await assertAllowed('main/electron/x.ts', "import { app } from 'electron'")
    await assertAllowed('main/index.ts', "import { app } from 'electron'")
    await assertAllowed('main/services/x.ts', "import { readFile } from 'node:fs/promises'")
  })

  test('a feature reaches another only through its public entry (index.ts)', async () => {
    const feature = 'renderer/src/features/exports/X.tsx'
    await assertRefused(feature, "import { ModalDialog } from '../customer-form/ModalDialog'", /public entry/)
    await assertAllowed(feature, "import { ModalDialog } from '../customer-form'")
    await assertAllowed(feature, "import { MenuButton } from './MenuButton'")
    await assertAllowed(feature, "import { NoticeBar } from '../../components/NoticeBar'")
    await assertRefused('renderer/src/App.tsx', "import { CustomerList } from './features/customers/CustomerList'", /public entry/)
    await assertAllowed('renderer/src/App.tsx', "import { CustomerList } from './features/customers'")
    await assertRefused('renderer/src/components/X.tsx', "import { formatBackupDay } from '../features/maintenance/maintenance-text'", /public entry/)
    // The page's own older rule still holds beside it.
    await assertRefused(feature, "import { readFile } from 'node:fs'", /No Node or Electron in the page/)
  })
})

describe('the page and the Node side are separate TypeScript projects', () => {
  let dir = ''
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'desk-layers-'))
  })
  after(() => rm(dir, { recursive: true, force: true }))

  const project = (name: string) => {
    const parsed = ts.getParsedCommandLineOfConfigFile(join(root, name), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (diagnostic) => assert.fail(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')) })
    assert.ok(parsed, name)
    return parsed
  }
  /** What the project's compiler options make of a file using Node's globals and modules. */
  async function errorsFor(name: string): Promise<string[]> {
    const probe = join(dir, `probe-${name}.ts`)
    await writeFile(probe, "import { readFile } from 'node:fs'\nexport const home = process.env.HOME ?? Buffer.from('x').toString()\nexport const read = readFile\n")
    const program = ts.createProgram([probe], project(name).options)
    return ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
  }

  test('the page (tsconfig.web.json) holds the renderer and gets no Node types: process, Buffer and node:fs do not compile', async () => {
    const web = project('tsconfig.web.json')
    assert.deepEqual(web.options.types, [])
    assert.deepEqual(web.fileNames.filter((file) => !relative(root, file).startsWith('renderer/')), [], 'only the renderer is a root; main/common comes in through its imports')
    const errors = await errorsFor('tsconfig.web.json')
    for (const missing of [/Cannot find name 'process'/, /Cannot find name 'Buffer'/, /Cannot find (module|name) 'node:fs'/]) {
      assert.ok(errors.some((error) => missing.test(error)), `${missing} in ${errors.join(' | ')}`)
    }
  })

  test('the Node side (tsconfig.node.json) compiles the same file, and holds no renderer file', async () => {
    const node = project('tsconfig.node.json')
    assert.deepEqual(node.fileNames.filter((file) => relative(root, file).startsWith('renderer/')), [])
    assert.deepEqual(await errorsFor('tsconfig.node.json'), [])
  })
})
