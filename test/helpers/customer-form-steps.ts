import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import type { Customer } from '../../main/common/customer-model'
import { NEW_CUSTOMER } from '../../main/common/vocabulary'

/** Steps a user takes in the customer form, by role and label, shared by the UI tests and the screenshots. */
export interface X360Input {
  username: string
  email: string
  locations: string
  password?: string
  confirmPassword?: string
}

export interface NexeticInput {
  domain?: string
  userLicenses: string
  extraStorage?: string
  notifyUsers: string
  storageType?: string
}

/** The Vault password the form tests type; it must never reach the page's text or the JSON file. */
export const PASSWORD = 'Vault-Pass-2024!x'

/** The header's "New customer" button, on every screen. */
export const newCustomerButton = (page: Page): Locator => page.getByRole('banner').getByRole('button', { name: NEW_CUSTOMER, exact: true })

/** The empty desk's own "New customer" button, beside its explanation. */
export const emptyDeskNewCustomer = (page: Page): Locator =>
  page.getByRole('region', { name: 'No customers' }).getByRole('button', { name: NEW_CUSTOMER, exact: true })

export async function openNewCustomer(page: Page): Promise<Locator> {
  await newCustomerButton(page).click()
  const dialog = page.getByRole('dialog', { name: NEW_CUSTOMER })
  await dialog.waitFor()
  return dialog
}

export const field = (dialog: Locator, label: string): Locator => dialog.getByLabel(label, { exact: true })

export async function fillX360(dialog: Locator, input: X360Input): Promise<void> {
  const toggle = dialog.getByRole('checkbox', { name: 'x360Recover Direct-to-Cloud account' })
  if (!(await toggle.isChecked())) await toggle.check()
  await field(dialog, 'Customer Username').fill(input.username)
  await field(dialog, 'Customer Email Address').fill(input.email)
  await field(dialog, 'Locations').fill(input.locations)
  if (input.password !== undefined) await field(dialog, 'Customer Password').fill(input.password)
  if (input.confirmPassword ?? input.password) await field(dialog, 'Customer Confirm Password').fill(input.confirmPassword ?? input.password ?? '')
}

export async function fillNexetic(dialog: Locator, input: NexeticInput): Promise<void> {
  const toggle = dialog.getByRole('checkbox', { name: 'Nexetic Wholesale subscription' })
  if (!(await toggle.isChecked())) await toggle.check()
  if (input.domain !== undefined) await field(dialog, 'Domain').fill(input.domain)
  await field(dialog, 'User Licenses').fill(input.userLicenses)
  if (input.extraStorage !== undefined) await field(dialog, 'Extra Storage').fill(input.extraStorage)
  await field(dialog, 'Notify Users').fill(input.notifyUsers)
  if (input.storageType !== undefined) await field(dialog, 'Storage Type').selectOption(input.storageType)
}

/** Asserts the message is shown at that field: the field is marked invalid and its description starts with the message. */
export async function expectFieldError(dialog: Locator, label: string, message: string): Promise<void> {
  const input = field(dialog, label)
  await dialog.getByText(message, { exact: true }).waitFor()
  assert.equal(await input.getAttribute('aria-invalid'), 'true', `${label} should be marked invalid`)
  const errorId = ((await input.getAttribute('aria-describedby')) ?? '').split(' ')[0] ?? ''
  assert.equal(await dialog.page().locator(`[id="${errorId}"]`).textContent(), message, `the message at ${label}`)
}

export async function expectNoFieldError(dialog: Locator, label: string): Promise<void> {
  assert.equal(await field(dialog, label).getAttribute('aria-invalid'), null, `${label} should not be marked invalid`)
}

export const isFocused = (locator: Locator): Promise<boolean> => locator.evaluate((element) => element === document.activeElement)

/** Focus moves after the render a key causes, so wait for it rather than read it at once. */
export async function waitForFocus(page: Page, locator: Locator): Promise<void> {
  const element = await locator.elementHandle()
  await page.waitForFunction((target) => target === document.activeElement, element)
}

export async function storedCustomers(dataDir: string): Promise<{ text: string; customers: Customer[] }> {
  const text = await readFile(join(dataDir, 'customers.json'), 'utf8').catch(() => '{"customers":[]}')
  return { text, customers: (JSON.parse(text) as { customers: Customer[] }).customers }
}

/** Everything the page holds, markup and the values of its fields, to check a secret is not in it. */
export function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const values = [...document.querySelectorAll('input, textarea')].map((element) => (element as HTMLInputElement).value)
    return `${document.documentElement.outerHTML}\n${values.join('\n')}`
  })
}
