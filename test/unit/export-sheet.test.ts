import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { PDFParse } from 'pdf-parse'
import type { DeskApi, JobProgress } from '../../main/common/contract'
import { emptyCustomerForm } from '../../main/common/customer-form'
import { type Customer } from '../../main/common/customer-model'
import { VAULT_LOGIN_NOTE } from '../../main/common/vendors/x360/account'
import { formatDate, formatStorage } from '../../main/common/formats'
import { nexeticVendor } from '../../main/common/vendors/nexetic/definition'
import { x360Vendor } from '../../main/common/vendors/x360/definition'
import { PASSWORD_OMITTED_TEXT } from '../../main/services/exports/sheet-page'
import { createCustomers, filesIn, openExportDesk, PASSWORDS, sampleForms, unwrap } from '../helpers/export-fixtures'

// Each vendor's part of the sheet says so when the customer has no such account.
const NO_X360_TEXT = x360Vendor.sheet.none
const NO_NEXETIC_TEXT = nexeticVendor.sheet.none

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim()

async function readPdf(path: string): Promise<{ pages: string[]; sizes: { width: number; height: number }[] }> {
  const parser = new PDFParse({ data: await readFile(path) })
  try {
    const text = await parser.getText()
    const info = await parser.getInfo({ parsePageInfo: true })
    return {
      pages: text.pages.map((page) => squash(page.text)),
      sizes: (info.pages ?? []).map((page) => ({ width: Math.round(page.width), height: Math.round(page.height) })),
    }
  } finally {
    await parser.destroy()
  }
}

/** Waits for the job's own signal (its state), not for a time. */
async function finished(api: DeskApi, jobId: string): Promise<JobProgress> {
  for (;;) {
    const progress = unwrap(await api.exports.progress({ jobId }))
    if (progress.state !== 'running') return progress
    await nextTurn()
  }
}

async function makeSheets(api: DeskApi, request: Parameters<DeskApi['exports']['sheetStart']>[0]) {
  const started = unwrap(await api.exports.sheetStart(request))
  assert.equal(started.kind, 'started')
  if (started.kind !== 'started') throw new Error('not started')
  const end = await finished(api, started.jobId)
  assert.equal(end.state, 'done', end.message ?? '')
  assert.equal(end.done, end.total)
  return { started, ...(await readPdf(started.filePath)) }
}

function assertSheetShows(page: string, customer: Customer, date: string, locale = 'en-US'): void {
  const expected = [customer.companyName, `Prepared ${date}`]
  if (customer.x360) {
    expected.push(customer.x360.username, customer.x360.email, customer.x360.locations.join(', '), squash(VAULT_LOGIN_NOTE))
  } else {
    expected.push(NO_X360_TEXT)
  }
  if (customer.nexetic) {
    const n = customer.nexetic
    expected.push(n.organizationName, n.domain ?? 'None', String(n.userLicenses), formatStorage(n.extraStorageGb, locale), n.storageType, ...n.notifyUsers)
  } else {
    expected.push(NO_NEXETIC_TEXT)
  }
  // A long value wraps, and the text layer puts a space at the wrap: compare without spaces.
  const spaceless = page.replace(/\s/g, '')
  for (const text of expected) {
    assert.ok(spaceless.includes(text.replace(/\s/g, '')), `the sheet of ${customer.companyName} shows "${text}"\n--- page text: ${page}`)
  }
}

