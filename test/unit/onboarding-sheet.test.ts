import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { describe, test } from 'node:test'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { PDFParse } from 'pdf-parse'
import type { DeskApi } from '../../main/common/contract'
import { formatDate } from '../../main/common/formats'
import { createCustomers, openExportDesk, sampleForms, unwrap } from '../helpers/export-fixtures'

async function sheetPages(api: DeskApi, customerIds: string[], includeOnboarding: boolean): Promise<string[]> {
  const started = unwrap(await api.exports.sheetStart({ customerIds, includeOnboarding }))
  if (started.kind !== 'started') throw new Error('not started')
  for (;;) {
    const progress = unwrap(await api.exports.progress({ jobId: started.jobId }))
    if (progress.state === 'done') break
    if (progress.state !== 'running') throw new Error(progress.message ?? progress.state)
    await nextTurn()
  }
  const parser = new PDFParse({ data: await readFile(started.filePath) })
  try {
    return (await parser.getText()).pages.map((page) => page.text.replace(/\s+/g, ' '))
  } finally {
    await parser.destroy()
  }
}

describe('onboarding steps on the customer sheet', () => {
  test('with the option, each service’s steps show done with the date or not yet; without it, none', async (t) => {
    const { api } = await openExportDesk(t)
    const [contoso, fabrikam, northwind] = await createCustomers(api, sampleForms())
    const ticked = unwrap(await api.onboarding.setStep({ id: contoso?.id ?? '', vendor: 'nexetic', step: 'activation-email', done: true }))
    const day = formatDate(ticked.onboarding?.nexetic?.['activation-email'] ?? '', 'en-US')
    const ids = [contoso, fabrikam, northwind].map((customer) => customer?.id ?? '')

    const [both, x360Only, nexeticOnly] = await sheetPages(api, ids, true)
    assert.match(both ?? '', /Onboarding steps/)
    assert.ok(both?.includes(`Service activation email sent to the Notify Users: done ${day}`), both)
    assert.ok(both?.includes('SSO configured to the customer’s backup environment: not done yet'))
    assert.ok(both?.includes(`Username and password recorded: done ${formatDate(contoso?.createdAt ?? '', 'en-US')}`), 'read from the record: the password was set at creation')
    assert.ok(both?.includes('Credentials shared with the customer for self-service restores from an off-site Vault: not done (optional)'))
    assert.ok(x360Only?.includes('x360Recover') && !x360Only.includes('Backup settings made'), 'only the services the customer has')
    assert.ok(nexeticOnly?.includes('Backup settings made: not done yet') && !nexeticOnly.includes('Username and password recorded'))

    const plain = await sheetPages(api, ids, false)
    assert.equal(plain.length, 3)
    assert.ok(plain.every((page) => !page.includes('Onboarding steps')), 'the steps only when asked for')
  })

  test('a customer with many Notify Users still fits one page with its steps', async (t) => {
    const { api } = await openExportDesk(t)
    const [form] = sampleForms()
    if (!form?.nexetic) throw new Error('sample changed')
    const notifyUsers = Array.from({ length: 60 }, (_, index) => `user${index}@contoso.com`).join('; ')
    const [customer] = await createCustomers(api, [{ ...form, nexetic: { ...form.nexetic, notifyUsers } }])
    const pages = await sheetPages(api, [customer?.id ?? ''], true)
    assert.equal(pages.length, 1)
    assert.match(pages[0] ?? '', /Backup settings made: not done yet/)
  })
})
