import type { Page } from 'playwright-core'
import { SAMPLE_CUSTOMERS, seedCustomers } from '../helpers/customer-seeds'
import type { Screen } from './screens'

const PASSPHRASE = 'correct horse battery'

async function unlock(page: Page): Promise<void> {
  await page.getByLabel('Desk passphrase').fill(PASSPHRASE)
  await page.getByRole('button', { name: 'Unlock' }).click()
}

/** The lock's screens: the first start, the lock screen (after a wrong passphrase, and with the forgotten-passphrase answer), Settings and its two changes. */
export const LOCK_SCREENS: Screen[] = [
  {
    name: '70-first-start',
    lock: 'first-start',
    prepare: async ({ page }) => {
      await page.getByRole('heading', { name: 'Protect this desk with a passphrase' }).waitFor()
    },
  },
  {
    name: '71-lock-screen-wrong-passphrase',
    lock: { passphrase: PASSPHRASE },
    prepare: async ({ page }) => {
      await page.getByLabel('Desk passphrase').fill('not the passphrase')
      await page.getByRole('button', { name: 'Unlock' }).click()
      await page.getByText('That is not the desk passphrase. Wait 2 seconds before the next try.').waitFor()
    },
  },
  {
    name: '72-lock-screen-forgotten',
    lock: { passphrase: PASSPHRASE },
    prepare: async ({ page }) => {
      await page.getByText('Forgot the passphrase?').click()
      await page.getByText(/^Nothing is lost/).waitFor()
    },
  },
  {
    name: '73-settings',
    lock: { passphrase: PASSPHRASE },
    prepare: async ({ page, desk }) => {
      await unlock(page)
      await page.getByRole('heading', { name: 'No customers yet' }).waitFor()
      await seedCustomers(desk, SAMPLE_CUSTOMERS)
      await page.reload()
      await page.getByRole('cell', { name: 'Contoso Ltd' }).waitFor()
      await page.getByRole('button', { name: 'Settings' }).click()
      await page.getByRole('dialog', { name: 'Settings' }).waitFor()
    },
  },
  {
    name: '74-settings-change-passphrase',
    lock: { passphrase: PASSPHRASE },
    prepare: async ({ page }) => {
      await unlock(page)
      await page.getByRole('button', { name: 'Settings' }).click()
      const dialog = page.getByRole('dialog', { name: 'Settings' })
      await dialog.getByRole('button', { name: 'Change passphrase…' }).click()
      await dialog.getByLabel('Current passphrase', { exact: true }).fill('not the passphrase')
      await dialog.getByLabel('New passphrase', { exact: true }).fill('purple staple orbit lamp')
      await dialog.getByLabel('Repeat the new passphrase', { exact: true }).fill('purple staple orbit lamp')
      await dialog.getByRole('button', { name: 'Change the passphrase' }).click()
      await dialog.getByText('That is not the desk passphrase. Wait 2 seconds before the next try.').waitFor()
    },
  },
  {
    name: '75-settings-turn-lock-off',
    lock: { passphrase: PASSPHRASE },
    prepare: async ({ page }) => {
      await unlock(page)
      await page.getByRole('button', { name: 'Settings' }).click()
      const dialog = page.getByRole('dialog', { name: 'Settings' })
      await dialog.getByRole('button', { name: 'Turn the lock off…' }).click()
      await dialog.getByRole('button', { name: 'Turn the lock off' }).click()
      await dialog.getByText('Tick the box to turn the lock off, or go back.').waitFor()
    },
  },
]
