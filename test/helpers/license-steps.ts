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
