import { SAMPLE_CUSTOMERS, seedCustomers } from '../helpers/customer-seeds'
import { showLongNamesWithDetail, WINDOW_SIZES } from '../helpers/long-names'
import type { OpenedDesk } from './open-desk'
import type { Screen } from './screens'

async function samplesWithContoso({ page, desk }: OpenedDesk): Promise<void> {
  await seedCustomers(desk, SAMPLE_CUSTOMERS)
  await page.reload()
  await page.getByRole('row', { name: /^Contoso Ltd/ }).click()
  await page.getByRole('region', { name: 'Details of Contoso Ltd' }).getByRole('listitem').first().waitFor()
}

/** The dark theme on a few key screens, and each window size with a customer open; appended to SCREENS. */
export const NATIVE_SCREENS: Screen[] = [
  {
    name: '80-dark-empty-desk',
    colorScheme: 'dark',
    prepare: async ({ page }) => {
      await page.getByRole('heading', { name: 'No customers yet' }).waitFor()
    },
  },
  { name: '81-dark-customer-detail', colorScheme: 'dark', prepare: samplesWithContoso },
  {
    name: '82-dark-customer-form',
    colorScheme: 'dark',
    prepare: async (opened) => {
      await samplesWithContoso(opened)
      await opened.page.getByRole('region', { name: 'Details of Contoso Ltd' }).getByRole('button', { name: 'Edit', exact: true }).click()
      await opened.page.getByRole('dialog').getByLabel('Customer Company Name').waitFor()
    },
  },
  {
    name: '83-dark-data-menu',
    colorScheme: 'dark',
    prepare: async (opened) => {
      await samplesWithContoso(opened)
      await opened.page.getByRole('button', { name: 'Data' }).click()
      await opened.page.getByRole('menu', { name: 'Data' }).waitFor()
    },
  },
  ...WINDOW_SIZES.flatMap((viewport): Screen[] =>
    (['light', 'dark'] as const).map((colorScheme) => ({
      name: `85-size-${viewport.width}x${viewport.height}-${colorScheme}`,
      viewport,
      colorScheme,
      prepare: showLongNamesWithDetail,
    })),
  ),
]
