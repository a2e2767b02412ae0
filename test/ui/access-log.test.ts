import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { hostname, tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { ACCESS_LOG_FILE_NAME } from '../../main/services/access-log/log-file'
import { browserSkip, openDesk } from '../harness/open-desk'
import { SAMPLE_CUSTOMERS, SEED_PASSWORD, seedCustomers } from '../helpers/customer-seeds'
import { tempDesk } from '../helpers/temp-desk'

const detail = (page: Page, company: string) => page.getByRole('region', { name: `Details of ${company}` })

/** The local day `offset` days from today, as a date field takes it (YYYY-MM-DD). */
const dayFromToday = (page: Page, offset: number): Promise<string> =>
  page.evaluate((days) => {
    const date = new Date()
    date.setDate(date.getDate() + days)
    return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
  }, offset)

test('reveal and copy are in the customer’s access log and under Maintenance, which filters, verifies the chain and exports it', { skip: browserSkip, timeout: 120_000 }, async (t) => {
  const { dataDir, keychainService } = await tempDesk(t)
  const folder = await mkdtemp(join(tmpdir(), 'desk-access-log-'))
  t.after(() => rm(folder, { recursive: true, force: true }))
  const opened = await openDesk({
    dataDir,
    keychainService,
    fileDialogs: { chooseSaveFile: async (name) => join(folder, name), chooseOpenFile: async () => null },
  })
  t.after(() => opened.close())
  const [contoso, fabrikam] = SAMPLE_CUSTOMERS
  assert.ok(contoso && fabrikam)
  await seedCustomers(opened.desk, [contoso, fabrikam])
  const { page } = opened
  await page.reload()

  // Contoso: reveal, then copy; both appear in its detail, newest first, with who and where.
  await page.getByRole('row', { name: /^Contoso Ltd/ }).click()
  const contosoLog = detail(page, 'Contoso Ltd').getByRole('region', { name: 'Access log' })
  await contosoLog.getByText('Nobody has revealed, copied or printed this customer’s password on this desk.').waitFor()
  await detail(page, 'Contoso Ltd').getByRole('button', { name: 'Reveal password' }).click()
  await contosoLog.getByRole('listitem').filter({ hasText: 'Password revealed' }).waitFor()
  await detail(page, 'Contoso Ltd').getByRole('button', { name: 'Copy password' }).click()
  await contosoLog.getByRole('listitem').filter({ hasText: 'Password copied' }).waitFor()
  const items = await contosoLog.getByRole('listitem').allTextContents()
  assert.equal(items.length, 2)
  assert.match(items[0] ?? '', /^Password copied/)
  assert.match(items[1] ?? '', /^Password revealed/)
  for (const item of items) assert.ok(item.includes(`${userInfo().username} on ${hostname()}`), item)
  assert.ok(!(await contosoLog.textContent())?.includes(SEED_PASSWORD))

  // Fabrikam's detail shows only Fabrikam's entry.
  await page.getByRole('row', { name: /^Fabrikam Inc/ }).click()
  await detail(page, 'Fabrikam Inc').getByRole('button', { name: 'Copy password' }).click()
  const fabrikamLog = detail(page, 'Fabrikam Inc').getByRole('region', { name: 'Access log' })
  await fabrikamLog.getByRole('listitem').filter({ hasText: 'Password copied' }).waitFor()
  assert.equal(await fabrikamLog.getByRole('listitem').count(), 1)

  // Maintenance › Access log: all three, then filtered by action and by day.
  await page.getByRole('button', { name: 'Maintenance' }).click()
  const dialog = page.getByRole('dialog', { name: 'Maintenance' })
  const section = dialog.getByRole('region', { name: 'Access log' })
  const rows = section.getByRole('table', { name: 'Access log entries' }).getByRole('row').filter({ has: page.getByRole('cell') })
  await section.getByText('3 entries, newest first.').waitFor()
  assert.deepEqual(
    (await rows.allTextContents()).map((row) => row.replace(/^.*?(Password \w+)(Contoso Ltd|Fabrikam Inc).*$/, '$1 $2')),
    ['Password copied Fabrikam Inc', 'Password copied Contoso Ltd', 'Password revealed Contoso Ltd'],
  )
  await section.getByLabel('Action').selectOption({ label: 'Password revealed' })
  await section.getByText('1 entry, newest first.').waitFor()
  assert.match((await rows.allTextContents())[0] ?? '', /Password revealed.*Contoso Ltd/)
  await section.getByLabel('Action').selectOption({ label: 'All actions' })
  await section.getByLabel('From').fill(await dayFromToday(page, 1))
  await section.getByText('No entries match.').waitFor()
  await section.getByLabel('To').fill(await dayFromToday(page, -1))
  await section.getByRole('alert').filter({ hasText: 'The To day is before the From day.' }).waitFor()
  assert.equal(await section.getByLabel('To').getAttribute('aria-invalid'), 'true')
  await section.getByLabel('From').fill(await dayFromToday(page, 0))
  await section.getByLabel('To').fill(await dayFromToday(page, 0))
  await section.getByText('3 entries, newest first.').waitFor()

  // Verify chain: intact; then an entry edited on the disk is found at its line.
  await section.getByRole('button', { name: 'Verify chain' }).click()
  await section.getByRole('status').filter({ hasText: 'The chain is intact: 3 entries, each following the one before it.' }).waitFor()
  const file = join(dataDir, ACCESS_LOG_FILE_NAME)
  const lines = (await readFile(file, 'utf8')).split('\n')
  lines[1] = (lines[1] ?? '').replace('"password-copy"', '"password-reveal"')
  await writeFile(file, lines.join('\n'))
  await section.getByRole('button', { name: 'Verify chain' }).click()
  const broken = section.getByRole('alert').filter({ hasText: 'The chain breaks at line 2: the log was changed outside the desk.' })
  await broken.waitFor()
  await broken.getByRole('listitem').filter({ hasText: 'Entry 2 (line 2) was changed after it was written: its contents no longer match its hash.' }).waitFor()

  // Export CSV: through main's save dialog, the shown filter's entries.
  await section.getByRole('button', { name: 'Export CSV…' }).click()
  const exported = section.getByRole('status').filter({ hasText: /^Exported 3 entries to / })
  await exported.waitFor()
  const csvPath = /^Exported 3 entries to (.*)\.$/.exec((await exported.textContent()) ?? '')?.[1] ?? ''
  assert.ok(csvPath.startsWith(folder), csvPath)
  const csv = await readFile(csvPath, 'utf8')
  assert.equal(csv.trim().split('\r\n').length, 4, 'a header and three entries')
  assert.ok(csv.includes('"Password revealed","') && csv.includes('"Contoso Ltd"'))

  // Exposed since changed: both customers, Fabrikam's copy the newest.
  const exposed = dialog.getByRole('region', { name: 'Exposed since changed' })
  const exposedRows = exposed.getByRole('row').filter({ has: page.getByRole('cell') })
  await exposedRows.first().waitFor()
  const exposedText = await exposedRows.allTextContents()
  assert.equal(exposedText.length, 2)
  assert.match(exposedText[0] ?? '', /^Fabrikam Inc.*Copied 1×/)
  assert.match(exposedText[1] ?? '', /^Contoso Ltd.*Revealed 1×, copied 1×/)
  await exposed.getByRole('button', { name: 'Open Contoso Ltd' }).click()
  await detail(page, 'Contoso Ltd').waitFor()
  assert.deepEqual(opened.pageErrors, [])
})
