import type { Page } from 'playwright-core'
import { SAMPLE_CUSTOMERS, seedCustomers } from '../helpers/customer-seeds'
import type { OpenedDesk } from './open-desk'
import type { Screen } from './screens'

async function showSamples({ page, desk }: OpenedDesk): Promise<void> {
  await seedCustomers(desk, SAMPLE_CUSTOMERS)
  await page.reload()
  await page.getByRole('cell', { name: 'Contoso Ltd' }).waitFor()
}

/** Opens the license editor from the list row with the keyboard and types a change. */
async function typeLicenseChange(page: Page, company: string, licenses: string, storage: string, reason: string) {
  await page.getByRole('row', { name: new RegExp(`^${company}`) }).focus()
  await page.keyboard.press('l')
  const dialog = page.getByRole('dialog', { name: `Edit licenses and storage of ${company}` })
  await dialog.getByLabel('User Licenses').fill(licenses)
  await dialog.getByLabel('Extra Storage').fill(storage)
  await dialog.getByLabel('Reason (optional)').fill(reason)
  return dialog
}

/** The license editor, the history with Undo, the totals of a filtered view and the deletion log, appended to SCREENS. */
export const LICENSE_SCREENS: Screen[] = [
  {
    name: '40-license-editor-difference',
    prepare: async (opened) => {
      await showSamples(opened)
      const dialog = await typeLicenseChange(opened.page, 'Contoso Ltd', '50', '3 TB', 'Ticket 4711: five new starters')
      await dialog.getByText('User Licenses: 45 → 50 (+5)').waitFor()
    },
  },
  {
    name: '41-history-with-undo',
    prepare: async (opened) => {
      const { page } = opened
      await showSamples(opened)
      const dialog = await typeLicenseChange(page, 'Contoso Ltd', '50', '3 TB', 'Ticket 4711: five new starters')
      await dialog.getByRole('button', { name: 'Save' }).click()
      await dialog.waitFor({ state: 'detached' })
      await page.getByRole('row', { name: /^Contoso Ltd/ }).click()
      const history = page.getByRole('region', { name: 'Details of Contoso Ltd' }).getByRole('region', { name: 'History' })
      await history.getByRole('button', { name: /^Undo: User Licenses/ }).waitFor()
      await history.scrollIntoViewIfNeeded()
    },
  },
  {
    name: '42-totals-filtered',
    prepare: async (opened) => {
      const { page } = opened
      await showSamples(opened)
      await page.getByLabel('Filter by service').selectOption('nexetic')
      await page.getByLabel('Search customers').fill('.com')
      await page.getByText('3 of 8 customers').waitFor()
      await page.getByRole('row', { name: /^Shown \(filtered\)/ }).waitFor()
    },
  },
  {
    name: '43-deleted-customers',
    prepare: async (opened) => {
      const { page } = opened
      await showSamples(opened)
      await page.getByRole('row', { name: /^Woodgrove Bank/ }).click()
      await page.getByRole('region', { name: 'Details of Woodgrove Bank' }).getByRole('button', { name: 'Delete' }).click()
      await page.getByRole('alertdialog', { name: 'Delete customer' }).getByRole('button', { name: 'Delete' }).click()
      await page.getByRole('cell', { name: 'Woodgrove Bank' }).waitFor({ state: 'detached' })
      await page.getByRole('button', { name: 'Deleted customers' }).click()
      await page.getByRole('dialog', { name: 'Deleted customers' }).getByText('Woodgrove Bank').waitFor()
    },
  },
]
