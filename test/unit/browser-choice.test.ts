import assert from 'node:assert/strict'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { chooseBrowser, type BrowserLookup } from '../harness/browser-choice'

const lookup = (platform: NodeJS.Platform, present: string[], env: Record<string, string> = {}): BrowserLookup => ({
  platform,
  env,
  exists: (path) => present.includes(path),
})

const WINDOWS_ENV = { LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local', PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' }
const EDGE = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'
const MAC_CHROME = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'
const MAC_EDGE = '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'

describe("layer 2's browser", () => {
  test('CHROMIUM_PATH comes first, and a CHROMIUM_PATH that does not exist is reported rather than passed over', () => {
    assert.deepEqual(chooseBrowser(lookup('linux', ['/opt/chromium/chrome', '/usr/bin/chromium'], { CHROMIUM_PATH: '/opt/chromium/chrome' })), {
      executablePath: '/opt/chromium/chrome',
      source: 'CHROMIUM_PATH',
    })
    const missing = chooseBrowser(lookup('linux', ['/usr/bin/chromium'], { CHROMIUM_PATH: '/opt/nothing' }))
    assert.ok('missing' in missing)
    assert.match(missing.missing, /CHROMIUM_PATH is set to \/opt\/nothing, which does not exist/)
  })

  test("Debian's Chromium next, then an installed Chrome through Playwright's channel", () => {
    assert.deepEqual(chooseBrowser(lookup('linux', ['/usr/bin/chromium', '/opt/google/chrome/chrome'])), { executablePath: '/usr/bin/chromium', source: "Debian's Chromium" })
    assert.deepEqual(chooseBrowser(lookup('linux', ['/opt/google/chrome/chrome'])), { channel: 'chrome', source: 'Playwright\'s "chrome" channel (/opt/google/chrome/chrome)' })
  })

  test('on Windows, Edge (which ships with Windows) from any of the folders Playwright searches, else Chrome', () => {
    assert.deepEqual(chooseBrowser(lookup('win32', [EDGE, 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'], WINDOWS_ENV)), { channel: 'msedge', source: `Playwright's "msedge" channel (${EDGE})` })
    const chrome = chooseBrowser(lookup('win32', ['C:\\Users\\ana\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe'], WINDOWS_ENV))
    assert.ok('channel' in chrome && chrome.channel === 'chrome')
    assert.ok('channel' in chooseBrowser(lookup('win32', ['D:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe'], { HOMEDRIVE: 'D:' })))
  })

  test('on macOS, Chrome, else Edge', () => {
    assert.deepEqual(chooseBrowser(lookup('darwin', [MAC_CHROME, MAC_EDGE])), { channel: 'chrome', source: `Playwright's "chrome" channel (${MAC_CHROME})` })
    assert.deepEqual(chooseBrowser(lookup('darwin', [MAC_EDGE])), { channel: 'msedge', source: `Playwright's "msedge" channel (${MAC_EDGE})` })
  })

  test('with no browser at all, says what it looked for and how to point it at one', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const choice = chooseBrowser(lookup(platform, [], platform === 'win32' ? WINDOWS_ENV : {}))
      assert.ok('missing' in choice, platform)
      assert.match(choice.missing, /no Chromium-based browser found .*Google Chrome or Microsoft Edge.*set CHROMIUM_PATH/)
    }
  })

  test('every layer-2 suite carries the skip that reports a missing browser', async () => {
    const folder = join(import.meta.dirname, '../ui')
    for (const name of (await readdir(folder)).filter((file) => file.endsWith('.test.ts'))) {
      const topLevel = (await readFile(join(folder, name), 'utf8')).split('\n').filter((line) => /^(describe|test)\(/.test(line))
      assert.ok(topLevel.length > 0, name)
      for (const line of topLevel) assert.match(line, /skip: browserSkip/, `${name}: ${line}`)
    }
  })
})
