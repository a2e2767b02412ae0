import assert from 'node:assert/strict'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { browserSkip, openDesk } from '../harness/open-desk'
import { emptyDeskNewCustomer } from '../helpers/customer-form-steps'
import { tempDesk } from '../helpers/temp-desk'

describe('the built renderer in Chromium, on the real handlers', { skip: browserSkip }, () => {
  test('an empty desk invites the user to add a customer', async (t) => {
    const { dataDir, keychainService } = await tempDesk(t)
    const desk = await openDesk({ dataDir, keychainService })
    t.after(() => desk.close())
    await desk.page.getByRole('heading', { name: 'No customers yet' }).waitFor()
    assert.ok(await emptyDeskNewCustomer(desk.page).isVisible())
    assert.deepEqual(desk.pageErrors, [])
  })

  test('a company added in the UI is written to the JSON file and still there after a restart', async (t) => {
    const { dataDir, keychainService } = await tempDesk(t)
    const first = await openDesk({ dataDir, keychainService })
    await emptyDeskNewCustomer(first.page).click()
    await first.page.getByLabel('Customer Company Name').fill('Contoso Ltd')
    await first.page.getByLabel('Customer Company Name').press('Enter')
    await first.page.getByRole('cell', { name: 'Contoso Ltd' }).waitFor()
    const onDisk = JSON.parse(await readFile(join(dataDir, 'customers.json'), 'utf8'))
    assert.deepEqual(onDisk.customers.map((c: { companyName: string }) => c.companyName), ['Contoso Ltd'])
    assert.deepEqual(first.pageErrors, [])
    await first.close()

    const second = await openDesk({ dataDir, keychainService })
    t.after(() => second.close())
    await second.page.getByRole('cell', { name: 'Contoso Ltd' }).waitFor()
  })

  test("main's validation error is shown at the field, and what was typed stays", async (t) => {
    const { dataDir, keychainService } = await tempDesk(t)
    const desk = await openDesk({ dataDir, keychainService })
    t.after(() => desk.close())
    await emptyDeskNewCustomer(desk.page).click()
    const name = desk.page.getByLabel('Customer Company Name')
    await name.fill('   ')
    await name.press('Enter')
    await desk.page.getByText('Enter the Customer Company Name.').waitFor()
    assert.equal(await name.getAttribute('aria-invalid'), 'true')
    const describedBy = (await name.getAttribute('aria-describedby')) ?? ''
    assert.equal(await desk.page.locator(`[id="${describedBy.split(' ')[0]}"]`).textContent(), 'Enter the Customer Company Name.')
    assert.equal(await name.inputValue(), '   ')
  })

  test('an unreadable store file is kept aside and the user is told', async (t) => {
    const { dataDir, keychainService } = await tempDesk(t)
    await writeFile(join(dataDir, 'customers.json'), '{"schemaVersion":1,"customers":[')
    const desk = await openDesk({ dataDir, keychainService })
    t.after(() => desk.close())
    const banner = desk.page.getByRole('alert').filter({ hasText: 'could not be read' })
    await banner.waitFor()
    const keptAs = (await banner.locator('code').textContent()) ?? ''
    assert.match(keptAs, /customers\.json\.unreadable-/)
    assert.equal(await readFile(keptAs, 'utf8'), '{"schemaVersion":1,"customers":[')
  })
})
