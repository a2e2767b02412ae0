import type { BillingMonthView, ListSaved } from '../../main/common/contract'
import { computeTotals } from '../../main/common/totals'
import { call, exportingDesk } from './bench-desk'
import { measurePair, type Bench } from './bench-kit'

/** A month in the middle of the generated history: customers created in it, and many license changes. */
const MONTH = { month: '2024-06', start: '2024-06-01T00:00:00.000Z', end: '2024-07-01T00:00:00.000Z' }

/**
 * The Billing view's month through the real handler table: every customer's history replayed back to
 * the month's start and forward through it, rows sorted, totals summed. Floor: today's totals of the
 * same customers (one pass over the current values, no history), as the totals panel computes them.
 */
export const billingMonth: Bench = {
  name: 'billing month view',
  async run(context) {
    const desk = await exportingDesk(context)
    try {
      let rows = 0
      const view = await measurePair(
        context.runs,
        async () => {
          rows = (await call<BillingMonthView>(desk, 'desk:billing.month', MONTH)).rows.length
        },
        () => {
          computeTotals(desk.store.data.customers)
        },
      )
      const csv = await measurePair(
        context.runs,
        () => call<ListSaved>(desk, 'desk:billing.monthExport', { ...MONTH, format: 'csv' }),
        () => {
          computeTotals(desk.store.data.customers)
        },
      )
      const all = context.data.customers.length.toLocaleString('en')
      return [
        { name: `billing month (${rows.toLocaleString('en')} rows) of ${all} customers with history`, value: view.value, floorName: 'today\'s totals of the same customers', floorValue: view.floorValue, target: '≤ 200 ms', met: view.value <= 200 },
        { name: `billing month as CSV, ${all} customers`, value: csv.value, floorName: 'today\'s totals of the same customers', floorValue: csv.floorValue, target: 'informative', met: true },
      ]
    } finally {
      await desk.close()
    }
  },
}
