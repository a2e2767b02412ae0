import type { Locator, Page } from 'playwright-core'
import { createDesk } from '../../main/desk'
import { createMemoryClipboard } from '../../main/services/secret-clipboard'
import { seedCustomers } from './customer-seeds'

/** Steps of the previous-passwords tests and screens (issue 10, item 2). */
/** Noon `days` calendar days ago, so a daylight-saving change or a test run just after midnight cannot make it a day more or less. */
function daysAgo(days: number): Date {
  const date = new Date()
  date.setDate(date.getDate() - days)
  date.setHours(12, 0, 0, 0)
  return date
}

/**
 * Customers whose passwords were set on earlier days, by a desk whose clock says so (the page then runs
 * on today's): Contoso 94 days ago, Fabrikam 10 days ago, Northwind without an x360Recover account.
 */
export async function seedAgedDesk(dataDir: string, keychainService: string): Promise<void> {
  let now = daysAgo(94)
  const desk = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard(), now: () => now })
  await seedCustomers(desk, [{ company: 'Contoso Ltd', x360: { username: 'contoso_backup', email: 'it@contoso.com', locations: 'Dublin_HQ' } }])
  now = daysAgo(10)
  await seedCustomers(desk, [
    { company: 'Fabrikam Inc', x360: { username: 'fabrikam_dr', email: 'servicedesk@fabrikam.example', locations: 'Helsinki' } },
    { company: 'Northwind Traders', nexetic: { userLicenses: '12', notifyUsers: 'admin@northwindtraders.com' } },
  ])
  await desk.close()
}

export const detail = (page: Page, company: string): Locator => page.getByRole('region', { name: `Details of ${company}` })

export async function changePasswordInPage(page: Page, company: string, password: string): Promise<void> {
  await detail(page, company).getByRole('button', { name: 'Change Password' }).click()
  const dialog = page.getByRole('dialog', { name: `Change Password for ${company}` })
  await dialog.getByLabel('New password', { exact: true }).fill(password)
  await dialog.getByLabel('Confirm new password', { exact: true }).fill(password)
  await dialog.getByRole('button', { name: 'Change Password' }).click()
  await dialog.waitFor({ state: 'detached' })
}

