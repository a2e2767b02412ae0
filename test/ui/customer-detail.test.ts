import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { describe, test } from 'node:test'
import type { Locator } from 'playwright-core'
import { DIRECT_TO_CLOUD_NOTE } from '../../main/common/vendors/x360/account'
import { STORAGE_TYPE_LOCKED_NOTE } from '../../main/common/vendors/nexetic/subscription'
import type { Desk } from '../../main/desk'
import { browserSkip } from '../harness/open-desk'
import { isFocused } from '../helpers/customer-form-steps'
import { SEED_PASSWORD } from '../helpers/customer-seeds'
import { openWithSamples } from '../helpers/sample-desk'

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
