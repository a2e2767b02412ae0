import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  APP_ENTRY_URL,
  entryUrl,
  externalUrlToOpen,
  isNavigationAllowed,
  isPermissionGranted,
  isTrustedSender,
  mainWindowOptions,
  resolveAppAsset,
  spellcheckPolicy,
} from '../../main/security/window-policy'

describe('window options', () => {
  test('isolate the page from Node and sandbox it', () => {
    const { webPreferences } = mainWindowOptions('/app/preload/index.cjs')
    assert.equal(webPreferences.contextIsolation, true)
    assert.equal(webPreferences.sandbox, true)
    assert.equal(webPreferences.nodeIntegration, false)
    assert.equal(webPreferences.nodeIntegrationInSubFrames, false)
    assert.equal(webPreferences.webSecurity, true)
    assert.equal(webPreferences.webviewTag, false)
    assert.equal(webPreferences.allowRunningInsecureContent, false)
    assert.equal(webPreferences.preload, '/app/preload/index.cjs')
  })
  test("spell checking uses the OS's checker on macOS and Windows and is off elsewhere; dictionaries never come from the network", () => {
    for (const [platform, enabled] of [['darwin', true], ['win32', true], ['linux', false], ['freebsd', false]] as const) {
      assert.equal(spellcheckPolicy(platform).enabled, enabled, platform)
      assert.equal(mainWindowOptions('/app/preload/index.cjs', undefined, platform).webPreferences.spellcheck, enabled, platform)
      const download = new URL(spellcheckPolicy(platform).dictionaryDownloadUrl)
      assert.equal(download.origin, new URL(APP_ENTRY_URL).origin, platform)
      // Electron appends the file name to it, so it ends in a slash (session.setSpellCheckerDictionaryDownloadURL).
      assert.ok(download.pathname.endsWith('/'))
    }
  })
  test('load the app protocol unless a dev server is given', () => {
    assert.equal(entryUrl(undefined), APP_ENTRY_URL)
    assert.equal(entryUrl('http://localhost:5173'), 'http://localhost:5173')
  })
})

describe('IPC sender check', () => {
  test('trusts only the top frame of the app page', () => {
    assert.equal(isTrustedSender(APP_ENTRY_URL, APP_ENTRY_URL, true), true)
    assert.equal(isTrustedSender(`${APP_ENTRY_URL}#/customers`, APP_ENTRY_URL, true), true)
    assert.equal(isTrustedSender(APP_ENTRY_URL, APP_ENTRY_URL, false), false)
    assert.equal(isTrustedSender('https://evil.example/index.html', APP_ENTRY_URL, true), false)
    assert.equal(isTrustedSender('desk://app/other.html', APP_ENTRY_URL, true), false)
    assert.equal(isTrustedSender('file:///index.html', APP_ENTRY_URL, true), false)
    assert.equal(isTrustedSender(undefined, APP_ENTRY_URL, true), false)
    assert.equal(isTrustedSender('not a url', APP_ENTRY_URL, true), false)
  })
})

