import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { electronSkipReason, launchDeskApp } from '../harness/electron-binary'
import { tempDesk } from '../helpers/temp-desk'

const PASSPHRASE = 'correct horse battery'
const skip = electronSkipReason()

const lockScreen = (page: Page) => page.getByRole('heading', { name: 'The desk is locked' })

async function unlock(page: Page, passphrase = PASSPHRASE): Promise<void> {
  await page.getByLabel('Desk passphrase').fill(passphrase)
  await page.getByRole('button', { name: 'Unlock' }).click()
}

describe('the lock in the real Electron app', () => {
  test('first start sets the passphrase; the menu\'s Lock, sleep and the OS lock screen lock the desk; a restart opens locked', { skip, timeout: 120_000 }, async (t) => {
    const { dataDir, keychainService } = await tempDesk(t)
    const app = await launchDeskApp(dataDir, keychainService, 'first-start')
    const page = await app.firstWindow()
    await page.getByRole('heading', { name: 'Protect this desk with a passphrase' }).waitFor()
    await page.getByLabel('Desk passphrase').fill(PASSPHRASE)
    await page.getByLabel('Repeat the passphrase').fill(PASSPHRASE)
    await page.getByRole('button', { name: 'Set the passphrase' }).click()
    await page.getByRole('heading', { name: 'No customers yet' }).waitFor()

    // The native menu's Lock item, clicked as the user would (its accelerator is CmdOrCtrl+L).
    const accelerator = await app.evaluate(({ Menu }) => {
      const find = (items: Electron.MenuItem[]): Electron.MenuItem | undefined =>
        items.reduce<Electron.MenuItem | undefined>((found, item) => found ?? (/^Lock desk$/i.test(item.label) ? item : item.submenu ? find(item.submenu.items) : undefined), undefined)
      const lock = find(Menu.getApplicationMenu()?.items ?? [])
      lock?.click()
      return lock?.accelerator ?? null
    })
    assert.equal(accelerator, 'CmdOrCtrl+L')
    await lockScreen(page).waitFor()
    await unlock(page)
    await page.getByRole('heading', { name: 'No customers yet' }).waitFor()

    for (const event of ['suspend', 'lock-screen'] as const) {
      await app.evaluate(({ powerMonitor }, name) => void powerMonitor.emit(name), event)
      await lockScreen(page).waitFor()
      await unlock(page)
      await page.getByRole('heading', { name: 'No customers yet' }).waitFor()
    }
    await app.close()

    const again = await launchDeskApp(dataDir, keychainService, 'as-left')
    t.after(() => again.close())
    const reopened = await again.firstWindow()
    await lockScreen(reopened).waitFor()
    await unlock(reopened, 'not the passphrase')
    await reopened.getByText('That is not the desk passphrase. Wait 2 seconds before the next try.').waitFor()
    await unlock(reopened)
    await reopened.getByRole('heading', { name: 'No customers yet' }).waitFor()
  })
})
