import assert from 'node:assert/strict'
import { describe, test, type TestContext } from 'node:test'
import type { Page } from 'playwright-core'
import type { DeskBridge } from '../../main/common/contract'
import { browserSkip, openDesk, type OpenDeskOptions } from '../harness/open-desk'
import { SAMPLE_CUSTOMERS, SEED_PASSWORD, seedCustomers } from '../helpers/customer-seeds'
import { tempDesk } from '../helpers/temp-desk'

const PASSPHRASE = 'correct horse battery'

/** Everything of a customer that must not be in the page while it is locked: names, usernames, e-mails, domains, notes, the password. */
const CUSTOMER_TEXT = [
  SEED_PASSWORD,
  ...SAMPLE_CUSTOMERS.flatMap((customer) => [customer.company, customer.notes ?? '', customer.x360?.username ?? '', customer.x360?.email ?? '', customer.nexetic?.domain ?? '']),
].filter((text) => text.length > 0)

async function open(t: TestContext, options: Partial<OpenDeskOptions> = {}) {
  const folder = await tempDesk(t)
  const opened = await openDesk({ ...folder, ...options })
  t.after(() => opened.close())
  return opened
}

/** The whole page: its markup as Playwright sees it, and the live value of every field. */
async function pageText(page: Page): Promise<string> {
  const values = await page.evaluate(() => [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select')].map((element) => element.value))
  return [await page.content(), ...values].join('\n')
}

async function expectNoCustomerData(page: Page, step: string): Promise<void> {
  const text = await pageText(page)
  for (const secret of CUSTOMER_TEXT) assert.ok(!text.includes(secret), `${step}: "${secret}" is in the page while locked`)
}

const lockScreen = (page: Page) => page.getByRole('heading', { name: 'The desk is locked' })
const listShown = (page: Page) => page.getByText('8 of 8 customers').waitFor()

async function unlock(page: Page, passphrase = PASSPHRASE): Promise<void> {
  await page.getByLabel('Desk passphrase').fill(passphrase)
  await page.getByRole('button', { name: 'Unlock' }).click()
}

describe('the desk lock in the page', { skip: browserSkip }, () => {
  test('first start explains the passphrase; once set, Ctrl+L and the Lock button lock a desk that then holds no customer data; unlock shows it again', async (t) => {
    const { page, desk, clipboard, pageErrors } = await open(t, { lock: 'first-start' })
    await page.getByRole('heading', { name: 'Protect this desk with a passphrase' }).waitFor()
    await page.getByText(/could open the desk and reveal every customer's Vault password/).waitFor()
    assert.equal(await page.getByRole('button', { name: 'New customer' }).count(), 0, 'no desk behind the first-start screen')
    await seedCustomers(desk, SAMPLE_CUSTOMERS)

    await page.getByLabel('Desk passphrase').fill('short')
    await page.getByLabel('Repeat the passphrase').fill('short')
    await page.getByRole('button', { name: 'Set the passphrase' }).click()
    await page.getByText('Use at least 8 characters; a few unrelated words are easy to type and hard to guess.').waitFor()
    await page.getByLabel('Desk passphrase').fill(PASSPHRASE)
    await page.getByLabel('Repeat the passphrase').fill(PASSPHRASE)
    await page.getByRole('button', { name: 'Set the passphrase' }).click()
    await listShown(page)

    // A revealed password, a copied one, and an open dialog: locking must clear all three.
    await page.getByRole('row', { name: /^Contoso Ltd/ }).click()
    await page.getByRole('button', { name: 'Reveal password' }).click()
    assert.equal(await page.getByLabel('Vault password', { exact: true }).inputValue(), SEED_PASSWORD)
    await page.getByRole('button', { name: 'Copy password' }).click()
    await page.getByRole('status').getByText(/^Password copied/).waitFor()
    assert.equal(await clipboard.readText(), SEED_PASSWORD)
    await page.getByRole('button', { name: 'Maintenance' }).click()
    await page.getByRole('dialog', { name: 'Maintenance' }).waitFor()

    await page.keyboard.press('Control+L')
    await lockScreen(page).waitFor()
    assert.equal(await page.getByRole('dialog').count(), 0, 'the dialog is closed')
    assert.equal(await clipboard.readText(), '', 'the copied password is off the clipboard')
    await expectNoCustomerData(page, 'after Ctrl+L')

    const refused = await page.evaluate(async (id) => {
      const api = (window as unknown as { desk: DeskBridge }).desk
      return [await api.customers.revealPassword({ id }), await api.customers.list({}), await api.app.status({})]
    }, desk.store.data.customers[0]?.id ?? '')
    for (const answer of refused) assert.deepEqual(answer, { ok: false, error: { code: 'locked', message: 'The desk is locked. Unlock it with the desk passphrase to go on.' } })

    await unlock(page, 'not the passphrase')
    await page.getByRole('alert').getByText('That is not the desk passphrase. Wait 2 seconds before the next try.').waitFor()
    assert.equal(await page.getByRole('button', { name: 'Unlock' }).isDisabled(), true, 'the page waits as main does')
    // click() waits for the button to be enabled again, once the wait is over.
    await unlock(page)
    await listShown(page)
    assert.equal(await page.getByLabel('Vault password', { exact: true }).count(), 0, 'the revealed password stays hidden after unlocking')

    await page.getByRole('button', { name: 'Lock', exact: true }).click()
    await lockScreen(page).waitFor()
    await expectNoCustomerData(page, 'after the Lock button')
    await unlock(page)
    await listShown(page)
    assert.deepEqual(pageErrors, [])
  })

  test('a lock from main (idle, the OS lock screen, sleep, the menu) reaches the page as an event; the forgotten passphrase is explained there', async (t) => {
    const { page, desk } = await open(t, { lock: { passphrase: PASSPHRASE } })
    await lockScreen(page).waitFor()
    await unlock(page)
    await page.getByRole('heading', { name: 'No customers yet' }).waitFor()
    await seedCustomers(desk, SAMPLE_CUSTOMERS)
    await page.reload()
    await listShown(page)

    assert.equal(await desk.lock.trigger({ kind: 'idle', idleSeconds: 5 * 60 }), true)
    await lockScreen(page).waitFor()
    await expectNoCustomerData(page, 'after an idle lock')
    await page.getByText('Forgot the passphrase?').click()
    await page.getByText(/^Nothing is lost\. The lock does not encrypt your customers/).waitFor()
    await page.getByText(/delete the keychain entry named "desk-lock" of the service "MSP Customer Desk"/).waitFor()
  })

  test('Settings changes the idle period, which main keeps', async (t) => {
    const { page } = await open(t, { lock: { passphrase: PASSPHRASE } })
    await unlock(page)
    await page.getByRole('button', { name: 'Settings' }).click()
    const dialog = page.getByRole('dialog', { name: 'Settings' })
    const period = dialog.getByLabel('Lock the desk after no input')
    assert.equal(await period.inputValue(), '5', '5 minutes by default')
    assert.deepEqual(await period.locator('option').allTextContents(), ['After 1 minute', 'After 5 minutes', 'After 15 minutes', 'After 30 minutes', 'After 60 minutes', 'Never'])
    assert.equal(await dialog.getByLabel(/Touch ID/).count(), 0, 'no Touch ID outside macOS')
    await period.selectOption({ label: 'After 15 minutes' })
    await dialog.getByRole('button', { name: 'Save' }).click()
    await dialog.waitFor({ state: 'detached' })
    const status = await page.evaluate(() => (window as unknown as { desk: DeskBridge }).desk.lock.status({}))
    assert.ok(status.ok && status.value.idleMinutes === 15)
    await page.getByRole('button', { name: 'Settings' }).click()
    assert.equal(await page.getByRole('dialog', { name: 'Settings' }).getByLabel('Lock the desk after no input').inputValue(), '15')
  })

  test('"no lock" is chosen explicitly, with its consequence said; such a desk has no Lock button and can get a passphrase in Settings', async (t) => {
    const { page } = await open(t, { lock: 'first-start' })
    await page.getByText(/Without a lock, anyone who can use this computer while you are signed in can open the desk/).waitFor()
    await page.getByRole('button', { name: 'Continue without a lock' }).click()
    await page.getByText('Tick the box to go on without a lock, or set a passphrase above.').waitFor()
    await page.getByLabel('I understand that anyone at this computer can reveal every password').check()
    await page.getByRole('button', { name: 'Continue without a lock' }).click()
    await page.getByRole('heading', { name: 'No customers yet' }).waitFor()
    assert.equal(await page.getByRole('button', { name: 'Lock', exact: true }).count(), 0)
    await page.keyboard.press('Control+L')
    await page.getByText('This desk has no passphrase, so it cannot lock. Set one in Settings.').waitFor()

    await page.getByRole('button', { name: 'Settings' }).click()
    const dialog = page.getByRole('dialog', { name: 'Settings' })
    await dialog.getByLabel('Desk passphrase').fill(PASSPHRASE)
    await dialog.getByLabel('Repeat the passphrase').fill(PASSPHRASE)
    await dialog.getByRole('button', { name: 'Set the passphrase' }).click()
    await dialog.waitFor({ state: 'detached' })
    await page.getByRole('button', { name: 'Lock', exact: true }).click()
    await lockScreen(page).waitFor()
  })
})
