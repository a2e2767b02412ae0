import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createMemoryClipboard, secretClipboardFormats, type ClipboardFormat, type TextClipboard } from '../../main/services/secret-clipboard'
import { browserSkip, openDesk } from '../harness/open-desk'
import { SAMPLE_CUSTOMERS, SEED_PASSWORD, seedCustomers } from '../helpers/customer-seeds'
import { tempDesk } from '../helpers/temp-desk'

/** The memory clipboard, remembering every secret write (the clear may come before the test looks) and signalling the clear. */
function watchedClipboard() {
  const memory = createMemoryClipboard()
  const secretWrites: ClipboardFormat[][] = []
  let signalCleared!: () => void
  const cleared = new Promise<void>((resolve) => (signalCleared = resolve))
  const clipboard: TextClipboard = {
    readText: () => memory.readText(),
    writeText: (text) => memory.writeText(text),
    writeSecret: async (formats) => {
      secretWrites.push([...formats])
      await memory.writeSecret(formats)
    },
    clear: async () => {
      await memory.clear()
      signalCleared()
    },
  }
  return { memory, clipboard, secretWrites, cleared }
}

// Issue 9, item 8, from the page: Copy password goes through the real handler table to main's clipboard,
// which receives the password with this platform's secret marks in one write, and later the clipboard's own clear.
test("the page's Copy password puts the password on the clipboard marked as a secret, then clears it, flags and all", { skip: browserSkip, timeout: 60_000 }, async (t) => {
  const { dataDir, keychainService } = await tempDesk(t)
  const { memory, clipboard, secretWrites, cleared } = watchedClipboard()
  const opened = await openDesk({ dataDir, keychainService, clipboard, clipboardClearMs: 300 })
  t.after(() => opened.close())
  const [contoso] = SAMPLE_CUSTOMERS
  assert.ok(contoso)
  await seedCustomers(opened.desk, [contoso])
  const { page } = opened
  await page.reload()
  await page.getByRole('row', { name: /^Contoso Ltd/ }).click()
  await page.getByRole('region', { name: 'Details of Contoso Ltd' }).getByRole('button', { name: 'Copy password' }).click()
  await page.getByRole('status').getByText(/^Password copied; the clipboard is cleared in \d+ s$/).waitFor()

  assert.deepEqual(secretWrites, [secretClipboardFormats(process.platform, SEED_PASSWORD)])
  assert.ok(secretWrites[0]!.length > 1, 'the text and at least one secret mark')
  await cleared
  assert.deepEqual(memory.formats, [])
  assert.deepEqual(opened.pageErrors, [])
})
