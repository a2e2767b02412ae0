import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { TestContext } from 'node:test'
import type { DeskApi } from '../../main/common/contract'
import { emptyCustomerForm, type CustomerForm } from '../../main/common/customer-form'
import { type NexeticForm } from '../../main/common/vendors/nexetic/subscription'
import { type X360Form } from '../../main/common/vendors/x360/account'
import type { Customer } from '../../main/common/customer-model'
import type { StorageType } from '../../main/common/vendors/nexetic/subscription'
import type { Result } from '../../main/common/result'
import { createDesk, type Desk } from '../../main/desk'
import { dispatch } from '../../main/ipc/handler-table'
import { STORE_FILE_NAME } from '../../main/services/customer-store'
import { createMemoryClipboard } from '../../main/services/secret-clipboard'
import { createDeskApi } from '../../preload/desk-api'
import { tempDesk } from './temp-desk'

export const VAULT_PASSWORD = 'Vault-Pass-2026!'

/** A clock that moves one minute per reading, so every history entry has its own, predictable time. */
export function minuteClock(start = '2026-11-23T09:00:00.000Z'): () => Date {
  let tick = 0
  const base = new Date(start).getTime()
  return () => new Date(base + tick++ * 60_000)
}

export interface OpenedLicenseDesk {
  desk: Desk
  api: DeskApi
  dataDir: string
  keychainService: string
  storeText(): Promise<string>
  /** A second desk on the same folder and keychain, as after a restart of the app. */
  reopen(): Promise<{ desk: Desk; api: DeskApi }>
}

/** Electron structured-clones every answer across IPC; so does this transport, so no answer aliases the store's memory. */
const apiOver = (desk: Desk): DeskApi =>
  createDeskApi(async (channel, payload) => structuredClone(await dispatch(desk.handlers, channel, structuredClone(payload))))

/** A desk on a fresh temp folder and keychain service, reached only through the handler table like the page. */
export async function openLicenseDesk(t: TestContext, now: () => Date = minuteClock()): Promise<OpenedLicenseDesk> {
  const { dataDir, keychainService } = await tempDesk(t)
  const desk = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard(), now })
  t.after(() => desk.close())
  return {
    desk,
    api: apiOver(desk),
    dataDir,
    keychainService,
    storeText: () => readFile(join(dataDir, STORE_FILE_NAME), 'utf8'),
    async reopen() {
      const again = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard(), now })
      t.after(() => again.close())
      return { desk: again, api: apiOver(again) }
    },
  }
}

export const nexeticForm = (parts: Partial<NexeticForm> = {}): NexeticForm => ({
  organizationName: '',
  domain: '',
  userLicenses: '25',
  extraStorage: '500',
  notifyUsers: 'it@example.com',
  storageType: 'Azure (Ireland)' satisfies StorageType,
  ...parts,
})

export const x360Form = (username: string, locations = 'HQ', password = VAULT_PASSWORD): X360Form => ({
  username,
  email: `${username}@example.com`,
  locations,
  password,
  confirmPassword: password,
})

export const customerForm = (companyName: string, parts: Partial<CustomerForm> = {}): CustomerForm => ({ ...emptyCustomerForm(), companyName, ...parts })

export function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`Expected success, got ${result.error.code}: ${result.error.message} ${JSON.stringify(result.error.fields ?? {})}`)
  return result.value
}

export async function addCustomer(api: DeskApi, companyName: string, parts: Partial<CustomerForm> = {}): Promise<Customer> {
  return valueOf(await api.customers.create({ form: customerForm(companyName, parts) }))
}

export const addNexeticCustomer = (api: DeskApi, companyName: string, nexetic: Partial<NexeticForm> = {}): Promise<Customer> =>
  addCustomer(api, companyName, { nexetic: nexeticForm(nexetic) })
