// Issue 10, item 2, in the page: previous passwords, the password's age, the rotation filter and the follow-up checklist.
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test } from 'node:test'
import { parse } from 'csv-parse/sync'
import { browserSkip, openDesk } from '../harness/open-desk'
import { SEED_PASSWORD } from '../helpers/customer-seeds'
import { changePasswordInPage, detail, seedAgedDesk } from '../helpers/previous-password-steps'
import { tempDesk } from '../helpers/temp-desk'

const NEW_PASSWORD = 'Rotated-Vault-2026!'

test('after Change Password the old one is listed, revealed and copied; the age, the rotation filter and its export, the checklist in the history', { skip: browserSkip, timeout: 90_000 }, async (t) => {
  const { dataDir, keychainService } = await tempDesk(t)
  await seedAgedDesk(dataDir, keychainService)
  const exportFile = join(dataDir, 'rotation.csv')
  const opened = await openDesk({
    dataDir,
    keychainService,
    clipboardClearMs: 60_000,
    fileDialogs: { chooseSaveFile: async () => exportFile, chooseOpenFile: async () => null },
  })
  t.after(() => opened.close())
  const { page } = opened

  // The rotation report: only the customer whose password is older than 90 days, exported as it is listed.
  const days = page.getByLabel('Password older than (days)')
  await days.fill('9o')
  await page.getByRole('alert').getByText('Type a whole number of days, such as 90, or leave it empty for any age.').waitFor()
  assert.equal(await days.getAttribute('aria-invalid'), 'true')
  await days.fill('90')
  await page.getByText('1 of 3 customers').waitFor()
  assert.deepEqual(await page.getByRole('row', { name: /^(Contoso|Fabrikam|Northwind)/ }).allTextContents().then((rows) => rows.map((text) => text.split(/\s/)[0])), ['Contoso'])
  await page.getByRole('button', { name: 'Export the 1 customer shown (CSV)…' }).click()
  await page.getByRole('status').getByText(`Exported 1 customer to ${exportFile}`).waitFor()
  const rows = parse((await readFile(exportFile, 'utf8')).replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[]
  assert.deepEqual(rows.map((row) => row['Customer Company Name']), ['Contoso Ltd'])
  // The Data menu's list export is the whole desk, whatever the list shows: that is why the filter has its own button.
  await page.getByRole('button', { name: 'Data' }).click()
  await page.getByRole('menu', { name: 'Data' }).getByRole('menuitem', { name: 'Export list as CSV…' }).click()
  await page.getByRole('status').getByText(`Exported 3 customers to ${exportFile}`).waitFor()
  await days.fill('5')
  await page.getByText('2 of 3 customers').waitFor()
  await days.fill('')
  await page.getByText('3 of 3 customers').waitFor()

  // The age in the detail, then Change Password: the replaced password is listed with its dates.
  await page.getByRole('row', { name: /^Contoso Ltd/ }).click()
  const contoso = detail(page, 'Contoso Ltd')
  await contoso.getByText('set 94 days ago').waitFor()
  assert.equal(await contoso.getByRole('region', { name: 'Previous passwords' }).count(), 0, 'nothing replaced yet')
  await changePasswordInPage(page, 'Contoso Ltd', NEW_PASSWORD)
  await contoso.getByText('set today').waitFor()
  const previous = contoso.getByRole('region', { name: 'Previous passwords' })
  await previous.waitFor()
  const entries = previous.getByRole('listitem')
  assert.equal(await entries.count(), 1)
  assert.match((await entries.first().getAttribute('aria-label')) ?? '', /^Set .+, replaced .+$/)
  assert.equal(await page.getByText(SEED_PASSWORD).count(), 0, 'shown only on Reveal')

  await previous.getByRole('button', { name: 'Reveal', exact: true }).click()
  const revealed = previous.getByRole('textbox', { name: /^Previous password set / })
  await revealed.waitFor()
  assert.equal(await revealed.inputValue(), SEED_PASSWORD)
  await previous.getByRole('button', { name: 'Hide', exact: true }).click()
  await revealed.waitFor({ state: 'detached' })
  await previous.getByRole('button', { name: 'Copy', exact: true }).click()
  await page.getByRole('status').getByText(/^Previous password copied; the clipboard is cleared in 60 s$/).waitFor()
  assert.equal(await opened.clipboard.readText(), SEED_PASSWORD)

  // The follow-up in x360Recover: each tick goes into the history with its label.
  const followUp = contoso.getByRole('region', { name: /^In x360Recover after the change of / })
  const steps = followUp.getByRole('checkbox')
  assert.deepEqual(await steps.evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).checked)), [false, false, false])
  const vaultSync = followUp.getByRole('checkbox', { name: 'Vault synced with the License Portal' })
  // A click, not check(): the box shows the tick once main has recorded it.
  await vaultSync.click()
  await contoso.getByRole('region', { name: 'History' }).getByText('ticked: Vault synced with the License Portal').waitFor()
  assert.ok(await vaultSync.isChecked())
  assert.ok(await vaultSync.isDisabled(), 'a tick is history: it cannot be taken back')
  await followUp.getByText('2 steps to do', { exact: false }).waitFor()
  assert.deepEqual(opened.pageErrors, [])
})
