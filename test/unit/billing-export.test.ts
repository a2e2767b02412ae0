import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { endOfLocalDay, localMonthBounds } from '../../main/common/billing/local-days'
import type { BillingMonth } from '../../main/common/billing/month'
import { nexeticBilling } from '../../main/common/vendors/nexetic/billing'
import { billingCsv, billingXlsx } from '../../main/services/billing/billing-sheet'

const range = (start: number | null, end: number | null, highest: number | null) => ({ start, end, highest })

const MONTH: BillingMonth = {
  rows: [
    {
      customerId: 'a',
      companyName: '=cmd|\' /C calc\'!A0',
      group: 'Azure (Ireland)',
      measures: { userLicenses: range(1, 2, 2), extraStorageGb: range(0, 0, 0) },
      changes: [{ id: 'e', at: '2026-11-03T10:05:00.000Z', field: 'nexetic.userLicenses', from: '1', to: '2', reason: null }],
      createdInMonth: false,
      deletedInMonth: false,
    },
  ],
  totals: { customers: 1, measures: { userLicenses: { start: 1, end: 2, highest: 2 }, extraStorageGb: { start: 0, end: 0, highest: 0 } } },
}

describe('billing export', () => {
  test('a company name that starts like a formula is written as text in the CSV and the workbook; figures stay numbers', async () => {
    const rows = parse(billingCsv(MONTH, nexeticBilling), { bom: true }) as string[][]
    assert.equal(rows[1]?.[0], "'=cmd|' /C calc'!A0")
    assert.equal(rows[1]?.[10], '2026-11-03 10:05 UTC User Licenses: 1 → 2')
    assert.deepEqual(rows[2]?.slice(0, 7), ['Total (1 customer)', '', '0', '0', '1', '2', '2'])
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(await billingXlsx(MONTH, nexeticBilling, '2026-11', new Date())) as never)
    const sheet = workbook.worksheets[0]
    assert.equal(sheet?.name, 'Nexetic 2026-11')
    assert.equal(sheet?.getCell('A2').value, "'=cmd|' /C calc'!A0")
    assert.equal(sheet?.getCell('A2').formula, undefined)
    assert.equal(sheet?.getCell('E2').value, 1)
  })

  test('days and months are the user\'s own: their bounds are local midnights, and an impossible day is refused', () => {
    const zone = process.env.TZ
    try {
      process.env.TZ = 'Europe/Helsinki'
      assert.equal(endOfLocalDay('2026-11-30'), '2026-11-30T22:00:00.000Z')
      // The clocks go back on 25 October 2026 in Helsinki: that month has one hour more.
      assert.deepEqual(localMonthBounds('2026-10'), { start: '2026-09-30T21:00:00.000Z', end: '2026-10-31T22:00:00.000Z' })
      process.env.TZ = 'America/New_York'
      assert.equal(endOfLocalDay('2026-11-30'), '2026-12-01T05:00:00.000Z')
      assert.equal(endOfLocalDay('2026-02-30'), null)
      assert.equal(endOfLocalDay('30.11.2026'), null)
      assert.equal(localMonthBounds('2026-13'), null)
    } finally {
      if (zone === undefined) delete process.env.TZ
      else process.env.TZ = zone
    }
  })
})