describe('customer sheets (PDF)', () => {
  test('one A4 page per customer, in the order chosen, with every field and the date, and no password by default', async (t) => {
    const { api, dialogs } = await openExportDesk(t)
    const customers = await createCustomers(api, sampleForms())
    const chosen = [customers[2], customers[0], customers[1]].map((customer) => customer?.id ?? '')
    const { started, pages, sizes } = await makeSheets(api, { customerIds: chosen })

    assert.match(dialogs.saves[0]?.suggestedName ?? '', /^Customer sheets \(3\) - \d{4}-\d{2}-\d{2}\.pdf$/)
    assert.deepEqual(dialogs.saves[0]?.filters, [{ name: 'PDF document', extensions: ['pdf'] }])
    assert.equal(started.total, 3)
    assert.equal(pages.length, 3)
    assert.deepEqual(sizes, [1, 2, 3].map(() => ({ width: 595, height: 842 })), 'A4 pages')
    const date = formatDate(new Date(), 'en-US')
    chosen.forEach((id, index) => assertSheetShows(pages[index] ?? '', customers.find((c) => c.id === id) as Customer, date))
    assert.ok(pages[1]?.includes('2,048 GB (2 TB)'))
    assert.ok(pages[1]?.includes(`Password ${PASSWORD_OMITTED_TEXT}`))
    const all = pages.join('\n')
    for (const password of PASSWORDS) assert.ok(!all.includes(password), 'no password unless asked for')
  })

  test('the date and the figures are written in the desk locale: a German desk prints German ones', async (t) => {
    const { api } = await openExportDesk(t, { locale: 'de-DE' })
    const customers = await createCustomers(api, sampleForms())
    const before = new Date()
    const { pages } = await makeSheets(api, { customerIds: customers.map((customer) => customer.id) })
    // The sheet is dated when it is started; a run across midnight may see either day.
    const days = new Set([formatDate(before, 'de-DE'), formatDate(new Date(), 'de-DE')])
    const fabrikam = pages.find((page) => page.includes('2.048 GB (2 TB)'))
    assert.ok(fabrikam, `a sheet shows Extra Storage as "2.048 GB (2 TB)":\n${pages.join('\n')}`)
    for (const page of pages) assert.ok([...days].some((day) => page.includes(`Prepared ${day}`)), `dated ${[...days].join(' or ')}, as de-DE writes it: ${page}`)
    assert.match([...days][0] ?? '', /^\d{2}\.\d{2}\.\d{4}$/, 'de-DE writes the day as 01.12.2026')
    customers.forEach((customer, index) => assertSheetShows(pages[index] ?? '', customer, [...days].at(-1) ?? '', 'de-DE'))
  })

  test('names in Polish, Czech, Greek and Cyrillic print as typed (the sheet embeds its font)', async (t) => {
    const { api } = await openExportDesk(t)
    const names = ['Łódź Wrocław Sp. z o.o.', 'Příliš žluťoučký kůň s.r.o.', 'Ελληνική Εταιρεία', 'ООО Новая Компания']
    const customers = await createCustomers(api, names.map((companyName) => ({ ...emptyCustomerForm(), companyName })))
    const { pages } = await makeSheets(api, { customerIds: customers.map((customer) => customer.id) })
    names.forEach((name, index) => assert.ok(pages[index]?.includes(name), `page ${index + 1} shows "${name}": ${pages[index]}`))
  })

  test('a password is printed only when asked for and confirmed, read from the keychain', async (t) => {
    const { api, folder } = await openExportDesk(t)
    const customers = await createCustomers(api, sampleForms())
    const ids = customers.map((customer) => customer.id)

    const unconfirmed = await api.exports.sheetStart({ customerIds: ids, includePasswords: true })
    assert.ok(!unconfirmed.ok)
    assert.equal(unconfirmed.error.code, 'needs-confirmation')
    assert.match(unconfirmed.error.message, /password/)
    assert.deepEqual(await filesIn(folder), [], 'nothing is written before the confirmation')

    const { pages } = await makeSheets(api, { customerIds: ids, paperSize: 'Letter', includePasswords: true, confirmIncludePasswords: true })
    assert.ok(pages[0]?.includes(`Password ${PASSWORDS[0]}`), pages[0])
    assert.ok(pages[1]?.includes(`Password ${PASSWORDS[1]}`), pages[1])
    assert.ok(!pages[2]?.includes('Password'), 'a customer with no x360Recover account has no password row')
    assert.ok(pages[0]?.includes('keep it somewhere safe'))
  })

  test('Letter paper, and the fullest customer the form allows still fits its one page', async (t) => {
    const { api, dialogs } = await openExportDesk(t)
    const label = 'a'.repeat(60)
    const [customer] = await createCustomers(api, [
      {
        ...emptyCustomerForm(),
        companyName: 'Contoso Worldwide Holdings '.repeat(8).slice(0, 200),
        x360: {
          username: `contoso_${'x'.repeat(56)}`,
          email: `${'m'.repeat(60)}@${label}.${label}.example`,
          locations: Array.from({ length: 400 }, (_, i) => `Site_${i}`).join(', ').slice(0, 3990).replace(/,[^,]*$/, ''),
          password: PASSWORDS[0] ?? '',
          confirmPassword: PASSWORDS[0] ?? '',
        },
        nexetic: {
          organizationName: 'Contoso Organization '.repeat(10).slice(0, 200),
          domain: `${label}.${label}.${label}.${label.slice(0, 40)}.com`,
          userLicenses: '1000000',
          extraStorage: '100000000',
          notifyUsers: Array.from({ length: 300 }, (_, i) => `user${i}@contoso.com`).join('; ').slice(0, 7990).replace(/;[^;]*$/, ''),
          storageType: 'Azure (Ireland)',
        },
      },
    ])
    const { pages, sizes } = await makeSheets(api, { customerIds: [customer?.id ?? ''], paperSize: 'Letter', includePasswords: true, confirmIncludePasswords: true })
    assert.match(dialogs.saves[0]?.suggestedName ?? '', /^Customer sheet - Contoso Worldwide Holdings/)
    assert.deepEqual(sizes, [{ width: 612, height: 792 }], 'one Letter page')
    assert.equal(pages.length, 1)
    for (const text of ['user0@contoso.com', 'Site_0', `Password ${PASSWORDS[0]}`, '1,000,000', 'keep it somewhere safe']) {
      assert.ok(pages[0]?.includes(text), `shows ${text}`)
    }
  })

  test('cancelling a large selection stops the job and leaves no file, not even a partial one', async (t) => {
    const { api, folder } = await openExportDesk(t)
    const customers = await createCustomers(
      api,
      Array.from({ length: 120 }, (_, i) => ({ ...emptyCustomerForm(), companyName: `Customer ${String(i).padStart(3, '0')}`, notes: '' })),
    )
    const started = unwrap(await api.exports.sheetStart({ customerIds: customers.map((customer) => customer.id) }))
    if (started.kind !== 'started') throw new Error('not started')
    let progress = unwrap(await api.exports.progress({ jobId: started.jobId }))
    while (progress.done < 1) {
      await nextTurn()
      progress = unwrap(await api.exports.progress({ jobId: started.jobId }))
    }
    const cancelled = unwrap(await api.exports.cancel({ jobId: started.jobId }))
    assert.equal(cancelled.state, 'cancelled')
    assert.ok(cancelled.done >= 1 && cancelled.done < cancelled.total, `stopped part-way (${cancelled.done} of ${cancelled.total})`)
    assert.deepEqual(await filesIn(folder), [], 'no PDF and no temp file')
    assert.equal(unwrap(await api.exports.progress({ jobId: started.jobId })).state, 'cancelled')
  })

  test('a cancel that arrives right after the start leaves nothing; a closed dialog starts nothing', async (t) => {
    const { api, folder, dialogs } = await openExportDesk(t)
    const customers = await createCustomers(api, sampleForms())
    const ids = customers.map((customer) => customer.id)
    const started = unwrap(await api.exports.sheetStart({ customerIds: ids }))
    if (started.kind !== 'started') throw new Error('not started')
    const cancelled = unwrap(await api.exports.cancel({ jobId: started.jobId }))
    assert.equal(cancelled.state, 'cancelled')
    assert.equal(cancelled.done, 0)
    assert.deepEqual(await filesIn(folder), [])

    dialogs.saveAs(null)
    assert.deepEqual(unwrap(await api.exports.sheetStart({ customerIds: ids })), { kind: 'cancelled' })
    assert.deepEqual(await filesIn(folder), [])
  })

  test('a typed name without extension gets .pdf; unknown customers and unknown jobs are refused clearly', async (t) => {
    const { api, folder, dialogs } = await openExportDesk(t)
    const customers = await createCustomers(api, sampleForms())
    dialogs.saveAs(join(folder, 'handout'))
    const { started } = await makeSheets(api, { customerIds: [customers[0]?.id ?? ''] })
    assert.equal(started.filePath, join(folder, 'handout.pdf'))

    const missing = await api.exports.sheetStart({ customerIds: ['no-such-customer'] })
    assert.ok(!missing.ok)
    assert.equal(missing.error.code, 'not-found')
    const unknown = await api.exports.progress({ jobId: 'no-such-job' })
    assert.ok(!unknown.ok)
    assert.equal(unknown.error.code, 'not-found')
    const empty = await api.exports.sheetStart({ customerIds: [] })
    assert.ok(!empty.ok)
    assert.equal(empty.error.code, 'invalid')
  })
})
