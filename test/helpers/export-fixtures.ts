import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestContext } from 'node:test'
import type { DeskApi } from '../../main/common/contract'
import { emptyCustomerForm, type CustomerForm } from '../../main/common/customer-form'
import type { Customer } from '../../main/common/customer-model'
import { createDesk, type Desk } from '../../main/desk'
import { dispatch } from '../../main/ipc/handler-table'
import type { FileDialogs, FileFilter } from '../../main/services/exports/file-dialogs'
import { createMemoryClipboard } from '../../main/services/secret-clipboard'
import { createDeskApi } from '../../preload/desk-api'
import { tempDesk } from './temp-desk'

/**
 * Shared by the export, import and backup tests. Only the OS dialog is replaced: it answers with a
 * path in the test's own folder, as a user would pick one; everything after it is the real code path.
 */
export interface ScriptedDialogs extends FileDialogs {
  /** Every save dialog main opened: the name it suggested and its filters. */
  saves: { suggestedName: string; filters: FileFilter[] }[]
  /** The next save dialog returns this path (null: the user closes it); by default the suggested name in the folder. */
  saveAs(path: string | null): void
  /** The file the next open dialogs return (null: the user closes it). */
  openWith(path: string | null): void
}

export function scriptedDialogs(folder: string): ScriptedDialogs {
  let nextSave: string | null | undefined
  let open: string | null = null
  const saves: ScriptedDialogs['saves'] = []
  return {
    saves,
    saveAs: (path) => {
      nextSave = path
    },
    openWith: (path) => {
      open = path
    },
    async chooseSaveFile(suggestedName, filters) {
      saves.push({ suggestedName, filters })
      const answer = nextSave === undefined ? join(folder, suggestedName) : nextSave
      nextSave = undefined
      return answer
    },
    async chooseOpenFile() {
      return open
    },
  }
}

export interface ExportDesk {
  desk: Desk
  api: DeskApi
  dataDir: string
  keychainService: string
  /** Where the dialogs save to: the test's own folder, apart from the data folder. */
  folder: string
  dialogs: ScriptedDialogs
}

/** `locale` is the desk's (Electron's app.getLocale() in the app); en-US unless a test asks for another. */
export async function openExportDesk(t: TestContext, { locale = 'en-US' }: { locale?: string } = {}): Promise<ExportDesk> {
  const { dataDir, keychainService } = await tempDesk(t)
  const folder = await mkdtemp(join(tmpdir(), 'desk-exports-'))
  t.after(() => rm(folder, { recursive: true, force: true }))
  const dialogs = scriptedDialogs(folder)
  const desk = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard(), fileDialogs: dialogs, locale })
  t.after(() => desk.close())
  const api: DeskApi = createDeskApi((channel, payload) => dispatch(desk.handlers, channel, payload))
  return { desk, api, dataDir, keychainService, folder, dialogs }
}

export function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`Expected success, got ${result.error.code}: ${result.error.message}`)
  return result.value
}

export const filesIn = async (folder: string): Promise<string[]> => (await readdir(folder)).sort()

export const PASSWORDS = ['Vault-Pass-2026!', 'Fabr1kam#Secret-99', 'N0rthwind=Key+42']

/** Three customers that cover the shapes: both portals, x360 only (with a formula-like note), Nexetic only. */
export function sampleForms(): CustomerForm[] {
  return [
    {
      ...emptyCustomerForm(),
      companyName: 'Contoso Ltd',
      notes: 'Main office in Espoo',
      x360: { username: 'contoso_01', email: 'it@contoso.com', locations: 'HQ, DR_Site', password: PASSWORDS[0] ?? '', confirmPassword: PASSWORDS[0] ?? '' },
      nexetic: {
        organizationName: 'Contoso Oy',
        domain: 'contoso.onmicrosoft.com',
        userLicenses: '25',
        extraStorage: '2 TB',
        notifyUsers: 'it@contoso.com; backup@contoso.com',
        storageType: 'Finnish S3 Storage',
      },
    },
    {
      ...emptyCustomerForm(),
      companyName: '=HYPERLINK("http://evil.example","Fabrikam")',
      notes: '+call first; @mention -dash',
      x360: { username: 'fabrikam', email: 'admin@fabrikam.example', locations: 'Main', password: PASSWORDS[1] ?? '', confirmPassword: PASSWORDS[1] ?? '' },
      nexetic: null,
    },
    {
      ...emptyCustomerForm(),
      companyName: 'Northwind Traders',
      notes: '',
      x360: null,
      nexetic: {
        organizationName: '',
        domain: '',
        userLicenses: '1',
        extraStorage: '0',
        notifyUsers: 'ops@northwind.example',
        storageType: 'Azure (Ireland)',
      },
    },
  ]
}

export async function createCustomers(api: DeskApi, forms: CustomerForm[]): Promise<Customer[]> {
  const created: Customer[] = []
  for (const form of forms) created.push(unwrap(await api.customers.create({ form, confirmDuplicateCompany: true })))
  return created
}
