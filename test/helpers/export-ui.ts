import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestContext } from 'node:test'
import type { Locator, Page } from 'playwright-core'
import type { DeskApi } from '../../main/common/contract'
import type { Customer } from '../../main/common/customer-model'
import { dispatch } from '../../main/ipc/handler-table'
import { STORE_FILE_NAME } from '../../main/services/customer-store'
import type { DeskData } from '../../main/services/store-file'
import { createDeskApi } from '../../preload/desk-api'
import { openDesk } from '../harness/open-desk'
import { createCustomers, sampleForms, scriptedDialogs } from './export-fixtures'
import { tempDesk } from './temp-desk'

/** A desk in Chromium whose native file dialogs answer with paths in the test's own folder; `stored` is its store file to start from. */
export async function openExportUi(t: TestContext, stored?: DeskData) {
  const { dataDir, keychainService } = await tempDesk(t)
  if (stored) await writeFile(join(dataDir, STORE_FILE_NAME), JSON.stringify(stored))
  const folder = await mkdtemp(join(tmpdir(), 'desk-exports-ui-'))
  t.after(() => rm(folder, { recursive: true, force: true }))
  const dialogs = scriptedDialogs(folder)
  const opened = await openDesk({ dataDir, keychainService, fileDialogs: dialogs })
  t.after(() => opened.close())
  const api: DeskApi = createDeskApi((channel, payload) => dispatch(opened.desk.handlers, channel, payload))
  return { ...opened, api, dataDir, folder, dialogs }
}

/** The three sample customers (both portals, x360 only with formula-like text, Nexetic only), listed in the page. */
export async function showSamples(page: Page, api: DeskApi): Promise<Customer[]> {
  const customers = await createCustomers(api, sampleForms())
  await page.reload()
  await page.getByRole('cell', { name: 'Contoso Ltd' }).waitFor()
  return customers
}

export async function pickFromDataMenu(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: 'Data' }).click()
  await page.getByRole('menu', { name: 'Data' }).getByRole('menuitem', { name: item }).click()
}

/** The notice bar: the status message with a Dismiss button (dialogs have their own status lines). */
export const notice = (page: Page, text: string | RegExp): Locator =>
  page.getByRole('status').filter({ has: page.getByRole('button', { name: 'Dismiss message' }) }).filter({ hasText: text })
