import assert from 'node:assert/strict'
import { describe, test, type TestContext } from 'node:test'
import type { Page } from 'playwright-core'
import { browserSkip, openDesk, type OpenDeskOptions } from '../harness/open-desk'
import { SAMPLE_CUSTOMERS, seedCustomers } from '../helpers/customer-seeds'
import { tempDesk } from '../helpers/temp-desk'

interface Sample {
  what: string
  color: string
  background: string
  contrast: number
}

// A string, not a function: the test runner's transform would add helpers the page does not have.
// For each element: its text colour, the first opaque background behind it, and WCAG's contrast ratio of the two.
const READ_COLOURS = `(() => {
  const parse = (value) => (value.match(/[\\d.]+/g) || []).map(Number)
  const channel = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4 }
  const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
  const backgroundOf = (element) => {
    for (let node = element; node; node = node.parentElement) {
      const rgba = parse(getComputedStyle(node).backgroundColor)
      if (rgba.length === 3 || rgba[3] > 0.95) return getComputedStyle(node).backgroundColor
    }
    return 'rgb(255, 255, 255)'
  }
  const targets = [
    ['page title', document.querySelector('h1')],
    ['company cell', document.querySelector('[role="row"][aria-selected] [role="cell"]')],
    ['customer count', document.querySelector('.list-count')],
    ['column header', document.querySelector('[role="columnheader"] button')],
    ['detail label', document.querySelector('.detail-field dt')],
    ['detail value', document.querySelector('.detail-field dd')],
    ['totals figure', document.querySelector('.totals td')],
    ['Data button', [...document.querySelectorAll('button')].find((b) => b.textContent.trim().startsWith('Data'))],
    ['primary button', document.querySelector('button.primary')],
  ]
  return targets.map(([what, element]) => {
    const color = getComputedStyle(element).color
    const background = backgroundOf(element)
    const [a, b] = [luminance(parse(color)), luminance(parse(background))].sort((x, y) => y - x)
    return { what, color, background, contrast: Math.round(((a + 0.05) / (b + 0.05)) * 100) / 100 }
  })
})()`

async function openThemed(t: TestContext, options: Partial<OpenDeskOptions>) {
  const { dataDir, keychainService } = await tempDesk(t)
  const opened = await openDesk({ dataDir, keychainService, ...options })
  t.after(() => opened.close())
  await seedCustomers(opened.desk, SAMPLE_CUSTOMERS)
  await opened.page.reload()
  await opened.page.getByRole('row', { name: /^Contoso Ltd/ }).click()
  await opened.page.getByRole('region', { name: 'Details of Contoso Ltd' }).waitFor()
  return opened
}

const readColours = (page: Page): Promise<Sample[]> => page.evaluate(READ_COLOURS) as Promise<Sample[]>

function assertReadable(samples: Sample[]): void {
  for (const sample of samples) assert.ok(sample.contrast >= 4.5, `${sample.what}: ${sample.color} on ${sample.background} is ${sample.contrast}:1`)
}

describe('the OS theme', { skip: browserSkip }, () => {
  test('dark: the page turns dark, every kind of text keeps a contrast of at least 4.5:1, and it follows the OS while open', async (t) => {
    const light = await openThemed(t, { colorScheme: 'light' })
    const lightColours = await readColours(light.page)
    assertReadable(lightColours)

    const dark = await openThemed(t, { colorScheme: 'dark' })
    const darkColours = await readColours(dark.page)
    assertReadable(darkColours)
    for (const [index, sample] of darkColours.entries()) {
      const before = lightColours[index]
      if (sample.what === 'primary button') continue
      assert.notEqual(sample.background, before?.background, `${sample.what}: the background changes`)
      assert.notEqual(sample.color, before?.color, `${sample.what}: the text colour changes`)
    }

    // The OS switches theme while the window is open (nativeTheme → prefers-color-scheme): no reload needed.
    await light.page.emulateMedia({ colorScheme: 'dark' })
    assert.deepEqual(await readColours(light.page), darkColours)
    assert.deepEqual(light.pageErrors, [])
    assert.deepEqual(dark.pageErrors, [])
  })

  test('forced colours (Windows high contrast): the keyboard focus stays visible on buttons, fields and grid rows', async (t) => {
    const { page, pageErrors } = await openThemed(t, { forcedColors: 'active' })
    assert.equal(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), true)
    const outlineOf = () =>
      page.evaluate(() => {
        const style = getComputedStyle(document.activeElement as Element)
        return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), color: style.outlineColor, role: (document.activeElement as Element).getAttribute('role') ?? (document.activeElement as Element).tagName }
      })
    await page.getByRole('button', { name: 'Maintenance' }).focus()
    for (let step = 0; step < 6; step += 1) {
      await page.keyboard.press('Tab')
      const outline = await outlineOf()
      assert.notEqual(outline.style, 'none', `${outline.role} has an outline`)
      assert.ok(outline.width >= 2, `${outline.role}: the outline is ${outline.width} px`)
    }
    const row = page.getByRole('row', { name: /^Alpine Ski House/ })
    await row.focus()
    await page.keyboard.press('ArrowDown')
    const rowOutline = await outlineOf()
    assert.equal(rowOutline.role, 'row')
    assert.ok(rowOutline.style !== 'none' && rowOutline.width >= 2, 'a focused grid row has a visible outline')
    // Forced colours drop box-shadows and background tints, which are all the light theme uses to mark the open customer.
    const selected = await page
      .getByRole('row', { name: /^Contoso Ltd/ })
      .evaluate((element) => ({ selected: element.getAttribute('aria-selected'), outline: getComputedStyle(element).outlineStyle, focused: element === document.activeElement }))
    assert.deepEqual(selected, { selected: 'true', outline: 'solid', focused: false }, 'the open customer’s row is still marked')
    assert.deepEqual(pageErrors, [])
  })
})
