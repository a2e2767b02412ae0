import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { browserSkip, openDesk } from '../harness/open-desk'
import { waitForFocus } from '../helpers/customer-form-steps'
import { grid, listedCompanies } from '../helpers/list-locators'
import { openWithSamples } from '../helpers/sample-desk'
import { tempDesk } from '../helpers/temp-desk'

/**
 * Types a search key by key and waits for the count it should give. The box is emptied first and the
 * full count awaited: each key only narrows the list, so once the expected count shows, the rows are final.
 */
async function search(page: Page, text: string, expectedCount: string, countWithoutSearch?: string): Promise<string[]> {
  const total = expectedCount.split(' of ')[1] ?? ''
  const box = page.getByLabel('Search customers')
  await box.fill('')
  await page.getByText(countWithoutSearch ?? `${total.split(' ')[0]} of ${total}`, { exact: true }).waitFor()
  await box.pressSequentially(text)
  await page.getByText(expectedCount, { exact: true }).waitFor()
  return listedCompanies(page)
}

describe('customer list', { skip: browserSkip }, () => {
  test('search as you type finds by company, username, domain, e-mail, location and notify user', async (t) => {
    const { page, pageErrors } = await openWithSamples(t)
    assert.deepEqual(await search(page, 'tailspin', '1 of 8 customers'), ['Tailspin Toys'])
    assert.deepEqual(await search(page, 'WOODGROVE_VAULT', '1 of 8 customers'), ['Woodgrove Bank'])
    assert.deepEqual(await search(page, 'litware.fi', '1 of 8 customers'), ['Litware Oy'])
    assert.deepEqual(await search(page, 'servicedesk@fabrikam', '1 of 8 customers'), ['Fabrikam Inc'])
    assert.deepEqual(await search(page, 'innsbruck', '1 of 8 customers'), ['Alpine Ski House'])
    assert.deepEqual(await search(page, 'cto@tailspintoys', '1 of 8 customers'), ['Tailspin Toys'])
    assert.deepEqual(await search(page, 'london leeds', '1 of 8 customers'), ['Woodgrove Bank'], 'every word must match')
    assert.deepEqual(await search(page, 'contoso', '1 of 8 customers'), ['Contoso Ltd'])

    await page.getByLabel('Search customers').press('Escape')
    await page.getByText('8 of 8 customers').waitFor()
    assert.equal(await page.getByLabel('Search customers').inputValue(), '')
    assert.deepEqual(pageErrors, [])
  })

  test('a search that finds nothing says so and offers to clear it', async (t) => {
    const { page } = await openWithSamples(t)
    await search(page, 'globex', '0 of 8 customers')
    await page.getByRole('heading', { name: 'No customers match' }).waitFor()
    await page.getByRole('button', { name: 'Clear search and filter' }).click()
    await page.getByText('8 of 8 customers').waitFor()
    assert.equal((await listedCompanies(page)).length, 8)
  })

  test('Ctrl+F and "/" put the cursor in the search box', async (t) => {
    const { page } = await openWithSamples(t)
    const box = page.getByLabel('Search customers')
    await page.getByRole('row', { name: /^Coho Winery/ }).click()
    await page.keyboard.press('/')
    await waitForFocus(page, box)
    assert.equal(await box.inputValue(), '', 'the slash is not typed into the box')
    await page.getByRole('row', { name: /^Coho Winery/ }).click()
    await page.keyboard.press('Control+f')
    await waitForFocus(page, box)
  })

  test('a column header sorts by its column, and says so with aria-sort', async (t) => {
    const { page } = await openWithSamples(t)
    const companyHeader = page.getByRole('columnheader', { name: 'Company' })
    const licensesHeader = page.getByRole('columnheader', { name: 'Nexetic User Licenses' })
    assert.equal(await companyHeader.getAttribute('aria-sort'), 'ascending')
    assert.deepEqual(await listedCompanies(page), [
      'Alpine Ski House',
      'Coho Winery',
      'Contoso Ltd',
      'Fabrikam Inc',
      'Litware Oy',
      'Northwind Traders',
      'Tailspin Toys',
      'Woodgrove Bank',
    ])

    await page.getByRole('button', { name: 'User Licenses', exact: true }).click()
    assert.equal(await licensesHeader.getAttribute('aria-sort'), 'ascending')
    assert.equal(await companyHeader.getAttribute('aria-sort'), null)
    // Customers without Nexetic come last, by company.
    const withoutNexetic = ['Coho Winery', 'Fabrikam Inc', 'Woodgrove Bank']
    assert.deepEqual(await listedCompanies(page), ['Alpine Ski House', 'Northwind Traders', 'Litware Oy', 'Contoso Ltd', 'Tailspin Toys', ...withoutNexetic])

    await page.getByRole('button', { name: 'User Licenses', exact: true }).click()
    assert.equal(await licensesHeader.getAttribute('aria-sort'), 'descending')
    assert.deepEqual(await listedCompanies(page), ['Tailspin Toys', 'Contoso Ltd', 'Litware Oy', 'Northwind Traders', 'Alpine Ski House', ...withoutNexetic])

    await page.getByRole('button', { name: 'Extra Storage', exact: true }).click()
    assert.deepEqual((await listedCompanies(page)).slice(0, 5), ['Alpine Ski House', 'Northwind Traders', 'Litware Oy', 'Contoso Ltd', 'Tailspin Toys'])
    await page.getByRole('cell', { name: '5,120 GB (5 TB)', exact: true }).waitFor()
    await page.getByRole('cell', { name: '1,536 GB (1.5 TB)', exact: true }).waitFor()
    await page.getByRole('cell', { name: '500 GB', exact: true }).waitFor()
  })

  test('the service filter keeps the customers with those services', async (t) => {
    const { page } = await openWithSamples(t)
    const filter = page.getByLabel('Filter by service')
    await filter.selectOption({ label: 'With x360Recover' })
    await page.getByText('5 of 8 customers').waitFor()
    assert.deepEqual(await listedCompanies(page), ['Alpine Ski House', 'Contoso Ltd', 'Fabrikam Inc', 'Litware Oy', 'Woodgrove Bank'])
    await filter.selectOption({ label: 'With Nexetic' })
    await page.getByText('5 of 8 customers').waitFor()
    assert.deepEqual(await listedCompanies(page), ['Alpine Ski House', 'Contoso Ltd', 'Litware Oy', 'Northwind Traders', 'Tailspin Toys'])
    await filter.selectOption({ label: 'With both services' })
    await page.getByText('3 of 8 customers').waitFor()
    assert.deepEqual(await listedCompanies(page), ['Alpine Ski House', 'Contoso Ltd', 'Litware Oy'])
    await filter.selectOption({ label: 'With no service yet' })
    await page.getByText('1 of 8 customers').waitFor()
    assert.deepEqual(await listedCompanies(page), ['Coho Winery'])

    await filter.selectOption({ label: 'With both services' })
    assert.deepEqual(await search(page, 'tampere', '1 of 8 customers', '3 of 8 customers'), ['Litware Oy'], 'the filter and the search combine')
    await search(page, 'helsinki', '0 of 8 customers', '3 of 8 customers')
    await page.getByRole('heading', { name: 'No customers match' }).waitFor()
  })

  test('the arrow keys move through the rows and Enter opens the detail', async (t) => {
    const { page } = await openWithSamples(t)
    await page.getByRole('row', { name: /^Alpine Ski House/ }).click()
    await page.getByRole('region', { name: 'Details of Alpine Ski House' }).waitFor()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await waitForFocus(page, page.getByRole('row', { name: /^Contoso Ltd/ }))
    await page.keyboard.press('ArrowUp')
    await waitForFocus(page, page.getByRole('row', { name: /^Coho Winery/ }))
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await page.getByRole('region', { name: 'Details of Contoso Ltd' }).waitFor()
    assert.equal(await page.getByRole('row', { name: /^Contoso Ltd/ }).getAttribute('aria-selected'), 'true')
    await page.keyboard.press('End')
    await waitForFocus(page, page.getByRole('row', { name: /^Woodgrove Bank/ }))
  })
})

