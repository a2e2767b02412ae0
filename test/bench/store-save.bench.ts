import { rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { CustomerStore, STORE_FILE_NAME } from '../../main/services/customer-store'
import { measurePair, type Bench, type BenchRow } from './bench-kit'

/**
 * One edit persisted: a change to one customer, serialised (only the changed customer is serialised
 * again) and written atomically: flushed to the disk, then renamed. Floor: writing the same bytes to
 * a temporary file and renaming it, unflushed.
 */
export const storeSave: Bench = {
  name: 'store save',
  async run({ dir, text, runs, data }) {
    const file = join(dir, STORE_FILE_NAME)
    await writeFile(file, text)
    const store = await CustomerStore.open(file)
    const floorFile = join(dir, 'floor.json')
    const rawSave = async () => {
      await writeFile(`${floorFile}.tmp`, text)
      await rename(`${floorFile}.tmp`, floorFile)
    }
    let edit = 0
    const saveOneEdit = () =>
      store.mutate((state) => {
        edit += 1
        const customer = state.customers[edit % state.customers.length]
        if (customer) customer.notes = `edit ${edit}`
      })

    // The store serialises every customer in the background right after opening; a user's first edit comes later.
    await store.warmed
    // The first write of a day also keeps the day's backup copy: measured on its own, once.
    const firstStart = performance.now()
    await saveOneEdit()
    const firstOfDay = performance.now() - firstStart
    const { ms, floorMs } = await measurePair(runs, saveOneEdit, rawSave)
    await store.close()

    const count = data.customers.length.toLocaleString('en')
    const rows: BenchRow[] = [
      { name: `save one edit (${count} customers)`, ms, floorName: 'write temp + rename, same bytes', floorMs, target: '≤ 50 ms', met: ms <= 50 },
      { name: 'first save of the day (+ backup copy), one run', ms: firstOfDay, floorName: null, floorMs: null, target: 'informative', met: true },
    ]
    return rows
  },
}
