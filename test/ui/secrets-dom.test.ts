import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { extname, join, relative } from 'node:path'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { browserSkip, openDesk } from '../harness/open-desk'
import { SEED_PASSWORD } from '../helpers/customer-seeds'
import { seedWalkDesk, walkEveryScreen, WALK_PASSWORDS } from '../helpers/screen-walk'
import { accessLogEntries, encodings, filesUnder, readable } from '../helpers/secret-search'
import { tempDesk } from '../helpers/temp-desk'
import { scriptedDialogs } from '../helpers/export-fixtures'

// Issue 6, item 8, in the page: after every screen, no customer password is in the DOM or any input,
// and none is in a file the desk wrote. Reveal is the one, explicit, exception while it is shown.
const SECRETS = WALK_PASSWORDS

/** What the page holds: its whole markup and the live value of every field (a value typed in is not in the markup). */
async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const values = [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select')].map((element) => element.value)
    return [document.documentElement.outerHTML, ...values].join('\n')
  })
}

async function expectNoSecretOnPage(page: Page, step: string): Promise<void> {
  const text = await pageText(page)
  for (const secret of SECRETS) assert.ok(!text.includes(secret), `${step}: the password "${secret}" is on the page`)
}


test('no customer password reaches the page or a written file, on any screen, except while Reveal shows it', { skip: browserSkip, timeout: 180_000 }, async (t) => {
  const { dataDir, keychainService } = await tempDesk(t)
  const exportsDir = await mkdtemp(join(tmpdir(), 'desk-secrets-dom-'))
  t.after(() => rm(exportsDir, { recursive: true, force: true }))
  await seedWalkDesk(dataDir, keychainService)
  const opened = await openDesk({ dataDir, keychainService, fileDialogs: scriptedDialogs(exportsDir) })
  t.after(() => opened.close())
  const { page } = opened
  const steps: string[] = []
  const check = async (step: string) => {
    steps.push(step)
    await expectNoSecretOnPage(page, step)
  }
  await walkEveryScreen(page, {
    check,
    // Reveal is the exception, and the proof that this check sees a password when one is there.
    whileRevealed: async (revealed) => {
      assert.equal(await revealed.inputValue(), SEED_PASSWORD)
      assert.ok((await pageText(page)).includes(SEED_PASSWORD), 'the revealed password is on the page while shown')
    },
  })
  assert.deepEqual(opened.pageErrors, [])

  // Every file the desk wrote: the data folder (daily backups included) and every export.
  const dataFiles = await filesUnder(dataDir)
  const exportFiles = await filesUnder(exportsDir)
  assert.ok(dataFiles.some((file) => file.includes(join('backups', 'customers-2025-01-07.json'))), 'the daily backup is searched too')
  const log = await accessLogEntries(dataDir)
  assert.ok(dataFiles.includes(log.file), 'the access log is searched too')
  assert.deepEqual([...new Set(log.entries.map((entry) => entry.action))].sort(), ['password-change', 'password-copy', 'password-reveal'], 'it holds the walk’s Change Password, reveal and copy')
  assert.deepEqual(exportFiles.map((file) => extname(file)).sort(), ['.csv', '.pdf', '.pdf', '.xlsx'])
  for (const file of [...dataFiles, ...exportFiles]) {
    const where = file.startsWith(dataDir) ? `data folder: ${relative(dataDir, file)}` : `export: ${relative(exportsDir, file)}`
    for (const contents of await readable(file)) {
      for (const secret of SECRETS) assert.ok(!encodings(secret).some((encoded) => contents.includes(encoded)), `"${secret}" found in ${where}`)
    }
  }
  t.diagnostic(`searched ${dataFiles.length + exportFiles.length} files and ${steps.length} screens for ${SECRETS.length} passwords`)
})
