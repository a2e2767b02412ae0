import type { Locator, Page } from 'playwright-core'

export const customerGrid = (page: Page): Locator => page.getByRole('grid', { name: 'Customers' })
export const customerRow = (page: Page, company: string): Locator => customerGrid(page).getByRole('row', { name: new RegExp(`^${company}`) })

/** The companies of the rows marked selected (aria-selected), top to bottom. */
export async function selectedCompanies(page: Page): Promise<string[]> {
  return customerGrid(page)
    .locator('[role="row"][aria-selected="true"]')
    .evaluateAll((rows) => rows.map((row) => row.firstElementChild?.textContent ?? ''))
}

/** Above the grid: select-all, the count and the actions on the selected customers. */
export const selectionBar = (page: Page): Locator => page.getByRole('group', { name: 'Selection' })

/** The selection bar's count ("3 customers selected"), once it shows that. */
export const selectionCount = (page: Page, text: string): Promise<void> =>
  selectionBar(page).getByText(text, { exact: true }).waitFor()

/** The notice bar's message (dialogs have their own status lines). */
export const noticeBar = (page: Page, text: string | RegExp): Locator =>
  page.getByRole('status').filter({ has: page.getByRole('button', { name: 'Dismiss message' }) }).filter({ hasText: text })
