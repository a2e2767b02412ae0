import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { describe, test } from 'node:test'
import type { Locator, Page } from 'playwright-core'
import { STORAGE_TYPE_LOCKED_NOTE } from '../../main/common/vendors/nexetic/subscription'
import { DIRECT_TO_CLOUD_NOTE } from '../../main/common/vendors/x360/account'
import type { Desk } from '../../main/desk'
import { browserSkip, openDesk } from '../harness/open-desk'
import { SEED_PASSWORD } from '../helpers/customer-seeds'
import { openWithSamples } from '../helpers/sample-desk'
import { tempDesk } from '../helpers/temp-desk'


const grid = (page: Page): Locator => page.getByRole('grid', { name: 'Customers' })

/** The company of every row in the DOM, top to bottom (the first cell of each body row). */
async function listedCompanies(page: Page): Promise<string[]> {
  const rows = grid(page).getByRole('row').filter({ has: page.getByRole('cell') })
  return rows.evaluateAll((elements) => elements.map((row) => row.firstElementChild?.textContent ?? ''))
}

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

const isFocused = (locator: Locator): Promise<boolean> => locator.evaluate((element) => element === document.activeElement)

/** Focus moves after the render a key causes, so wait for it rather than read it at once. */
async function waitForFocus(page: Page, locator: Locator): Promise<void> {
  const element = await locator.elementHandle()
  await page.waitForFunction((target) => target === document.activeElement, element)
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

/** Each term of the detail view with the text of its definition (value, hints and its Copy button). */
async function detailFields(region: Locator): Promise<Map<string, string>> {
  const terms = await region.getByRole('term').allTextContents()
  const definitions = await region.getByRole('definition').allTextContents()
  return new Map(terms.map((term, index) => [term, definitions[index] ?? '']))
}

describe('customer detail', { skip: browserSkip }, () => {
  test('shows every field with the portals’ labels, the notes on licensing and storage type, and the history', async (t) => {
    const { page, pageErrors } = await openWithSamples(t)
    await page.getByRole('cell', { name: 'Contoso Ltd' }).click()
    const detail = page.getByRole('region', { name: 'Details of Contoso Ltd' })
    await detail.getByRole('region', { name: 'History' }).getByRole('listitem').first().waitFor()
    const fields = await detailFields(detail)
    const expected: [string, string][] = [
      ['Customer Company Name', 'Contoso Ltd'],
      ['Notes', 'Main contact: Aoife Byrne (IT manager). Renewal in March.'],
      ['Customer Username', 'contoso_backup'],
      ['Customer Email Address', 'it@contoso.com'],
      ['Locations', 'Dublin_HQ, Cork_Branch'],
      ['Organization name', 'Contoso Ltd'],
      ['Domain', 'contoso.onmicrosoft.com'],
      ['User Licenses', '45'],
      ['Extra Storage', '2,048 GB (2 TB)'],
      ['Notify Users', 'it@contoso.com; alerts@contoso.com'],
      ['Storage Type', 'Azure (Ireland)'],
    ]
    for (const [label, value] of expected) {
      const text = fields.get(label)
      assert.ok(text?.startsWith(value), `${label} shows "${value}" (it shows "${text}")`)
      await detail.getByRole('button', { name: `Copy ${label}` }).waitFor()
    }
    assert.match(fields.get('Created') ?? '', /2\d{3}/)
    assert.match(fields.get('Updated') ?? '', /2\d{3}/)
    await detail.getByText(DIRECT_TO_CLOUD_NOTE).waitFor()
    await detail.getByText(STORAGE_TYPE_LOCKED_NOTE).waitFor()
    await detail.getByRole('region', { name: 'History' }).getByText('Customer created').waitFor()
    assert.ok(!(await detail.textContent())?.includes(SEED_PASSWORD), 'the password is not in the detail')
    assert.deepEqual(pageErrors, [])
  })

  test('a customer without services says so, and has no Copy button for an empty field', async (t) => {
    const { page } = await openWithSamples(t)
    await page.getByRole('cell', { name: 'Coho Winery' }).click()
    const detail = page.getByRole('region', { name: 'Details of Coho Winery' })
    await detail.getByText('No x360Recover account. Use Edit to add one.').waitFor()
    await detail.getByText('No Nexetic subscription. Use Edit to add one.').waitFor()
    assert.equal(await detail.getByRole('button', { name: 'Copy Customer Username' }).count(), 0)
    await page.getByRole('cell', { name: 'Tailspin Toys' }).click()
    const tailspin = page.getByRole('region', { name: 'Details of Tailspin Toys' })
    assert.equal((await detailFields(tailspin)).get('Domain'), '—')
    assert.equal(await tailspin.getByRole('button', { name: 'Copy Domain' }).count(), 0)
  })

  test('a Copy button puts the field as the portal takes it on the clipboard, through main', async (t) => {
    const { page, clipboard } = await openWithSamples(t)
    await page.getByRole('cell', { name: 'Contoso Ltd' }).click()
    const detail = page.getByRole('region', { name: 'Details of Contoso Ltd' })
    const copies: [string, string][] = [
      ['Customer Username', 'contoso_backup'],
      ['Locations', 'Dublin_HQ, Cork_Branch'],
      ['Extra Storage', '2048'],
      ['Notify Users', 'it@contoso.com; alerts@contoso.com'],
    ]
    for (const [label, value] of copies) {
      await detail.getByRole('button', { name: `Copy ${label}` }).click()
      await page.getByRole('status').getByText(`Copied ${label}: ${value}`).waitFor()
      assert.equal(await clipboard.readText(), value)
    }
  })

  test('Edit opens the form for this customer', async (t) => {
    const { page } = await openWithSamples(t)
    await page.getByRole('cell', { name: 'Northwind Traders' }).click()
    await page.getByRole('region', { name: 'Details of Northwind Traders' }).getByRole('button', { name: 'Edit', exact: true }).click()
    await page.getByRole('dialog', { name: /Northwind Traders/ }).waitFor()
  })

  test('delete asks with the company’s name, then removes the row, the stored record and the keychain entry', async (t) => {
    const { page, desk, seeded } = await openWithSamples(t)
    const woodgrove = seeded.find((customer) => customer.companyName === 'Woodgrove Bank')
    assert.ok(woodgrove)
    assert.equal(await desk.vault.readCustomerPassword(woodgrove.id), SEED_PASSWORD, 'the keychain has the password before')

    await page.getByRole('cell', { name: 'Woodgrove Bank' }).click()
    const detail = page.getByRole('region', { name: 'Details of Woodgrove Bank' })
    await detail.getByRole('button', { name: 'Delete' }).click()
    const question = page.getByRole('alertdialog', { name: 'Delete customer' })
    await question.getByText('Delete Woodgrove Bank? This also removes its Vault password from the keychain.').waitFor()
    assert.ok(await isFocused(question.getByRole('button', { name: 'Cancel' })), 'the safe answer has the focus')
    await page.keyboard.press('Escape')
    await question.waitFor({ state: 'detached' })
    assert.ok(await storedIds(desk).then((ids) => ids.includes(woodgrove.id)), 'Esc deletes nothing')

    await detail.getByRole('button', { name: 'Delete' }).click()
    await question.getByRole('button', { name: 'Delete' }).click()
    await page.getByRole('cell', { name: 'Woodgrove Bank' }).waitFor({ state: 'detached' })
    await page.getByText('7 of 7 customers').waitFor()
    await page.getByRole('status').getByText('Woodgrove Bank was deleted.').waitFor()
    await detail.waitFor({ state: 'detached' })
    assert.ok(!(await storedIds(desk)).includes(woodgrove.id), 'the JSON file no longer has it')
    assert.equal(await desk.vault.readCustomerPassword(woodgrove.id), null, 'the keychain entry is gone')
  })

  test('a customer without an x360Recover account is asked about without the keychain', async (t) => {
    const { page } = await openWithSamples(t)
    await page.getByRole('cell', { name: 'Northwind Traders' }).click()
    await page.getByRole('region', { name: 'Details of Northwind Traders' }).getByRole('button', { name: 'Delete' }).click()
    const question = page.getByRole('alertdialog', { name: 'Delete customer' })
    await question.getByText('Delete Northwind Traders? Its record is removed from this desk.').waitFor()
    await question.getByRole('button', { name: 'Cancel' }).click()
    await question.waitFor({ state: 'detached' })
    await page.getByRole('cell', { name: 'Northwind Traders' }).waitFor()
  })
})

async function storedIds(desk: Desk): Promise<string[]> {
  const stored = JSON.parse(await readFile(desk.store.file, 'utf8')) as { customers: { id: string }[] }
  return stored.customers.map((customer) => customer.id)
}

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
