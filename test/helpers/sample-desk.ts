import type { TestContext } from 'node:test'
import type { Customer } from '../../main/common/customer-model'
import { openDesk, type OpenDeskOptions, type OpenedDesk } from '../harness/open-desk'
import { SAMPLE_CUSTOMERS, seedCustomers } from './customer-seeds'
import { tempDesk } from './temp-desk'

/** A desk with the eight sample customers created through the real handlers, listed in the page. */
export async function openWithSamples(
  t: TestContext,
  options: Omit<OpenDeskOptions, 'dataDir' | 'keychainService'> = {},
): Promise<OpenedDesk & { seeded: Customer[] }> {
  const { dataDir, keychainService } = await tempDesk(t)
  const opened = await openDesk({ ...options, dataDir, keychainService })
  t.after(() => opened.close())
  const seeded = await seedCustomers(opened.desk, SAMPLE_CUSTOMERS)
  await opened.page.reload()
  await opened.page.getByText('8 of 8 customers').waitFor()
  return { ...opened, seeded }
}
