import assert from 'node:assert/strict'
import { describe, test, type TestContext } from 'node:test'
import type { Page } from 'playwright-core'
import type { DeskBridge } from '../../main/common/contract'
import { browserSkip, openDesk, type OpenDeskOptions } from '../harness/open-desk'
import { tempDesk } from '../helpers/temp-desk'

const PASSPHRASE = 'correct horse battery'
const NEW_PASSPHRASE = 'purple staple orbit lamp'

async function open(t: TestContext, options: Partial<OpenDeskOptions> = {}) {
  const folder = await tempDesk(t)
  const opened = await openDesk({ ...folder, ...options })
  t.after(() => opened.close())
  return opened
}

const lockScreen = (page: Page) => page.getByRole('heading', { name: 'The desk is locked' })
const deskShown = (page: Page) => page.getByRole('heading', { name: 'No customers yet' }).waitFor()

async function unlock(page: Page, passphrase: string): Promise<void> {
  await page.getByLabel('Desk passphrase').fill(passphrase)
  await page.getByRole('button', { name: 'Unlock' }).click()
}

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click()
  const dialog = page.getByRole('dialog', { name: 'Settings' })
  await dialog.waitFor()
  return dialog
}

/** The error tied to a field (aria-describedby), as a screen reader reads it out. */
async function fieldError(page: Page, label: string): Promise<string> {
  const field = page.getByLabel(label, { exact: true })
  await field.and(page.locator('[aria-invalid="true"]')).waitFor()
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(' ')
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()))
  return texts.join(' ')
}

describe('changing the desk passphrase and turning the lock off in Settings', { skip: browserSkip }, () => {
  test('a wrong current passphrase is told at its field, with the wait; the change then takes the right one, and the next unlock needs the new passphrase', async (t) => {
    const { page, pageErrors } = await open(t, { lock: { passphrase: PASSPHRASE } })
    await unlock(page, PASSPHRASE)
    await deskShown(page)

    const dialog = await openSettings(page)
    await dialog.getByRole('button', { name: 'Change passphrase…' }).click()
    await dialog.getByRole('heading', { name: 'Change the desk passphrase' }).waitFor()
    await dialog.getByLabel('New passphrase', { exact: true }).fill('short')
    await dialog.getByLabel('Repeat the new passphrase', { exact: true }).fill('short')
    await dialog.getByRole('button', { name: 'Change the passphrase' }).click()
    assert.match(await fieldError(page, 'New passphrase'), /^Use at least 8 characters; a few unrelated words are easy to type and hard to guess\./, 'the first start’s rule and words')

    await dialog.getByLabel('Current passphrase', { exact: true }).fill('not the passphrase')
    await dialog.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE)
    await dialog.getByLabel('Repeat the new passphrase', { exact: true }).fill(NEW_PASSPHRASE)
    await dialog.getByRole('button', { name: 'Change the passphrase' }).click()
    assert.equal(await fieldError(page, 'Current passphrase'), 'That is not the desk passphrase. Wait 2 seconds before the next try.')
    assert.equal(await dialog.getByLabel('Current passphrase', { exact: true }).getAttribute('aria-invalid'), 'true')
    assert.equal(await dialog.getByRole('button', { name: 'Change the passphrase' }).isDisabled(), true, 'the page waits as main does')
    assert.equal(await dialog.getByLabel('Current passphrase', { exact: true }).inputValue(), '', 'the wrong one is cleared')

    await dialog.getByLabel('Current passphrase', { exact: true }).fill(PASSPHRASE)
    // click() waits for the button to be enabled again, once the wait is over.
    await dialog.getByRole('button', { name: 'Change the passphrase' }).click()
    await dialog.waitFor({ state: 'detached' })
    await page.getByRole('status').getByText('The desk passphrase was changed. From now on only the new one unlocks the desk.').waitFor()

    await page.keyboard.press('Control+L')
    await lockScreen(page).waitFor()
    await unlock(page, PASSPHRASE)
    await page.getByRole('alert').getByText('That is not the desk passphrase. Wait 2 seconds before the next try.').waitFor()
    await unlock(page, NEW_PASSPHRASE)
    await deskShown(page)

    // Maintenance › Access log names the change and filters by it.
    await page.getByRole('button', { name: 'Maintenance' }).click()
    const section = page.getByRole('dialog', { name: 'Maintenance' }).getByRole('region', { name: 'Access log' })
    await section.getByLabel('Action').selectOption({ label: 'Lock settings changed' })
    const rows = section.getByRole('table', { name: 'Access log entries' }).getByRole('row').filter({ has: page.getByRole('cell') })
    await section.getByText('2 entries, newest first.').waitFor()
    const texts = await rows.allTextContents()
    assert.match(texts[0] ?? '', /Lock settings changedpassphrase changed/)
    assert.match(texts[1] ?? '', /Lock settings changedpassphrase not changed: wrong current passphrase/)
    assert.ok(!(await page.content()).includes(NEW_PASSPHRASE))
    assert.deepEqual(pageErrors, [])
  })

  test('turning the lock off states the consequence and needs the tick and the current passphrase; Settings then offers to set a passphrase again', async (t) => {
    const { page } = await open(t, { lock: { passphrase: PASSPHRASE } })
    await unlock(page, PASSPHRASE)
    await deskShown(page)
    const dialog = await openSettings(page)
    await dialog.getByRole('button', { name: 'Turn the lock off…' }).click()
    await dialog.getByText(/^Without a lock, anyone who can use this computer while you are signed in can open the desk/).waitFor()
    await dialog.getByLabel('Current passphrase', { exact: true }).fill(PASSPHRASE)
    await dialog.getByRole('button', { name: 'Turn the lock off' }).click()
    await dialog.getByText('Tick the box to turn the lock off, or go back.').waitFor()
    await dialog.getByLabel('I understand that anyone at this computer can reveal every password').check()
    await dialog.getByRole('button', { name: 'Turn the lock off' }).click()
    await dialog.waitFor({ state: 'detached' })
    await page.getByRole('status').getByText(/^The lock is off/).waitFor()
    assert.equal(await page.getByRole('button', { name: 'Lock', exact: true }).count(), 0, 'nothing could unlock it, so there is no Lock button')
    const status = await page.evaluate(() => (window as unknown as { desk: DeskBridge }).desk.lock.status({}))
    assert.ok(status.ok && !status.value.hasPassphrase)

    const again = await openSettings(page)
    await again.getByRole('heading', { name: 'Set a passphrase' }).waitFor()
    await again.getByLabel('Desk passphrase', { exact: true }).fill(NEW_PASSPHRASE)
    await again.getByLabel('Repeat the passphrase', { exact: true }).fill(NEW_PASSPHRASE)
    await again.getByRole('button', { name: 'Set the passphrase' }).click()
    await again.waitFor({ state: 'detached' })
    await page.getByRole('button', { name: 'Lock', exact: true }).click()
    await lockScreen(page).waitFor()
    await unlock(page, NEW_PASSPHRASE)
    await deskShown(page)
  })
})
