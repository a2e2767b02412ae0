import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test } from 'node:test'
// electron-builder's own loader and schema check (ajv over app-builder-lib/scheme.json), as `npm run dist` runs them.
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js'
import type { Configuration, TargetConfiguration } from 'app-builder-lib'
import { DebugLogger } from 'builder-util/out/DebugLogger.js'
import { log } from 'builder-util/out/log.js'

// electron-builder logs ("• loaded configuration") to stdout in three writes, which node's test runner reads as its
// own message channel: a line split there failed the whole file ("Unable to deserialize cloned data"). Its log goes to stderr.
Object.assign(log, { stream: process.stderr })

const root = join(import.meta.dirname, '../..')
const loadConfig = () => getConfig(root, null, null)
const validate = (config: Configuration) => validateConfiguration(config, new DebugLogger(false))

type Target = string | TargetConfiguration
const targetNames = (target: Target | Target[] | null | undefined): string[] =>
  (Array.isArray(target) ? target : target ? [target] : []).map((entry) => (typeof entry === 'string' ? entry : entry.target))

describe('the installers (electron-builder.yml)', () => {
  test('matches electron-builder’s own schema, which refuses a misspelt option', async () => {
    const config = await loadConfig()
    await validate(config)
    await assert.rejects(validate({ ...config, nsis: { ...config.nsis, perMachin: true } as Configuration['nsis'] }), /configuration\.nsis/)
  })

  test('Windows: an assisted NSIS installer that offers a per-machine install, and an MSI for Intune or Group Policy', async () => {
    const config = await loadConfig()
    assert.deepEqual(targetNames(config.win?.target), ['nsis', 'msi'])
    assert.equal(config.nsis?.oneClick, false, 'assisted, so it can ask for whom to install')
    assert.equal(config.nsis?.perMachine, false, 'false with oneClick false shows the "for me / for everyone" page')
    assert.equal(config.nsis?.allowElevation, true, 'and may elevate for a per-machine install')
    assert.equal(config.msi?.perMachine, true)
    assert.equal(config.msi?.oneClick, true, 'deployment tools install it without questions')
  })

  test('macOS: dmg and zip, hardened runtime with only the JIT entitlement, notarised whenever credentials are given', async () => {
    const config = await loadConfig()
    assert.deepEqual(targetNames(config.mac?.target), ['dmg', 'zip'])
    assert.equal(config.mac?.hardenedRuntime, true)
    assert.equal(config.mac?.notarize, true, 'false would skip notarisation even with credentials')
    assert.equal(config.mac?.entitlements, 'build/entitlements.mac.plist')
    assert.equal(config.mac?.entitlementsInherit, 'build/entitlements.mac.plist')
    const plist = await readFile(join(root, 'build/entitlements.mac.plist'), 'utf8')
    const granted = [...plist.matchAll(/<key>([^<]+)<\/key>\s*<true\/>/g)].map((match) => match[1])
    assert.deepEqual(granted, ['com.apple.security.cs.allow-jit'], 'no unsigned executable memory, no disabled library validation')
  })

  test('Linux: AppImage and deb; every artefact is named with the version, OS and architecture', async () => {
    const config = await loadConfig()
    assert.deepEqual(targetNames(config.linux?.target), ['AppImage', 'deb'])
    assert.equal(config.artifactName, '${productName}-${version}-${os}-${arch}.${ext}')
    for (const target of ['nsis', 'msi', 'dmg', 'deb', 'appImage'] as const) assert.equal(config[target]?.artifactName, undefined, `${target} keeps the shared name`)
  })
})
