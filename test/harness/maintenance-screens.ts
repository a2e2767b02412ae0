import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { dispatch } from '../../main/ipc/handler-table'
import { STORE_FILE_NAME } from '../../main/services/customer-store'
import { SAMPLE_CUSTOMERS } from '../helpers/customer-seeds'
import { writeOnEarlierDays } from '../helpers/earlier-days'
import type { OpenedDesk } from './open-desk'
import type { Screen } from './screens'

/** `days` days before today, in the morning: the screens show backups dated just before the day they are taken. */
function daysAgo(days: number): Date {
  const date = new Date()
  date.setDate(date.getDate() - days)
  date.setHours(9, 15, 0, 0)
  return date
}

/** The sample customers written over the last three days, so three daily backups exist (5, then 7 customers). */
async function threeDaysOfCustomers(dataDir: string, keychainService: string): Promise<void> {
  await writeOnEarlierDays(dataDir, keychainService, [
    { at: daysAgo(3), add: SAMPLE_CUSTOMERS.slice(0, 5) },
    { at: daysAgo(2), add: SAMPLE_CUSTOMERS.slice(5, 7) },
    { at: daysAgo(1), add: SAMPLE_CUSTOMERS.slice(7) },
  ])
}

async function openMaintenance(page: Page): Promise<Locator> {
  await page.getByRole('cell', { name: 'Contoso Ltd' }).waitFor()
  await page.getByRole('button', { name: 'Maintenance' }).click()
  const dialog = page.getByRole('dialog', { name: 'Maintenance' })
  await dialog.getByRole('button', { name: 'Restore…' }).first().waitFor()
  return dialog
}

/** Woodgrove deleted with its password put back (a leftover) and Fabrikam's password removed by hand (missing). */
async function breakTheKeychain({ desk, page }: OpenedDesk): Promise<void> {
  const customers = desk.store.data.customers
  const woodgrove = customers.find((customer) => customer.companyName === 'Woodgrove Bank')
  const fabrikam = customers.find((customer) => customer.companyName === 'Fabrikam Inc')
  if (!woodgrove || !fabrikam) throw new Error('the sample customers are missing')
  await dispatch(desk.handlers, 'desk:customers.delete', { id: woodgrove.id })
  // Straight to the keychain, behind the desk's back, as a crash or a keychain tool would.
  await desk.vault.storeCustomerPassword(woodgrove.id, 'Left-Behind-2026!')
  await desk.vault.deleteCustomerPassword(fabrikam.id)
  await page.reload()
}

/** The Maintenance dialog and the status banner's kinds, appended to SCREENS. */
export const MAINTENANCE_SCREENS: Screen[] = [
  {
    name: '60-maintenance-backups',
    beforeOpen: threeDaysOfCustomers,
    prepare: async ({ page }) => {
      await openMaintenance(page)
    },
  },
  {
    name: '61-maintenance-restore-question',
    beforeOpen: threeDaysOfCustomers,
    prepare: async ({ page }) => {
      const dialog = await openMaintenance(page)
      await dialog.getByRole('button', { name: 'Restore…' }).first().click()
      await page.getByRole('alertdialog', { name: 'Restore a backup' }).waitFor()
    },
  },
  {
    name: '62-maintenance-restored',
    beforeOpen: threeDaysOfCustomers,
    prepare: async ({ page }) => {
      const dialog = await openMaintenance(page)
      await dialog.getByRole('button', { name: 'Restore…' }).last().click()
      await page.getByRole('alertdialog', { name: 'Restore a backup' }).getByRole('button', { name: 'Restore' }).click()
      await dialog.getByRole('status').filter({ hasText: /^Restored the backup of / }).waitFor()
    },
  },
  {
    name: '63-maintenance-keychain-problems',
    beforeOpen: threeDaysOfCustomers,
    prepare: async (opened) => {
      await breakTheKeychain(opened)
      const dialog = await openMaintenance(opened.page)
      await dialog.getByRole('button', { name: 'Check the keychain' }).click()
      const leftover = dialog.getByRole('group', { name: /^Entries left over/ })
      await leftover.waitFor()
      await leftover.getByRole('button', { name: 'Remove leftover entries…' }).scrollIntoViewIfNeeded()
    },
  },
  {
    name: '64-banner-recovered-file',
    beforeOpen: async (dataDir, keychainService) => {
      await threeDaysOfCustomers(dataDir, keychainService)
      await writeFile(join(dataDir, STORE_FILE_NAME), '{"schemaVersion":1,"customers":[{"id":"2f6c0e1a-')
    },
    prepare: async ({ page }) => {
      await page.getByRole('alert').getByRole('button', { name: 'Open Maintenance' }).waitFor()
    },
  },
  {
    name: '65-banner-read-only',
    beforeOpen: async (dataDir) => {
      await writeFile(join(dataDir, STORE_FILE_NAME), JSON.stringify({ schemaVersion: 7, customers: [], deletions: [] }))
    },
    prepare: async ({ page }) => {
      await page.getByRole('alert').filter({ hasText: 'Read-only: changes cannot be saved.' }).waitFor()
    },
  },
]