describe('many customers', { skip: browserSkip }, () => {
  test('with 2,000 customers only a screenful of rows is in the DOM, and the keyboard still reaches the last one', async (t) => {
    const { dataDir, keychainService } = await tempDesk(t)
    const opened = await openDesk({ dataDir, keychainService })
    t.after(() => opened.close())
    const { page, desk } = opened
    const at = new Date('2026-01-05T10:00:00.000Z').toISOString()
    // Written straight to the real store in one write: 2,000 creates through the handlers would write the file 2,000 times.
    await desk.store.mutate((data) => {
      for (let index = 0; index < 2000; index += 1) {
        const number = String(index).padStart(4, '0')
        data.customers.push({
          id: `bulk-${number}`,
          companyName: `Customer ${number}`,
          notes: '',
          createdAt: at,
          updatedAt: at,
          x360: { username: `customer_${number}`, email: `it@customer${number}.example`, locations: ['HQ'], passwordSetAt: null },
          nexetic: null,
          history: [],
        })
      }
    })
    await page.reload()
    await page.getByText('2,000 of 2,000 customers').waitFor()
    assert.equal(await grid(page).getAttribute('aria-rowcount'), '2001')
    const rowsInDom = await page.getByRole('row').count()
    assert.ok(rowsInDom < 60, `only the visible rows are rendered (${rowsInDom} rows in the DOM)`)

    await page.getByRole('row', { name: /^Customer 0000/ }).click()
    await page.keyboard.press('End')
    const last = page.getByRole('row', { name: /^Customer 1999/ })
    await last.waitFor()
    await waitForFocus(page, last)
    assert.ok((await page.getByRole('row').count()) < 60)
    await page.keyboard.press('Enter')
    await page.getByRole('region', { name: 'Details of Customer 1999' }).waitFor()

    assert.deepEqual(await search(page, 'customer_1234', '1 of 2,000 customers'), ['Customer 1234'])
    assert.deepEqual(opened.pageErrors, [])
  })
})
