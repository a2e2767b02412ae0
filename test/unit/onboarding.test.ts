import assert from 'node:assert/strict'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import type { Customer } from '../../main/common/customer-model'
import { describeHistoryValue, historyFieldLabel } from '../../main/common/history-labels'
import { isOnboardingFinished, ONBOARDING_STEPS, ONBOARDING_VENDORS, onboardingOf } from '../../main/common/onboarding'
import { NEXETIC_ONBOARDING_STEPS } from '../../main/common/vendors/nexetic/onboarding-steps'
import { X360_ONBOARDING_STEPS } from '../../main/common/vendors/x360/onboarding-steps'
import { createDesk } from '../../main/desk'
import { STORE_FILE_NAME } from '../../main/services/customer-store'
import { createMemoryClipboard } from '../../main/services/secret-clipboard'
import { parseStoreText } from '../../main/services/store-file'
import { addCustomer, nexeticForm, openLicenseDesk, valueOf, x360Form } from '../helpers/license-fixtures'
import { createCustomers, openExportDesk, sampleForms, unwrap } from '../helpers/export-fixtures'
import { tempDesk } from '../helpers/temp-desk'
import { DEFAULT_QUERY, queryCustomers, type CustomerQuery } from '../../renderer/src/features/customers/customer-query'

const AT = '2026-11-23T09:00:00.000Z'
const storedCustomer = (parts: Partial<Customer> = {}): Customer => ({
  id: 'c1',
  companyName: 'Contoso Ltd',
  notes: '',
  createdAt: AT,
  updatedAt: AT,
  x360: null,
  nexetic: { organizationName: 'Contoso Oy', domain: null, userLicenses: 25, extraStorageGb: 0, notifyUsers: ['it@contoso.com'], storageType: 'Azure (Ireland)' },
  history: [],
  ...parts,
})

describe('onboarding steps: the data', () => {
  test('Nexetic has the article’s five steps after Add customer, in its order and words', () => {
    assert.deepEqual(
      NEXETIC_ONBOARDING_STEPS.map((step) => step.key),
      ['activation-email', 'domain-registered', 'sso-configured', 'permissions-granted', 'backup-settings'],
    )
    const labels = NEXETIC_ONBOARDING_STEPS.map((step) => step.label).join(' | ')
    for (const words of ['service activation email', 'Notify Users', 'Microsoft 365 domain', 'SSO configured to the customer’s backup environment', 'Permissions granted for the backup applications', 'Backup settings made']) {
      assert.ok(labels.toLowerCase().includes(words.toLowerCase()), `a label says "${words}"`)
    }
    assert.ok(NEXETIC_ONBOARDING_STEPS.every((step) => !step.optional && !step.derive && step.detail.length > 0), 'every Nexetic step is ticked by hand and needed')
  })

  test('x360Recover: the credentials recorded is read from the record, sharing them is optional', () => {
    assert.deepEqual(X360_ONBOARDING_STEPS.map((step) => [step.key, Boolean(step.derive), Boolean(step.optional)]), [
      ['credentials-recorded', true, false],
      ['credentials-shared', false, true],
    ])
    assert.match(X360_ONBOARDING_STEPS[1]?.label ?? '', /self-service restores from an off-site Vault/)
  })

  test('step keys are unique per vendor, and every step has a history label', () => {
    for (const vendor of ONBOARDING_VENDORS) {
      const keys = (ONBOARDING_STEPS[vendor] ?? []).map((step) => step.key)
      assert.equal(new Set(keys).size, keys.length, `${vendor}: unique keys`)
      for (const key of keys) assert.notEqual(historyFieldLabel(`onboarding.${vendor}.${key}`), `onboarding.${vendor}.${key}`)
    }
    assert.equal(historyFieldLabel('onboarding.nexetic.backup-settings'), 'Nexetic onboarding: Backup settings made')
    assert.equal(historyFieldLabel('onboarding.nexetic.no-such-step'), 'onboarding.nexetic.no-such-step')
  })

  test('finished means every needed step of every service the customer has is done', () => {
    const nexeticOnly = storedCustomer()
    assert.equal(isOnboardingFinished(nexeticOnly), false)
    const allTicked = Object.fromEntries(NEXETIC_ONBOARDING_STEPS.map((step) => [step.key, AT]))
    assert.equal(isOnboardingFinished({ ...nexeticOnly, onboarding: { nexetic: allTicked } }), true)
    const { 'backup-settings': _left, ...fourTicked } = allTicked
    assert.equal(isOnboardingFinished({ ...nexeticOnly, onboarding: { nexetic: fourTicked } }), false)

    const x360 = { username: 'contoso', email: 'it@contoso.com', locations: ['HQ'], passwordSetAt: null }
    assert.equal(isOnboardingFinished(storedCustomer({ nexetic: null, x360 })), false, 'no password recorded yet')
    const recorded = storedCustomer({ nexetic: null, x360: { ...x360, passwordSetAt: AT } })
    assert.equal(isOnboardingFinished(recorded), true, 'sharing the credentials is not needed')
    assert.deepEqual(onboardingOf(recorded)[0]?.steps.map((state) => state.doneAt), [AT, null])
    assert.equal(isOnboardingFinished(storedCustomer({ nexetic: null })), true, 'no service, nothing to do')
  })
})

