import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { formatDate, formatStorage } from '../../main/common/formats'
import { computeTotals } from '../../main/common/totals'
import { browserSkip } from '../harness/open-desk'
import { openWithSamples } from '../helpers/sample-desk'

const GERMAN_DAY = /^\d{2}\.\d{2}\.\d{4}$/
const GERMAN_MOMENT = /^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/

describe('numbers and dates in the user locale', { skip: browserSkip }, () => {
  test('a German browser shows German numbers and dates in the list, the detail, the totals and the license editor', async (t) => {
    const { page, seeded, pageErrors } = await openWithSamples(t, { locale: 'de-DE' })
    assert.equal(await page.evaluate(() => navigator.language), 'de-DE')
    const grid = page.getByRole('grid', { name: 'Customers' })
    const row = (company: string) => grid.getByRole('row', { name: new RegExp(`^${company}`) })

    // The list: storage with German grouping and decimal comma, the Updated day as de-DE writes it.
    assert.equal(await row('Contoso Ltd').getByRole('cell').nth(3).textContent(), '2.048 GB (2 TB)')
    assert.equal(await row('Tailspin Toys').getByRole('cell').nth(3).textContent(), '5.120 GB (5 TB)')
    assert.equal(await row('Tailspin Toys').getByRole('cell').nth(2).textContent(), '120')
    const updated = (await row('Contoso Ltd').getByRole('cell').nth(5).textContent()) ?? ''
    assert.match(updated, GERMAN_DAY, `the Updated day "${updated}"`)
    assert.equal(updated, formatDate(seeded.find((customer) => customer.companyName === 'Contoso Ltd')?.updatedAt ?? '', 'de-DE'))

    // The totals: the sum of Extra Storage, e.g. "7.918 GB", never "7,918 GB".
    const totals = computeTotals(seeded)
    const all = page.getByRole('region', { name: 'Totals' }).getByRole('row', { name: /^All customers/ })
    const storageTotal = formatStorage(totals.nexetic.extraStorageGb, 'de-DE')
    assert.ok(storageTotal.includes('.'), `the sample total is large enough to be grouped: ${storageTotal}`)
    assert.equal(await all.getByRole('cell').nth(2).textContent(), storageTotal)

    // The detail: the same storage, and Created as a German date and time.
    await row('Contoso Ltd').click()
    const detail = page.getByRole('region', { name: 'Details of Contoso Ltd' })
    await detail.getByRole('definition').filter({ hasText: '2.048 GB (2 TB)' }).waitFor()
    const created = (await detail.getByRole('definition').filter({ hasText: /^\d{2}\.\d{2}\.\d{4}/ }).first().textContent()) ?? ''
    assert.match(created.replace(/Copy.*$/, '').trim(), GERMAN_MOMENT, `Created "${created}"`)

    // The license editor: the current values and the difference before saving.
    await detail.getByRole('button', { name: 'Edit licenses and storage' }).click()
    const dialog = page.getByRole('dialog', { name: 'Edit licenses and storage of Contoso Ltd' })
    await dialog.getByText('2.048 GB (2 TB)', { exact: true }).waitFor()
    await dialog.getByLabel('User Licenses').fill('1500')
    await dialog.getByLabel('Extra Storage').fill('3 TB')
    const difference = dialog.getByRole('region', { name: 'Difference' })
    await difference.getByText('User Licenses: 45 → 1.500 (+1.455)').waitFor()
    await difference.getByText('Extra Storage: 2.048 GB (2 TB) → 3.072 GB (3 TB) (+1.024 GB)').waitFor()
    assert.deepEqual(pageErrors, [])
  })
})
