import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { getConfig } from 'app-builder-lib/out/util/config/config.js'
import { secondLaunchAction } from '../../main/security/instance-policy'
import { mainWindowOptions } from '../../main/security/window-policy'

const root = join(import.meta.dirname, '../..')

/** The `electronFuses:` of electron-builder.yml, read by electron-builder's own loader (as `npm run dist` reads it). */
async function fusesInBuilderConfig(): Promise<Record<string, unknown>> {
  return { ...(await getConfig(root, null, null)).electronFuses }
}

describe('Electron fuses in the packaged app', () => {
  test('no run-as-node, no NODE_OPTIONS or inspector flags, cookie encryption, ASAR integrity and only-load-from-ASAR', async () => {
    const fuses = await fusesInBuilderConfig()
    assert.deepEqual(fuses, {
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    })
    assert.equal((await getConfig(root, null, null)).asar, true, 'integrity checks need the app packed in an ASAR')
  })

  test('every fuse name is one that electron-builder’s schema defines', async () => {
    const scheme = JSON.parse(await readFile(join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as {
      definitions: Record<string, { properties?: Record<string, unknown> }>
    }
    const fuseOptions = Object.values(scheme.definitions).find((definition) => definition.properties && 'onlyLoadAppFromAsar' in definition.properties)
    const known = new Set(Object.keys(fuseOptions?.properties ?? {}))
    for (const name of Object.keys(await fusesInBuilderConfig())) assert.ok(known.has(name), `${name} is a fuse electron-builder knows`)
  })
})

describe('the page', () => {
  test('middle-click (Auxclick) is disabled along with Node, and the page is isolated and sandboxed', () => {
    const { webPreferences } = mainWindowOptions('/app/preload/index.cjs')
    assert.equal(webPreferences.disableBlinkFeatures, 'Auxclick')
    assert.equal(webPreferences.contextIsolation, true)
    assert.equal(webPreferences.sandbox, true)
    assert.equal(webPreferences.nodeIntegration, false)
    assert.equal(webPreferences.nodeIntegrationInWorker, false)
  })

  test('the page’s CSP allows nothing remote, inline or evaluated', async () => {
    const html = await readFile(join(root, 'renderer/index.html'), 'utf8')
    const policy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? ''
    const directives = Object.fromEntries(policy.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]))
    assert.deepEqual(directives['default-src'], ["'none'"])
    assert.deepEqual(directives['script-src'], ["'self'"])
    assert.deepEqual(directives['object-src'], ["'none'"])
    assert.deepEqual(directives['base-uri'], ["'none'"])
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|https?:|\*/)
  })
})

describe('a second launch', () => {
  test('brings the first window forward, restoring it if minimized, and waits while it is still loading', () => {
    assert.equal(secondLaunchAction({ exists: true, shown: true, minimized: false }), 'focus')
    assert.equal(secondLaunchAction({ exists: true, shown: true, minimized: true }), 'restore-and-focus')
    assert.equal(secondLaunchAction({ exists: true, shown: false, minimized: false }), 'wait')
    assert.equal(secondLaunchAction({ exists: false, shown: false, minimized: false }), 'wait')
  })
})
