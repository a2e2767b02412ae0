import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { CustomerStore, STORE_FILE_NAME } from '../../main/services/customer-store'
import { measurePair, type Bench } from './bench-kit'

/** Opening the desk: read, parse, upgrade and validate every customer. Floor: readFile + JSON.parse of the same file. */
export const storeLoad: Bench = {
  name: 'store cold load',
  async run({ dir, text, runs, data }) {
    const file = join(dir, STORE_FILE_NAME)
    await writeFile(file, text)
    const { value, floorValue } = await measurePair(
      runs,
      async () => {
        const store = await CustomerStore.open(file)
        if (store.data.customers.length !== data.customers.length) throw new Error('the store did not load every customer')
        await store.close()
      },
      async () => JSON.parse(await readFile(file, 'utf8')),
    )
    return [{ name: `store cold load (${data.customers.length.toLocaleString('en')} customers, ${(text.length / 1e6).toFixed(1)} MB)`, value, floorName: 'readFile + JSON.parse', floorValue, target: '≤ 2× floor', met: value <= 2 * floorValue }]
  },
}
