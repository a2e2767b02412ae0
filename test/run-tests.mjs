#!/usr/bin/env node
// `npm test`: builds the app, then runs every test layer with node's test runner, with a keychain
// (see with-keyring.mjs) and, on headless Linux, a virtual display for the Electron layer.
// `node test/run-tests.mjs test/unit/x.test.ts` runs only the files named; SKIP_BUILD=1 reuses the build;
// DESK_OUT_DIR=<dir> builds into (and tests) another folder than out/, so parallel runs do not collide.
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { run, withKeyring } from './with-keyring.mjs'

const root = resolve(import.meta.dirname, '..')

function findTests(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return findTests(path)
    return name.endsWith('.test.ts') ? [relative(root, path)] : []
  })
}

async function main() {
  if (!process.env.SKIP_BUILD) {
    const outDir = process.env.DESK_OUT_DIR ? ['--outDir', resolve(root, process.env.DESK_OUT_DIR)] : []
    const built = await run(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', ...outDir], { cwd: root })
    if (built !== 0) return built
  }
  const named = process.argv.slice(2)
  const files = named.length > 0 ? named : findTests(join(root, 'test')).sort()
  const command = [process.execPath, '--import', 'tsx', '--test', '--test-reporter=spec', ...files]
  if (process.platform === 'linux' && !process.env.DISPLAY && spawnSync('which', ['xvfb-run']).status === 0) {
    return withKeyring('xvfb-run', ['-a', ...command])
  }
  return withKeyring(command[0], command.slice(1))
}

process.exitCode = await main()
