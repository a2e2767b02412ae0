import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { Locator, Page } from 'playwright-core'
import { browserSkip, openDesk } from '../harness/open-desk'
import { showLongNamesWithDetail, WINDOW_SIZES } from '../helpers/long-names'
import { tempDesk } from '../helpers/temp-desk'

/** True when the element's centre is the element itself (or inside it): nothing covers it. */
const uncovered = (locator: Locator): Promise<boolean> =>
  locator.evaluate((element) => {
    const box = element.getBoundingClientRect()
    const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)
    return top !== null && element.contains(top) && box.right <= window.innerWidth && box.bottom <= window.innerHeight
  })

/** Each cell's centre is itself, inside its scrolling panel's visible width. */
const allCellsVisible = (table: Locator): Promise<string[]> =>
  table.evaluate((element) => {
    const panel = element.parentElement as HTMLElement
    const visible = panel.getBoundingClientRect()
    const hidden: string[] = []
    for (const cell of element.querySelectorAll('th, td')) {
      const box = cell.getBoundingClientRect()
      if (box.width === 0) continue
      const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)
      if (box.right > visible.right + 0.5 || top === null || !cell.contains(top)) hidden.push(cell.textContent ?? '')
    }
    return hidden
  })

const overflowX = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth }))

describe('every window size the app allows, with a customer open', { skip: browserSkip }, () => {
  for (const viewport of WINDOW_SIZES) {
    test(`${viewport.width}×${viewport.height}: a usable search box, the count and Deleted customers in view, no sideways scrolling, every total, full names`, async (t) => {
      const { dataDir, keychainService } = await tempDesk(t)
      const opened = await openDesk({ dataDir, keychainService, viewport })
      t.after(() => opened.close())
      await showLongNamesWithDetail(opened)
      const { page } = opened

      const search = await page.getByLabel('Search customers').boundingBox()
      assert.ok(search && search.width >= 160, `the search box is ${search?.width} px wide`)
      assert.ok(await uncovered(page.getByText('10 of 10 customers')), 'the customer count is not covered')
      assert.ok(await uncovered(page.getByRole('button', { name: 'Deleted customers' })), 'Deleted customers is not covered')

      const grid = await overflowX(page, '[role="grid"]')
      assert.ok(grid.scroll <= grid.client, `the grid needs no sideways scrolling (${grid.scroll} > ${grid.client})`)
      assert.ok(await uncovered(page.getByRole('columnheader', { name: /^Updated/ })), 'the Updated column is in view')
      const totals = page.getByRole('region', { name: 'Totals' }).getByRole('table')
      assert.deepEqual(await allCellsVisible(totals), [], 'every Totals column is in view')
      assert.ok(await uncovered(totals.getByRole('columnheader', { name: 'Locations' })), 'down to x360Recover’s last column')

      const detail = page.getByRole('region', { name: /^Details of Société Générale/ })
      assert.ok(await uncovered(detail.getByRole('button', { name: 'Close details' })), 'the detail is open beside the list')

      // A company cut short by its column: the whole name on hover (title) and in the cell's text, which a screen reader reads.
      const cell = page.getByRole('row', { name: /^Société Générale/ }).getByRole('cell').first()
      const fullName = 'Société Générale Łódź Assurances Européennes'
      const cut = await cell.evaluate((element) => element.scrollWidth > element.clientWidth)
      assert.ok(cut, 'the name is cut at this width (else this check proves nothing)')
      assert.equal(await cell.getAttribute('title'), fullName)
      assert.equal(await cell.textContent(), fullName)
      assert.equal(await page.getByRole('cell', { name: fullName, exact: true }).count(), 1, 'its accessible name is the full name')
      // A column header the narrow list cuts short keeps its whole label, with its portal, on hover.
      const licensesHeader = page.getByRole('grid').getByRole('columnheader', { name: /User Licenses/ })
      assert.equal(await licensesHeader.getAttribute('title'), 'Nexetic: User Licenses')
      assert.deepEqual(opened.pageErrors, [])
    })
  }
})
