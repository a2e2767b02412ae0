import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { Locator, Page } from 'playwright-core'
import { browserSkip } from '../harness/open-desk'
import { SEED_PASSWORD } from '../helpers/customer-seeds'
import { recordingClipboard, type ClipboardWrite } from '../helpers/recording-clipboard'
import { openWithSamples } from '../helpers/sample-desk'

async function openPanel(page: Page, company: string): Promise<Locator> {
  await page.getByRole('cell', { name: company }).click()
  await page.getByRole('region', { name: `Details of ${company}` }).getByRole('button', { name: 'Fill in the portal' }).click()
  const panel = page.getByRole('dialog', { name: `Fill in the portal: ${company}` })
  await panel.waitFor()
  return panel
}

/** Presses Enter (the main button keeps the focus) and waits until the panel says where the field goes. */
async function pressNext(panel: Locator, field: string, copied = true): Promise<void> {
  await panel.getByRole('button', { name: copied ? `Copy ${field}` : `Next: leave ${field} empty` }).waitFor()
  await panel.page().keyboard.press('Enter')
  await panel.getByRole('status').getByText(new RegExp(`(Paste it into|Choose it in|Leave) ${field}`)).waitFor()
}

describe('fill in the portal', { skip: browserSkip }, () => {
  test('Enter after Enter copies x360Recover’s fields in the portal’s order, the passwords through the protected clipboard', async (t) => {
    const clipboard = recordingClipboard()
    const { page } = await openWithSamples(t, { clipboard })
    const panel = await openPanel(page, 'Contoso Ltd')
    await panel.getByText('Licensing Portal, User Management > Users > Add User').waitFor()
    const fields = ['Customer Username', 'Customer Company Name', 'Customer Password', 'Customer Confirm Password', 'Customer Email Address', 'Locations']
    for (const field of fields) await pressNext(panel, field)

    const expected: ClipboardWrite[] = [
      { text: 'contoso_backup', secret: false },
      { text: 'Contoso Ltd', secret: false },
      { text: SEED_PASSWORD, secret: true },
      { text: SEED_PASSWORD, secret: true },
      { text: 'it@contoso.com', secret: false },
      { text: 'Dublin_HQ, Cork_Branch', secret: false },
    ]
    assert.deepEqual(clipboard.writes, expected)
    await panel.getByText('Every field is done').waitFor()
    assert.equal((await page.content()).includes(SEED_PASSWORD), false, 'the password never reaches the page')
  })

  test('the Nexetic form is walked on its own; an empty Domain is passed with nothing copied, and a field can be chosen', async (t) => {
    const clipboard = recordingClipboard()
    const { page } = await openWithSamples(t, { clipboard })
    let panel = await openPanel(page, 'Contoso Ltd')
    await panel.getByRole('button', { name: 'Nexetic: Add customer' }).click()
    await panel.getByText('Nexetic Portal, Customers > Add > Add customer').waitFor()
    await panel.getByRole('list', { name: 'Fields of Nexetic: Add customer' }).getByRole('button', { name: 'Notify Users' }).click()
    await pressNext(panel, 'Notify Users')
    await pressNext(panel, 'Storage Type')
    assert.deepEqual(
      clipboard.writes.map((write) => write.text),
      ['it@contoso.com; alerts@contoso.com', 'Azure (Ireland)'],
    )
    await panel.getByRole('button', { name: 'Close' }).click()
    await panel.waitFor({ state: 'detached' })

    panel = await openPanel(page, 'Tailspin Toys')
    assert.equal(await panel.getByRole('group', { name: 'Portal' }).count(), 0, 'one service, one form: no choice to make')
    await pressNext(panel, 'Organization name')
    await pressNext(panel, 'Domain', false)
    await pressNext(panel, 'User Licenses')
    assert.deepEqual(
      clipboard.writes.slice(2).map((write) => write.text),
      ['Tailspin Toys', '120'],
    )
    await page.keyboard.press('Escape')
    await panel.waitFor({ state: 'detached' })
  })

  test('the list’s selection is walked customer after customer, skipping one with no service', async (t) => {
    const clipboard = recordingClipboard()
    const { page } = await openWithSamples(t, { clipboard })
    for (const company of ['Fabrikam Inc', 'Coho Winery', 'Woodgrove Bank']) {
      await page.getByRole('row', { name: new RegExp(`^${company}`) }).click({ modifiers: ['Control'] })
    }
    await page.getByRole('group', { name: 'Selection' }).getByText('3 customers selected').waitFor()
    await page.getByRole('group', { name: 'Selection' }).getByRole('button', { name: 'Fill in the portal' }).click()
    let panel = page.getByRole('dialog', { name: 'Fill in the portal: Fabrikam Inc (1 of 2)' })
    const fields = ['Customer Username', 'Customer Company Name', 'Customer Password', 'Customer Confirm Password', 'Customer Email Address', 'Locations']
    for (const field of fields) await pressNext(panel, field)
    await panel.getByRole('button', { name: 'Next customer: Woodgrove Bank' }).waitFor()
    await page.keyboard.press('Enter')
    panel = page.getByRole('dialog', { name: 'Fill in the portal: Woodgrove Bank (2 of 2)' })
    await pressNext(panel, 'Customer Username')
    assert.deepEqual(
      clipboard.writes.filter((write) => !write.secret).map((write) => write.text),
      ['fabrikam_dr', 'Fabrikam Inc', 'servicedesk@fabrikam.example', 'Helsinki, Espoo_Lab', 'woodgrove_vault'],
    )
  })

  test('a customer with no service has no panel to open', async (t) => {
    const { page } = await openWithSamples(t)
    await page.getByRole('cell', { name: 'Coho Winery' }).click()
    const detail = page.getByRole('region', { name: 'Details of Coho Winery' })
    await detail.getByRole('button', { name: 'Edit', exact: true }).waitFor()
    assert.equal(await detail.getByRole('button', { name: 'Fill in the portal' }).count(), 0)
  })
})
