import { join } from 'node:path'
import { dispatch } from '../../main/ipc/handler-table'
import { SAMPLE_CUSTOMERS, seedCustomers } from '../helpers/customer-seeds'
import { selectionBar } from '../helpers/list-selection-steps'
import type { OpenedDesk } from './open-desk'
import type { Screen } from './screens'

/** The sample desk with Contoso's first two Nexetic steps and the Vault credentials shared ticked. */
async function showOnboarding({ page, desk }: OpenedDesk): Promise<void> {
  const [contoso] = await seedCustomers(desk, SAMPLE_CUSTOMERS)
  const ticks = [
    { vendor: 'nexetic', step: 'activation-email' },
    { vendor: 'nexetic', step: 'domain-registered' },
    { vendor: 'x360', step: 'credentials-shared' },
  ]
  for (const tick of ticks) await dispatch(desk.handlers, 'desk:onboarding.setStep', { id: contoso?.id, ...tick, done: true })
  await page.reload()
  await page.getByRole('cell', { name: 'Contoso Ltd' }).waitFor()
}

export const ONBOARDING_SCREENS: Screen[] = [
  {
    name: '70-onboarding-steps',
    prepare: async (opened) => {
      await showOnboarding(opened)
      await opened.page.getByRole('row', { name: /^Contoso Ltd/ }).click()
      const steps = opened.page.getByRole('region', { name: 'Onboarding' })
      await steps.getByText('— 2 of 5 steps done').waitFor()
      await steps.scrollIntoViewIfNeeded()
    },
  },
  {
    name: '71-onboarding-unfinished-filter',
    prepare: async (opened) => {
      await showOnboarding(opened)
      await opened.page.getByRole('checkbox', { name: 'Onboarding not finished' }).check()
      await opened.page.getByText('5 of 8 customers').waitFor()
    },
  },
  {
    name: '72-several-selected',
    prepare: async (opened) => {
      await showOnboarding(opened)
      const { page } = opened
      await page.getByRole('row', { name: /^Alpine Ski House/ }).click()
      await page.getByRole('row', { name: /^Contoso Ltd/ }).click({ modifiers: ['Shift'] })
      await page.getByRole('row', { name: /^Litware Oy/ }).click({ modifiers: ['Control'] })
      await page.getByRole('group', { name: 'Selection' }).getByText('4 customers selected', { exact: true }).waitFor()
    },
  },
  {
    name: '73-sheets-for-selection',
    fileDialogs: (folder) => ({ chooseSaveFile: async (name) => join(folder, name), chooseOpenFile: async () => null }),
    prepare: async (opened) => {
      await showOnboarding(opened)
      const { page } = opened
      await page.getByRole('row', { name: /^Alpine Ski House/ }).click()
      await page.getByRole('row', { name: /^Contoso Ltd/ }).click({ modifiers: ['Shift'] })
      await selectionBar(page).getByRole('button', { name: 'Sheets (PDF)…' }).click()
      const dialog = page.getByRole('dialog', { name: 'Customer sheets for 3 customers' })
      await dialog.getByRole('checkbox', { name: /Include onboarding steps/ }).check()
    },
  },
]
