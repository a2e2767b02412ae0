import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { browserSkip, HARNESS_ORIGIN, openDesk } from '../harness/open-desk'
import { seedWalkDesk, walkEveryScreen } from '../helpers/screen-walk'
import { tempDesk } from '../helpers/temp-desk'
import { scriptedDialogs } from '../helpers/export-fixtures'

// Issue 9, item 15: nothing in the page reaches the network. Every request the page starts during a walk
// through every screen is recorded (the harness aborts off-origin ones, but they are still seen here);
// none may leave the app's own origin. In the app that origin is desk://app; here the harness serves it.
// Another origin on this machine's loopback (discard port): the CSP refuses it before any packet, and even if it did not, nothing would leave the machine.
const OUTSIDE = 'http://127.0.0.1:9'

/** Every request and WebSocket the page's browser context starts, from the moment this is called. */
function recordRequests(page: Page): string[] {
  const seen: string[] = []
  page.context().on('request', (request) => seen.push(request.url()))
  page.on('websocket', (socket) => seen.push(socket.url()))
  return seen
}

const leaving = (urls: string[]) => urls.filter((url) => !url.startsWith('data:') && new URL(url).origin !== HARNESS_ORIGIN)

test('no request leaves the app’s origin on any screen, and the recorder sees one that does', { skip: browserSkip, timeout: 180_000 }, async (t) => {
  const { dataDir, keychainService } = await tempDesk(t)
  const exportsDir = await mkdtemp(join(tmpdir(), 'desk-no-network-'))
  t.after(() => rm(exportsDir, { recursive: true, force: true }))
  await seedWalkDesk(dataDir, keychainService)
  const opened = await openDesk({ dataDir, keychainService, fileDialogs: scriptedDialogs(exportsDir) })
  t.after(() => opened.close())
  const { page } = opened
  const requests = recordRequests(page)
  // The harness loaded the page before the recorder existed: load it again, recorded from its first byte.
  await page.reload()
  const steps: string[] = []
  await walkEveryScreen(page, { check: async (step) => void steps.push(step) })

  const walked = [...requests]
  assert.ok(walked.some((url) => url === `${HARNESS_ORIGIN}/index.html`), 'the recorder saw the page load')
  assert.deepEqual(leaving(walked), [])
  assert.deepEqual([...opened.pageErrors], [], 'a request the page’s CSP refused would be reported here')
  t.diagnostic(`${walked.length} requests over ${steps.length} screens, all to ${HARNESS_ORIGIN}`)

  // The check can fail: a remote image put in the page is seen (Chromium reports the attempt even though the
  // CSP then blocks it), a fetch is refused by the CSP and reported as a page error, which the walk asserts there
  // were none of, and a navigation of the page itself, which no CSP stops, is seen too.
  const image = page.context().waitForEvent('request', (request) => request.url() === `${OUTSIDE}/pixel.png`)
  const refusedFetch = page.waitForEvent('console', (message) => message.type() === 'error' && message.text().includes(`${OUTSIDE}/beacon`))
  await page.evaluate((outside) => {
    const pixel = document.createElement('img')
    pixel.src = `${outside}/pixel.png`
    document.body.append(pixel)
    void fetch(`${outside}/beacon`).catch(() => undefined)
  }, OUTSIDE)
  await image
  await refusedFetch
  t.diagnostic(`page errors of the injected requests: ${JSON.stringify(opened.pageErrors)}`)
  assert.ok(opened.pageErrors.some((error) => error.includes('Content Security Policy') && error.includes(`${OUTSIDE}/beacon`)))
  const navigation = page.context().waitForEvent('request', (request) => request.url() === `${OUTSIDE}/leak`)
  await page.evaluate((outside) => window.location.assign(`${outside}/leak`), OUTSIDE)
  await navigation
  assert.deepEqual(leaving(requests), [`${OUTSIDE}/pixel.png`, `${OUTSIDE}/leak`])
})