describe('onboarding steps: ticking through the desk', () => {
  test('a tick stores the time and adds a history entry; an untick too; the same state twice adds nothing', async (t) => {
    const { api, storeText, reopen } = await openLicenseDesk(t)
    const customer = await addCustomer(api, 'Contoso Ltd', { nexetic: nexeticForm() })
    const ticked = valueOf(await api.onboarding.setStep({ id: customer.id, vendor: 'nexetic', step: 'sso-configured', done: true }))
    const at = ticked.onboarding?.nexetic?.['sso-configured']
    assert.ok(at && !Number.isNaN(Date.parse(at)))
    const entry = ticked.history.at(-1)
    assert.deepEqual({ field: entry?.field, from: entry?.from, to: entry?.to, at: entry?.at }, { field: 'onboarding.nexetic.sso-configured', from: null, to: at, at })
    assert.equal(`${historyFieldLabel(entry?.field ?? '')} ${describeHistoryValue(entry ?? { field: '', from: null, to: null })}`, 'Nexetic onboarding: SSO configured to the customer’s backup environment ticked as done')
    assert.equal(ticked.updatedAt, at)

    const again = valueOf(await api.onboarding.setStep({ id: customer.id, vendor: 'nexetic', step: 'sso-configured', done: true }))
    assert.equal(again.history.length, ticked.history.length, 'ticking a ticked step records nothing')

    const unticked = valueOf(await api.onboarding.setStep({ id: customer.id, vendor: 'nexetic', step: 'sso-configured', done: false }))
    assert.deepEqual(unticked.onboarding, { nexetic: {} })
    assert.deepEqual([unticked.history.at(-1)?.from, unticked.history.at(-1)?.to], [at, null])
    assert.equal(describeHistoryValue(unticked.history.at(-1) ?? { field: '', from: null, to: null }), 'unticked (not done)')

    valueOf(await api.onboarding.setStep({ id: customer.id, vendor: 'nexetic', step: 'activation-email', done: true }))
    assert.match(await storeText(), /"onboarding":\{"nexetic":\{"activation-email":"2026-/)
    const { api: again2 } = await reopen()
    const read = valueOf(await again2.customers.get({ id: customer.id }))
    assert.deepEqual(Object.keys(read.onboarding?.nexetic ?? {}), ['activation-email'], 'the tick survives a restart')
  })

  test('refused with a message: a derived step, an unknown one, a service the customer lacks, a bad payload', async (t) => {
    const { api } = await openLicenseDesk(t)
    const customer = await addCustomer(api, 'Fabrikam', { x360: x360Form('fabrikam', 'HQ') })
    const refusal = async (request: Parameters<typeof api.onboarding.setStep>[0]) => {
      const result = await api.onboarding.setStep(request)
      assert.ok(!result.ok)
      return result.error.message
    }
    assert.match(await refusal({ id: customer.id, vendor: 'x360', step: 'credentials-recorded', done: true }), /read from the customer’s record/)
    assert.match(await refusal({ id: customer.id, vendor: 'x360', step: 'made-up', done: true }), /no onboarding step "made-up"/)
    assert.match(await refusal({ id: customer.id, vendor: 'nexetic', step: 'sso-configured', done: true }), /Fabrikam has no Nexetic service/)
    assert.match(await refusal({ id: 'gone', vendor: 'x360', step: 'credentials-shared', done: true }), /no longer exists/)
    assert.match(await refusal({ id: customer.id, vendor: 'other' as 'x360', step: 'credentials-shared', done: true }), /expected form/)
    const unchanged = valueOf(await api.customers.get({ id: customer.id }))
    assert.equal(unchanged.onboarding, undefined)
    assert.equal(unchanged.history.length, 1)
  })
})

describe('onboarding steps: the file and the backup', () => {
  test('a file from before onboarding loads unchanged, and a save does not add the field to other customers', async (t) => {
    const { dataDir, keychainService } = await tempDesk(t)
    const old = { schemaVersion: 1, customers: [storedCustomer(), storedCustomer({ id: 'c2', companyName: 'Other' })], deletions: [] }
    await writeFile(join(dataDir, STORE_FILE_NAME), JSON.stringify(old))
    const desk = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard() })
    t.after(() => desk.close())
    assert.deepEqual(desk.store.data.customers, old.customers)
    const result = await desk.handlers.get('desk:onboarding.setStep')?.({ id: 'c1', vendor: 'nexetic', step: 'backup-settings', done: true })
    assert.ok(result?.ok)
    const saved = JSON.parse(await readFile(join(dataDir, STORE_FILE_NAME), 'utf8')) as { customers: Record<string, unknown>[] }
    assert.ok('onboarding' in (saved.customers[0] ?? {}))
    assert.ok(!('onboarding' in (saved.customers[1] ?? {})), 'an untouched customer is written as it was')
  })

  test('ticks of steps and vendors a newer desk added are kept through a save; a tick that is not a time is refused', async (t) => {
    const { dataDir, keychainService } = await tempDesk(t)
    const onboarding = { nexetic: { 'activation-email': AT, 'future-step': AT }, futureVendor: { anything: { deep: 1 } } }
    const file = { schemaVersion: 1, customers: [{ ...storedCustomer(), onboarding }], deletions: [] }
    await writeFile(join(dataDir, STORE_FILE_NAME), JSON.stringify(file))
    const desk = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard() })
    t.after(() => desk.close())
    assert.deepEqual(desk.store.data.customers[0]?.onboarding, { nexetic: { 'activation-email': AT } }, 'what this desk does not know never reaches the page')
    await desk.handlers.get('desk:onboarding.setStep')?.({ id: 'c1', vendor: 'nexetic', step: 'activation-email', done: false })
    const saved = JSON.parse(await readFile(join(dataDir, STORE_FILE_NAME), 'utf8')) as { customers: { onboarding: unknown }[] }
    assert.deepEqual(saved.customers[0]?.onboarding, { nexetic: { 'future-step': AT }, futureVendor: { anything: { deep: 1 } } })

    const bad = parseStoreText(JSON.stringify({ schemaVersion: 1, customers: [{ ...storedCustomer(), onboarding: { nexetic: { 'activation-email': 'yesterday' } } }], deletions: [] }))
    assert.equal(bad.kind, 'unreadable')
    assert.match(bad.kind === 'unreadable' ? bad.reason : '', /at customers\.0\.onboarding\.nexetic\.activation-email/)
  })

  test('the encrypted backup and restore keep the ticks', async (t) => {
    const source = await openExportDesk(t)
    const [contoso] = await createCustomers(source.api, sampleForms())
    for (const step of ['activation-email', 'domain-registered']) unwrap(await source.api.onboarding.setStep({ id: contoso?.id ?? '', vendor: 'nexetic', step, done: true }))
    unwrap(await source.api.onboarding.setStep({ id: contoso?.id ?? '', vendor: 'x360', step: 'credentials-shared', done: true }))
    const saved = unwrap(await source.api.exports.backupCreate({ passphrase: 'correct horse battery staple', confirmPassphrase: 'correct horse battery staple' }))
    assert.equal(saved.kind, 'saved')

    const target = await openExportDesk(t)
    target.dialogs.openWith(saved.kind === 'saved' ? saved.filePath : '')
    const opened = unwrap(await target.api.exports.restoreOpen({}))
    assert.equal(opened.kind, 'opened')
    const token = opened.kind === 'opened' ? opened.token : ''
    unwrap(await target.api.exports.restoreCheck({ token, passphrase: 'correct horse battery staple' }))
    unwrap(await target.api.exports.restoreConfirm({ token }))
    const restored = unwrap(await target.api.customers.get({ id: contoso?.id ?? '' }))
    assert.deepEqual(restored.onboarding, source.desk.store.data.customers[0]?.onboarding)
    assert.deepEqual(Object.keys(restored.onboarding?.nexetic ?? {}), ['activation-email', 'domain-registered'])
    assert.ok(restored.onboarding?.x360?.['credentials-shared'])
  })
})

