import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createDesk, type Desk } from '../../main/desk'
import { dispatch } from '../../main/ipc/handler-table'
import { STORE_FILE_NAME } from '../../main/services/customer-store'
import type { FileDialogs } from '../../main/services/exports/file-dialogs'
import { createMemoryClipboard } from '../../main/services/secret-clipboard'
import type { BenchContext } from './bench-kit'

/** No bench row stores a password; a keychain service of its own all the same. */
export const BENCH_KEYCHAIN_SERVICE = 'msp-customer-desk-bench'

/** A desk over the generated customers whose save dialog answers with a new file in the bench's folder each time. */
export async function exportingDesk({ dir, text }: BenchContext): Promise<Desk> {
  await writeFile(join(dir, STORE_FILE_NAME), text)
  let file = 0
  const dialogs: FileDialogs = {
    chooseSaveFile: async (suggestedName) => {
      file += 1
      return join(dir, `${file} ${suggestedName}`)
    },
    chooseOpenFile: async () => null,
  }
  const desk = await createDesk({ dataDir: dir, keychainService: BENCH_KEYCHAIN_SERVICE, clipboard: createMemoryClipboard(), fileDialogs: dialogs })
  await desk.store.warmed
  return desk
}

/** One channel through the real handler table (payload check included); its value, or a thrown error. */
export async function call<T>(desk: Desk, channel: string, payload: unknown): Promise<T> {
  const result = await dispatch(desk.handlers, channel, payload)
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
  return result.value as T
}
