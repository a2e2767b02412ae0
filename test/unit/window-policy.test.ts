import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  APP_ENTRY_URL,
  entryUrl,
  isExternalUrlAllowed,
  isNavigationAllowed,
  isPermissionGranted,
  isTrustedSender,
  mainWindowOptions,
  resolveAppAsset,
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
  test('only https links to the vendor portals open outside', () => {
    assert.equal(isExternalUrlAllowed('https://portal.nexetic.com/customers'), true)
    assert.equal(isExternalUrlAllowed('http://portal.nexetic.com/'), false)
    assert.equal(isExternalUrlAllowed('https://portal.nexetic.com.evil.example/'), false)
    assert.equal(isExternalUrlAllowed('https://user:pw@portal.nexetic.com/'), false)
    assert.equal(isExternalUrlAllowed('file:///C:/Windows/system32/calc.exe'), false)
    assert.equal(isExternalUrlAllowed('javascript:alert(1)'), false)
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
