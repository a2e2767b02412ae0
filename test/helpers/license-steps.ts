import type { Locator, Page } from 'playwright-core'
import { field, fillNexetic, openNewCustomer, type NexeticInput } from './customer-form-steps'

/** Steps a user takes with licenses, by role and label: the same in the layer-2 harness and the real Electron window. */

/** Creates a customer with only a Nexetic subscription in the form and waits for its row. */
export async function createNexeticCustomer(page: Page, company: string, nexetic: NexeticInput): Promise<void> {
  const dialog = await openNewCustomer(page)
  await field(dialog, 'Customer Company Name').fill(company)
  await fillNexetic(dialog, nexetic)
  await dialog.getByRole('button', { name: 'Create customer' }).click()
  await dialog.waitFor({ state: 'detached' })
  await page.getByRole('row', { name: new RegExp(`^${company}`) }).waitFor()
}

export interface LicenseChangeInput {
  userLicenses?: string
  extraStorage?: string
  reason?: string
}

/** Opens the customer's detail, then its license editor with the keyboard, types the change and saves it with Enter. */
export async function changeLicensesFromDetail(page: Page, company: string, change: LicenseChangeInput): Promise<Locator> {
  await page.getByRole('row', { name: new RegExp(`^${company}`) }).click()
  const detail = page.getByRole('region', { name: `Details of ${company}` })
  const button = detail.getByRole('button', { name: 'Edit licenses and storage' })
  await button.focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: `Edit licenses and storage of ${company}` })
  if (change.userLicenses !== undefined) await dialog.getByLabel('User Licenses').fill(change.userLicenses)
  if (change.extraStorage !== undefined) await dialog.getByLabel('Extra Storage').fill(change.extraStorage)
  await dialog.getByLabel('Reason (optional)').fill(change.reason ?? '')
  await dialog.getByLabel('Reason (optional)').press('Enter')
  await dialog.waitFor({ state: 'detached' })
  return detail.getByRole('region', { name: 'History' })
}

/** The history entry that reads "<field> <from> → <to>" (newest first, so the first match is the latest). */
export const historyEntry = (history: Locator, text: string): Locator => history.getByRole('listitem').filter({ hasText: text }).first()

/**
 * The walk both layers take: a Nexetic customer is created, its licenses and storage changed from the
 * detail, seen in the history and the totals, and the license change undone. Returns the history.
 */
export async function changeAndUndoLicenses(page: Page): Promise<Locator> {
  await createNexeticCustomer(page, 'Contoso Ltd', { userLicenses: '25', extraStorage: '500', notifyUsers: 'it@contoso.com', storageType: 'Azure (Ireland)' })
  const history = await changeLicensesFromDetail(page, 'Contoso Ltd', { userLicenses: '30', extraStorage: '1 TB', reason: 'Ticket 4711' })
  await historyEntry(history, 'User Licenses 25 → 30').getByText('Reason: Ticket 4711').waitFor()
  await historyEntry(history, 'Extra Storage 500 GB → 1,024 GB (1 TB)').waitFor()
  await page.getByRole('region', { name: 'Totals' }).getByRole('row', { name: /^All customers \(1\) 1 30 1,024 GB \(1 TB\)/ }).waitFor()
  await history.getByRole('button', { name: 'Undo: User Licenses 25 → 30' }).click()
  await historyEntry(history, 'User Licenses 30 → 25').getByText(/^Reason: Undo of .+ change$/).waitFor()
  return history
}
