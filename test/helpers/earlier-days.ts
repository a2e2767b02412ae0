import type { Customer } from '../../main/common/customer-model'
import { createDesk } from '../../main/desk'
import { createMemoryClipboard } from '../../main/services/secret-clipboard'
import { seedCustomers } from './customer-seeds'

type Seeds = Parameters<typeof seedCustomers>[1]

/**
 * Writes customers on earlier days, each through a real desk with its own clock, so the store takes
 * its real daily backups: the first change of each day copies the file as the day began to
 * `backups/customers-<that day>.json`. Each desk is closed before the next opens, as a restart would.
 */
export async function writeOnEarlierDays(dataDir: string, keychainService: string, days: { at: Date; add: Seeds }[]): Promise<Customer[]> {
  const created: Customer[] = []
  for (const { at, add } of days) {
    const desk = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard(), now: () => at })
    try {
      created.push(...(await seedCustomers(desk, add)))
    } finally {
      await desk.close()
    }
  }
  return created
}
