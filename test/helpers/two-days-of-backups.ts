import type { Page } from 'playwright-core'

export const CONTOSO = { company: 'Contoso Ltd', x360: { username: 'contoso_backup', email: 'it@contoso.com', locations: 'Dublin_HQ' } }
export const FABRIKAM = { company: 'Fabrikam Inc', x360: { username: 'fabrikam_dr', email: 'it@fabrikam.example', locations: 'Helsinki' } }
export const NORTHWIND = { company: 'Northwind Traders', nexetic: { userLicenses: '12', notifyUsers: 'admin@northwindtraders.com' } }

/** Contoso and Fabrikam written on 6 January; Northwind added on 7 January, whose first change kept the day's backup. */
export const TWO_DAYS = [
  { at: new Date(2025, 0, 6, 9, 30), add: [CONTOSO, FABRIKAM] },
  { at: new Date(2025, 0, 7, 14, 5), add: [NORTHWIND] },
]
export const BACKUP_OF_JAN_7 = 'customers-2025-01-07.json'

/** The day as the page words it (its own locale), to check that the question names it. */
export const dayInPage = (page: Page, year: number, month: number, day: number): Promise<string> =>
  page.evaluate(
    ([y, m, d]) => new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(y, m - 1, d)),
    [year, month, day] as const,
  )