describe('navigation, permissions and links', () => {
  test('navigation away from the app is refused', () => {
    assert.equal(isNavigationAllowed('https://example.com/', APP_ENTRY_URL), false)
    assert.equal(isNavigationAllowed('file:///etc/passwd', APP_ENTRY_URL), false)
    assert.equal(isNavigationAllowed(APP_ENTRY_URL, APP_ENTRY_URL), true)
  })
  test('every permission request is refused', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      assert.equal(isPermissionGranted(permission), false, permission)
    }
  })
  test('only https links to the vendor portals open outside, as the parser reads them', () => {
    assert.equal(externalUrlToOpen('https://portal.nexetic.com/customers'), 'https://portal.nexetic.com/customers')
    assert.equal(externalUrlToOpen('https://portal.nexetic.com'), 'https://portal.nexetic.com/')
    assert.equal(externalUrlToOpen('https://x360portal.axcient.net/?q=contoso#top'), 'https://x360portal.axcient.net/?q=contoso#top')
    assert.equal(externalUrlToOpen('HTTPS://Partner.Axcient.com/'), 'https://partner.axcient.com/')
    for (const refused of [
      'http://portal.nexetic.com/',
      'https://portal.nexetic.com.evil.example/',
      'https://user:pw@portal.nexetic.com/',
      'file:///C:/Windows/system32/calc.exe',
      'javascript:alert(1)',
      '',
      'not a url',
    ]) {
      assert.equal(externalUrlToOpen(refused), null, refused)
    }
  })
  test('a link that parses differently than it reads is refused, not repaired', () => {
    const hostile = [
      'https://portal.nexetic.com\\@evil.example/',
      'https:\\\\portal.nexetic.com/',
      'https://portal.nexetic.com/\\evil',
      'https://portal.nexetic.com/\tcustomers',
      'https://portal.nexetic.com/\ncustomers',
      'https://portal.nex\ttic.com/',
      'https://portal.nexetic.com/\0',
      'https://portal.nexetic.com/\r\n',
      'https://portal.nexetic.com/\u007f',
      'https://portal.nexetic.com/\u0085',
      ' https://portal.nexetic.com/',
      'https://portal.nexetic.com/ ',
      'https://portal@evil.example/',
      'https://portal.nexetic.com@evil.example/',
      'https://portal.nexetic.com:@evil.example/',
      'https://evil.example#@portal.nexetic.com/',
      'https://evil.example?@portal.nexetic.com/',
      'https://portal\uff0enexetic\uff0ecom/',
      'https://portal\u3002nexetic.com/',
      'https://portal.nexetic.com\uff0f@evil.example/',
      'https://pOrtal.nexetic.com\u200b/',
      'https://portal%2enexetic.com/',
      'https:portal.nexetic.com/',
      'https:/portal.nexetic.com/',
      'https:///portal.nexetic.com/',
      'https://portal.nexetic.com:443/',
      'https://portal.nexetic.com./',
      'https://0x7f.1/',
    ]
    for (const url of hostile) assert.equal(externalUrlToOpen(url), null, JSON.stringify(url))
    for (const notText of [undefined, null, 42, { href: 'https://portal.nexetic.com/' }]) assert.equal(externalUrlToOpen(notText), null)
  })
  test('the WHATWG parser maps several of those onto an allowed portal, so an origin check alone lets them through', () => {
    // The proof the refusals matter: without the reads-as-it-parses check these would open a portal URL nobody wrote.
    for (const url of ['https:\\\\portal.nexetic.com/', 'https://portal\uff0enexetic\uff0ecom/', 'https://portal%2enexetic.com/', 'https:portal.nexetic.com/', 'https:///portal.nexetic.com/', 'https://portal.nexetic.com/\tcustomers']) {
      assert.equal(new URL(url).host, 'portal.nexetic.com', url)
    }
  })
})

describe('app protocol', () => {
  const dir = '/opt/desk/out/renderer'
  test('serves files inside the renderer folder', () => {
    assert.equal(resolveAppAsset('desk://app/index.html', dir), `${dir}/index.html`)
    assert.equal(resolveAppAsset('desk://app/', dir), `${dir}/index.html`)
    assert.equal(resolveAppAsset('desk://app/assets/index-abc.js?x=1', dir), `${dir}/assets/index-abc.js`)
  })
  test('refuses anything that climbs out or comes from elsewhere', () => {
    // The URL parser resolves dot segments (also percent-encoded ones) against the root, so they stay inside.
    assert.equal(resolveAppAsset('desk://app/../../etc/passwd', dir), `${dir}/etc/passwd`)
    assert.equal(resolveAppAsset('desk://app/%2e%2e/%2e%2e/etc/passwd', dir), `${dir}/etc/passwd`)
    assert.equal(resolveAppAsset('desk://app/assets/..%5c..%5csecret', dir), null)
    assert.equal(resolveAppAsset('desk://other/index.html', dir), null)
    assert.equal(resolveAppAsset('https://app/index.html', dir), null)
    assert.equal(resolveAppAsset('desk://app/%E0%A4%A', dir), null)
  })
})