describe('onboarding steps: the list filter', () => {
  test('"Onboarding not finished" keeps the customers with a needed step left, with the search and service filter', () => {
    const done = Object.fromEntries(NEXETIC_ONBOARDING_STEPS.map((step) => [step.key, AT]))
    const customers = [
      storedCustomer({ id: 'open', companyName: 'Alpine' }),
      storedCustomer({ id: 'done', companyName: 'Contoso', onboarding: { nexetic: done } }),
      storedCustomer({ id: 'none', companyName: 'Coho', nexetic: null }),
      storedCustomer({ id: 'x360', companyName: 'Fabrikam', nexetic: null, x360: { username: 'fab', email: 'it@fab.example', locations: ['HQ'], passwordSetAt: null } }),
    ]
    const shown = (query: Partial<CustomerQuery>) => queryCustomers(customers, { ...DEFAULT_QUERY, ...query }).map((customer) => customer.id)
    assert.deepEqual(shown({}), ['open', 'none', 'done', 'x360'])
    assert.deepEqual(shown({ onboarding: 'unfinished' }), ['open', 'x360'])
    assert.deepEqual(shown({ onboarding: 'unfinished', service: 'nexetic' }), ['open'])
    assert.deepEqual(shown({ onboarding: 'unfinished', search: 'fab' }), ['x360'])
  })
})
