import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { ACCESS_LOG_FILE_NAME } from '../../main/services/access-log/log-file'
import { SAMPLE_CUSTOMERS, seedCustomers } from '../helpers/customer-seeds'
import type { OpenedDesk } from './open-desk'
import type { Screen } from './screens'

/** The sample customers, with Contoso's password revealed and copied, Fabrikam's copied and Woodgrove's revealed. */
async function customersSeenAndCopied({ page, desk }: OpenedDesk): Promise<void> {
  await seedCustomers(desk, SAMPLE_CUSTOMERS)
  await page.reload()
  for (const [company, buttons] of [
    ['Woodgrove Bank', ['Reveal password']],
    ['Fabrikam Inc', ['Copy password']],
    ['Contoso Ltd', ['Reveal password', 'Copy password']],
  ] as const) {
    await page.getByRole('row', { name: new RegExp(`^${company}`) }).click()
    const detail = page.getByRole('region', { name: `Details of ${company}` })
    for (const name of buttons) {
      await detail.getByRole('button', { name }).click()
      await detail.getByRole('region', { name: 'Access log' }).getByRole('listitem').filter({ hasText: name === 'Copy password' ? 'Password copied' : 'Password revealed' }).waitFor()
    }
  }
}

async function openAccessLog(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Maintenance' }).click()
  const section = page.getByRole('dialog', { name: 'Maintenance' }).getByRole('region', { name: 'Access log' })
  await section.getByText(/entries, newest first\.$/).waitFor()
  return section
}

/** The access log's screens, appended to SCREENS. */
export const ACCESS_LOG_SCREENS: Screen[] = [
  {
    name: '70-access-log-in-detail',
    prepare: async (opened) => {
      await customersSeenAndCopied(opened)
      await opened.page.getByRole('region', { name: 'Details of Contoso Ltd' }).getByRole('region', { name: 'Access log' }).scrollIntoViewIfNeeded()
    },
  },
  {
    name: '71-maintenance-access-log',
    prepare: async (opened) => {
      await customersSeenAndCopied(opened)
      const section = await openAccessLog(opened.page)
      await section.getByRole('button', { name: 'Verify chain' }).click()
      await section.getByRole('status').filter({ hasText: 'The chain is intact' }).waitFor()
      await section.getByRole('heading', { name: 'Access log' }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }))
    },
  },
  {
    name: '72-access-log-chain-broken',
    prepare: async (opened) => {
      await customersSeenAndCopied(opened)
      // An entry removed behind the desk's back, as someone covering their tracks would.
      const file = join(opened.desk.store.file, '..', ACCESS_LOG_FILE_NAME)
      const lines = (await readFile(file, 'utf8')).split('\n')
      lines.splice(1, 1)
      await writeFile(file, lines.join('\n'))
      const section = await openAccessLog(opened.page)
      await section.getByRole('button', { name: 'Verify chain' }).click()
      const alert = section.getByRole('alert').filter({ hasText: 'The chain breaks at line 2' })
      await alert.waitFor()
      await alert.scrollIntoViewIfNeeded()
    },
  },
  {
    name: '73-exposed-since-changed',
    prepare: async (opened) => {
      await customersSeenAndCopied(opened)
      await openAccessLog(opened.page)
      const exposed = opened.page.getByRole('dialog', { name: 'Maintenance' }).getByRole('region', { name: 'Exposed since changed' })
      await exposed.getByRole('row').filter({ hasText: 'Contoso Ltd' }).waitFor()
      await exposed.getByRole('heading').evaluate((heading) => heading.scrollIntoView({ block: 'start' }))
    },
  },
]
