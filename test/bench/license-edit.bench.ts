import { rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createDesk } from '../../main/desk'
import { dispatch } from '../../main/ipc/handler-table'
import { STORE_FILE_NAME } from '../../main/services/customer-store'
import { createMemoryClipboard } from '../../main/services/secret-clipboard'
import { measurePair, type Bench } from './bench-kit'

/**
 * The edit staff make most: User Licenses changed through the real handler table (payload check,
 * portal rules, a history entry, the atomic save). Floor: the same raw write as for the save.
 */
export const licenseEdit: Bench = {
  name: 'license edit',
  async run({ dir, text, runs, data }) {
    await writeFile(join(dir, STORE_FILE_NAME), text)
    const desk = await createDesk({ dataDir: dir, keychainService: 'msp-customer-desk-bench', clipboard: createMemoryClipboard() })
    const withNexetic = data.customers.filter((customer) => customer.nexetic).map((customer) => customer.id)
    const floorFile = join(dir, 'floor.json')
    const bytes = Buffer.from(text)
    let edit = 0
    await desk.store.warmed
    await desk.store.mutate(() => undefined)
    const { value, floorValue } = await measurePair(
      runs,
      async () => {
        edit += 1
        const id = withNexetic[edit % withNexetic.length] ?? ''
        const result = await dispatch(desk.handlers, 'desk:licenses.change', { id, userLicenses: String(1000 + edit), extraStorage: '2 TB', reason: 'benchmark' })
        if (!result.ok) throw new Error(result.error.message)
      },
      async () => {
        await writeFile(`${floorFile}.tmp`, bytes)
        await rename(`${floorFile}.tmp`, floorFile)
      },
    )
    await desk.close()
    return [{ name: 'license change through the handler table (+ history entry)', value, floorName: 'write temp + rename, same bytes', floorValue, target: '≤ 50 ms', met: value <= 50 }]
  },
}
