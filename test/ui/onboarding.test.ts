import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { PDFParse } from 'pdf-parse'
import type { Locator, Page } from 'playwright-core'
import { formatDate } from '../../main/common/formats'
import { NEXETIC_ONBOARDING_STEPS } from '../../main/common/vendors/nexetic/onboarding-steps'
import { browserSkip } from '../harness/open-desk'
import { storedCustomers } from '../helpers/customer-form-steps'
import { customerRow, noticeBar } from '../helpers/list-selection-steps'
import { openWithSamples } from '../helpers/sample-desk'
import { scriptedDialogs } from '../helpers/export-fixtures'

const ACTIVATION = 'Service activation email sent to the Notify Users'

async function openDetail(page: Page, company: string): Promise<Locator> {
  await customerRow(page, company).click()
  const detail = page.getByRole('region', { name: `Details of ${company}` })
  await detail.waitFor()
  return detail
}

const onboarding = (detail: Locator): Locator => detail.getByRole('region', { name: 'Onboarding' })
const history = (detail: Locator): Locator => detail.getByRole('region', { name: 'History' })
const pageLocale = (page: Page): Promise<string> => page.evaluate(() => navigator.language)

describe('onboarding steps in the page', { skip: browserSkip }, () => {
  test('ticking a step shows the date and a history entry; unticking records that too and survives a reload', async (t) => {
    const { page, desk, pageErrors } = await openWithSamples(t)
    const detail = await openDetail(page, 'Northwind Traders')
    const nexetic = onboarding(detail).getByRole('group', { name: /^Nexetic/ })
    await nexetic.getByText('— 0 of 5 steps done').waitFor()
    assert.equal(await onboarding(detail).getByRole('group', { name: /^x360Recover/ }).count(), 0, 'only the services the customer has')
    const step = nexetic.getByRole('checkbox', { name: ACTIVATION })
    assert.equal(await step.isChecked(), false)
    await step.check()

    await nexetic.getByText('— 1 of 5 steps done').waitFor()
    const tickedAt = desk.store.data.customers.find((customer) => customer.companyName === 'Northwind Traders')?.onboarding?.nexetic?.['activation-email']
    assert.ok(tickedAt, 'main stored the tick')
    const day = formatDate(tickedAt, await pageLocale(page))
    await nexetic.getByText(`Done ${day}`).waitFor()
    assert.match((await step.getAttribute('aria-describedby')) ?? '', /.+/)
    await history(detail).getByRole('listitem').filter({ hasText: `Nexetic onboarding: ${ACTIVATION} ticked as done` }).waitFor()

    await step.uncheck()
    await history(detail).getByRole('listitem').filter({ hasText: `Nexetic onboarding: ${ACTIVATION} unticked (not done)` }).waitFor()
    await nexetic.getByText('— 0 of 5 steps done').waitFor()
    await step.check()
    await nexetic.getByText('— 1 of 5 steps done').waitFor()

    await page.reload()
    const again = await openDetail(page, 'Northwind Traders')
    assert.ok(await onboarding(again).getByRole('checkbox', { name: ACTIVATION }).isChecked(), 'the tick is in the file')
    const { customers } = await storedCustomers(desk.store.file.replace(/[\\/]customers\.json$/, ''))
    const stored = customers.find((customer) => customer.companyName === 'Northwind Traders')
    assert.equal(stored?.history.filter((entry) => entry.field === 'onboarding.nexetic.activation-email').length, 3)
    assert.deepEqual(pageErrors, [])
  })

  test('x360Recover: the recorded credentials follow the record; sharing them is an optional tick', async (t) => {
    const { page, pageErrors } = await openWithSamples(t)
    const detail = await openDetail(page, 'Fabrikam Inc')
    const x360 = onboarding(detail).getByRole('group', { name: /^x360Recover/ })
    await x360.getByText('— finished').waitFor()
    const recorded = x360.getByRole('checkbox', { name: 'Username and password recorded' })
    assert.deepEqual([await recorded.isChecked(), await recorded.isDisabled()], [true, true])
    await x360.getByText(/\(from the record\)/).waitFor()
    const shared = x360.getByRole('checkbox', { name: /Credentials shared with the customer for self-service restores from an off-site Vault/ })
    await shared.check()
    await history(detail).getByRole('listitem').filter({ hasText: 'x360Recover onboarding: Credentials shared' }).waitFor()
    assert.deepEqual(pageErrors, [])
  })

  test('"Onboarding not finished" lists the customers with a step left, and a customer leaves it when its last step is ticked', async (t) => {
    const { page, pageErrors } = await openWithSamples(t)
    const detail = await openDetail(page, 'Northwind Traders')
    await page.getByRole('checkbox', { name: 'Onboarding not finished' }).check()
    // The x360Recover-only customers are finished (their password is recorded); Coho Winery has no service.
    await page.getByText('5 of 8 customers').waitFor()
    for (const step of NEXETIC_ONBOARDING_STEPS) await onboarding(detail).getByRole('checkbox', { name: step.label }).check()
    await page.getByText('4 of 8 customers').waitFor()
    assert.equal(await customerRow(page, 'Northwind Traders').count(), 0)
    await onboarding(detail).getByText('— finished').waitFor()

    await onboarding(detail).getByRole('checkbox', { name: 'Backup settings made' }).uncheck()
    await page.getByText('5 of 8 customers').waitFor()
    await customerRow(page, 'Northwind Traders').waitFor()
    await page.getByRole('checkbox', { name: 'Onboarding not finished' }).uncheck()
    await page.getByText('8 of 8 customers').waitFor()
    assert.deepEqual(pageErrors, [])
  })

  test('the customer sheet shows the steps when the dialog’s option is ticked', async (t) => {
    const folder = await mkdtemp(join(tmpdir(), 'desk-onboarding-ui-'))
    t.after(() => rm(folder, { recursive: true, force: true }))
    const dialogs = scriptedDialogs(folder)
    const { page, pageErrors } = await openWithSamples(t, { fileDialogs: dialogs })
    const detail = await openDetail(page, 'Contoso Ltd')
    await onboarding(detail).getByRole('checkbox', { name: ACTIVATION }).check()
    await onboarding(detail).getByText('— 1 of 5 steps done').waitFor()
    await detail.getByRole('button', { name: 'Customer sheet (PDF)' }).click()
    const dialog = page.getByRole('dialog', { name: 'Customer sheet for Contoso Ltd' })
    await dialog.getByRole('checkbox', { name: /Include onboarding steps/ }).check()
    await dialog.getByRole('button', { name: 'Save PDF…' }).click()
    const path = join(folder, dialogs.saves[0]?.suggestedName ?? '')
    await noticeBar(page, `Saved 1 customer sheet to ${path}`).waitFor()
    const parser = new PDFParse({ data: await readFile(path) })
    t.after(() => parser.destroy())
    const text = (await parser.getText()).text.replace(/\s+/g, ' ')
    assert.match(text, /Onboarding steps/)
    assert.match(text, new RegExp(`${ACTIVATION}: done `))
    assert.match(text, /SSO configured to the customer’s backup environment: not done yet/)
    assert.deepEqual(pageErrors, [])
  })
})
