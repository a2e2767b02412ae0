import { alternate, type Bench } from './bench-kit'
import { openRendererDesk } from './renderer-desk'

/** A busy machine takes seconds per step over the harness bridge with 10,000 customers. */
const STEP_TIMEOUT_MS = 60_000
/** Each run draws thousands of table rows through the harness bridge: fewer runs than the Node rows. */
const MAX_RUNS = 5

/**
 * The Billing view's month in the real renderer in Chromium: from choosing the month to its table
 * in the page, every row drawn (no virtualisation). Floor: choosing a month with no Nexetic customer
 * (the same request and bridge, an empty answer drawn).
 */
export const billingRender: Bench = {
  name: 'billing month in Chromium',
  async run(context) {
    const runs = Math.min(context.runs, MAX_RUNS)
    const desk = await openRendererDesk(context, 'generated')
    try {
      const { page } = desk
      await page.getByRole('button', { name: 'Billing', exact: true }).click({ timeout: STEP_TIMEOUT_MS })
      const dialog = page.getByRole('dialog', { name: 'Billing' })
      const month = dialog.getByLabel('Month', { exact: true })
      const choose = async (value: string, shown: () => Promise<void>) => {
        const started = performance.now()
        await month.fill(value, { timeout: STEP_TIMEOUT_MS })
        await shown()
        return performance.now() - started
      }
      let flip = false
      const measured = await alternate(
        runs,
        // Two months in turn, so each run draws a table anew.
        async () => {
          flip = !flip
          const value = flip ? '2024-06' : '2024-05'
          return choose(value, () => dialog.getByRole('table', { name: new RegExp(`^Nexetic billing for ${flip ? 'June' : 'May'} 2024`) }).waitFor({ timeout: STEP_TIMEOUT_MS }))
        },
        () => choose('2019-01', () => dialog.getByText('No customer had a Nexetic subscription in January 2019.').waitFor({ timeout: STEP_TIMEOUT_MS })),
      )
      const june = dialog.getByRole('table', { name: /^Nexetic billing for June 2024/ })
      await choose('2024-06', () => june.waitFor({ timeout: STEP_TIMEOUT_MS }))
      const rows = await june.locator('tbody tr').count()
      if (desk.pageErrors.length > 0) throw new Error(`the page reported errors: ${desk.pageErrors.join('; ')}`)
      return [
        { name: `billing month drawn in Chromium (${rows.toLocaleString('en')} rows): month chosen → table shown`, value: measured.value, runs, floorName: 'a month without Nexetic customers', floorValue: measured.floorValue, target: 'informative', met: true },
      ]
    } finally {
      await desk.close()
    }
  },
}
