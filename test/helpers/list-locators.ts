import type { Locator, Page } from 'playwright-core'

/** The customer list, a customer's row and its detail, found by role and name as a screen reader finds them. */
export const grid = (page: Page): Locator => page.getByRole('grid', { name: 'Customers' })
export const row = (page: Page, company: string): Locator => page.getByRole('row', { name: new RegExp(`^${company}`) })
export const detail = (page: Page, company: string): Locator => page.getByRole('region', { name: `Details of ${company}` })

/** The company of every row in the DOM, top to bottom (the first cell of each body row). */
export async function listedCompanies(page: Page): Promise<string[]> {
  const rows = grid(page).getByRole('row').filter({ has: page.getByRole('cell') })
  return rows.evaluateAll((elements) => elements.map((row) => row.firstElementChild?.textContent ?? ''))
}
