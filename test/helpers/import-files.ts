import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestContext } from 'node:test'
import { stringify } from 'csv-stringify/sync'
import type { DeskApi, ImportPreview } from '../../main/common/contract'
import { createDesk } from '../../main/desk'
import { dispatch } from '../../main/ipc/handler-table'
import type { PasswordImportAccess } from '../../main/services/exports/import-mapping/password-import-service'
import { createMemoryClipboard } from '../../main/services/secret-clipboard'
import { createDeskApi } from '../../preload/desk-api'
import { scriptedDialogs, unwrap } from './export-fixtures'
import { tempDesk } from './temp-desk'

/** A desk on a temp folder and its own keychain service, whose open dialog returns the test's file; the access hook is recorded. */
export async function openImportDesk(t: TestContext) {
  const { dataDir, keychainService } = await tempDesk(t)
  const folder = await mkdtemp(join(tmpdir(), 'desk-import-'))
  t.after(() => rm(folder, { recursive: true, force: true }))
  const dialogs = scriptedDialogs(folder)
  const accessed: PasswordImportAccess[] = []
  const desk = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard(), fileDialogs: dialogs, onPasswordImport: (event) => accessed.push(event) })
  t.after(() => desk.close())
  const api: DeskApi = createDeskApi((channel, payload) => dispatch(desk.handlers, channel, payload))
  /** Writes the records as a CSV in the test's folder and makes it the file the next open dialog returns. */
  async function offerFile(name: string, records: string[][]): Promise<string> {
    const path = join(folder, name)
    await writeFile(path, stringify(records))
    dialogs.openWith(path)
    return path
  }
  async function preview(): Promise<ImportPreview> {
    const result = unwrap(await api.exports.importPreview({}))
    assert.equal(result.kind, 'preview')
    return result as ImportPreview
  }
  return { desk, api, dataDir, keychainService, folder, dialogs, accessed, offerFile, preview }
}

export type ImportDesk = Awaited<ReturnType<typeof openImportDesk>>

/** Passwords that meet the Vault policy, each different. */
export const IMPORTED_PASSWORDS = ['Imported-Vault-1!xyz', 'Second#Import-2026', 'Third+Vault=Key77', 'Fourth!Vault-Pass9']
