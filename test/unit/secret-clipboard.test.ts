import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { createMemoryClipboard, createSecretClipboard, osClipboardFormat, secretClipboardFormats, type TextClipboard } from '../../main/services/secret-clipboard'

const SECRET = 'Contoso-Vault-2026!'
const DWORD_ZERO = new Uint8Array([0, 0, 0, 0])

describe('the formats a copied password is marked with', () => {
  test('Windows: the text, and kept from clipboard monitors, Win+V history and the cloud clipboard (each a DWORD 0)', () => {
    assert.deepEqual(secretClipboardFormats('win32', SECRET), [
      { type: 'text/plain', data: SECRET },
      { type: 'electron application/osclipboard;format="ExcludeClipboardContentFromMonitorProcessing"', data: DWORD_ZERO },
      { type: 'electron application/osclipboard;format="CanIncludeInClipboardHistory"', data: DWORD_ZERO },
      { type: 'electron application/osclipboard;format="CanUploadToCloudClipboard"', data: DWORD_ZERO },
    ])
  })
  test('macOS: the text, and the concealed pasteboard type clipboard managers skip', () => {
    assert.deepEqual(secretClipboardFormats('darwin', SECRET), [
      { type: 'text/plain', data: SECRET },
      { type: osClipboardFormat('org.nspasteboard.ConcealedType'), data: SECRET },
    ])
  })
  test("Linux: the text, and KDE's password manager hint", () => {
    assert.deepEqual(secretClipboardFormats('linux', SECRET), [
      { type: 'text/plain', data: SECRET },
      { type: osClipboardFormat('x-kde-passwordManagerHint'), data: 'secret' },
    ])
  })
})

/** A memory clipboard whose clear() can be awaited from the test: the signal that the timed clear ran. */
function watchedClipboard(overrides: Partial<TextClipboard> = {}) {
  const inner = createMemoryClipboard()
  let cleared!: () => void
  const clearedOnce = new Promise<void>((resolve) => (cleared = resolve))
  const clipboard: TextClipboard = {
    readText: () => inner.readText(),
    writeText: (text) => inner.writeText(text),
    writeSecret: (formats) => inner.writeSecret(formats),
    clear: async () => {
      await inner.clear()
      cleared()
    },
    ...overrides,
  }
  // The clear timer is unref'd on purpose (it must not keep a desk alive), so the test holds the process open while it waits.
  const untilCleared = async () => {
    const keepAlive = setInterval(() => {}, 60_000)
    try {
      await clearedOnce
    } finally {
      clearInterval(keepAlive)
    }
  }
  return { inner, clipboard, untilCleared }
}

describe('the secret clipboard', () => {
  test('writes a copied password with every format of the platform, in one write', async () => {
    const memory = createMemoryClipboard()
    await createSecretClipboard(memory, 60_000, { platform: 'win32' }).copySecret(SECRET)
    assert.deepEqual(memory.formats, secretClipboardFormats('win32', SECRET))
    assert.equal(await memory.readText(), SECRET)
  })

  test("takes the password off with the clipboard's own clear, flags and all, not by writing ''", { timeout: 10_000 }, async () => {
    const { inner, clipboard, untilCleared } = watchedClipboard()
    await createSecretClipboard(clipboard, 20, { platform: 'win32' }).copySecret(SECRET)
    await untilCleared()
    assert.deepEqual(inner.formats, [])
  })

  test('clears the password even when reading the clipboard fails at the timeout, with no unhandled rejection', { timeout: 10_000 }, async (t) => {
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    t.after(() => process.off('unhandledRejection', onUnhandled))
    const { inner, clipboard, untilCleared } = watchedClipboard({ readText: () => Promise.reject(new Error('the clipboard is held by another program')) })

    await createSecretClipboard(clipboard, 20, { platform: 'linux' }).copySecret(SECRET)
    await untilCleared()
    // Let any rejection left behind by the timer surface before looking.
    await new Promise((resolve) => setImmediate(resolve))
    assert.deepEqual(inner.formats, [])
    assert.deepEqual(unhandled, [])
  })

  test('a clear that fails on quit is reported, and closing goes on', async () => {
    const reported: unknown[] = []
    const failure = new Error('the clipboard is held by another program')
    const { inner, clipboard } = watchedClipboard({ clear: () => Promise.reject(failure) })
    const secrets = createSecretClipboard(clipboard, 60_000, { platform: 'linux', report: (error) => reported.push(error) })
    await secrets.copySecret(SECRET)
    await secrets.dispose()
    assert.deepEqual(reported, [failure])
    assert.equal(await inner.readText(), SECRET, 'the clear failed, so the fake still holds it; the point is that dispose() resolved')
  })

  test('leaves what the user copied since alone', async () => {
    const memory = createMemoryClipboard()
    const secrets = createSecretClipboard(memory, 60_000)
    await secrets.copySecret(SECRET)
    await memory.writeText('something the user copied')
    await secrets.dispose()
    assert.equal(await memory.readText(), 'something the user copied')
  })
})
