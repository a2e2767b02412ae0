import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { browserSkip } from '../harness/open-desk'
import { openWithSamples } from '../helpers/sample-desk'
import { expectedTotals, totalsRow } from '../helpers/totals-rows'

describe('totals', { skip: browserSkip }, () => {
  test('match the customers, and a search or filter adds the shown customers’ totals beside the whole desk', async (t) => {
    const { page, seeded, pageErrors } = await openWithSamples(t)
    const totals = page.getByRole('region', { name: 'Totals' })
    assert.deepEqual(await totalsRow(page, 'All customers (8)'), expectedTotals(seeded))
    assert.equal(await totals.getByRole('row', { name: /^Shown \(filtered\)/ }).count(), 0, 'no second row without a filter')

    await page.getByLabel('Filter by service').selectOption({ label: 'With Nexetic' })
    await page.getByLabel('Search customers').pressSequentially('.com')
    await page.getByText('3 of 8 customers').waitFor()
    const shown = ['Alpine Ski House', 'Contoso Ltd', 'Northwind Traders']
    await totals.getByRole('row', { name: 'Shown (filtered) (3)' }).waitFor()
    assert.deepEqual(await totalsRow(page, 'Shown (filtered) (3)'), expectedTotals(seeded.filter((customer) => shown.includes(customer.companyName))))
    assert.deepEqual(await totalsRow(page, 'All customers (8)'), expectedTotals(seeded), 'the whole desk stays beside it')

    await page.getByLabel('Search customers').fill('woodgrove')
    await page.getByLabel('Filter by service').selectOption({ label: 'All customers' })
    await page.getByText('1 of 8 customers').waitFor()
    assert.deepEqual(await totalsRow(page, 'Shown (filtered) (1)'), expectedTotals(seeded.filter((customer) => customer.companyName === 'Woodgrove Bank')))

    await page.getByLabel('Search customers').press('Escape')
    await page.getByText('8 of 8 customers').waitFor()
    await totals.getByRole('row', { name: /^Shown \(filtered\)/ }).waitFor({ state: 'detached' })
    assert.deepEqual(pageErrors, [])
  })
})
