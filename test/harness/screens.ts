import type { FileDialogs } from '../../main/services/exports/file-dialogs'
import { emptyDeskNewCustomer, newCustomerButton } from '../helpers/customer-form-steps'
import { SAMPLE_CUSTOMERS, seedCustomers } from '../helpers/customer-seeds'
import { ACCESS_LOG_SCREENS } from './access-log-screens'
import { BILLING_SCREENS } from './billing-screens'
import { EXPORTS_SCREENS } from './exports-screens'
import { FORM_SCREENS } from './form-screens'
import { IMPORT_MAPPING_SCREENS } from './import-mapping-screens'
import type { LockPreset } from '../helpers/lock-preset'
import { LICENSE_SCREENS } from './license-screens'
import { LOCK_SCREENS } from './lock-screens'
import { MAINTENANCE_SCREENS } from './maintenance-screens'
import { NATIVE_SCREENS } from './native-screens'
import { PORTAL_FILL_SCREENS } from './portal-fill-screens'
import { PREVIOUS_PASSWORD_SCREENS } from './previous-password-screens'
import { ONBOARDING_SCREENS } from './onboarding-screens'
import type { OpenedDesk } from './open-desk'

/** The screens `npm run screenshots` renders; each prepares a fresh desk and leaves the page showing it. */
export interface Screen {
  name: string
  prepare(desk: OpenedDesk): Promise<void>
  /** Stands in for main's native file dialogs, answering in the screen's own data folder; none by default. */
  fileDialogs?(folder: string): FileDialogs
  /** Prepares the data folder before the desk opens it (a damaged file, backups from earlier days). */
  beforeOpen?(dataDir: string, keychainService: string): Promise<void>
  /** The window size and OS theme to render at; 1280×820 and light by default. */
  viewport?: { width: number; height: number }
  colorScheme?: 'light' | 'dark'
  /** How the desk's lock starts; "no lock" chosen earlier by default, so the desk shows at once. */
  lock?: LockPreset
}

export const SCREENS: Screen[] = [
  {
    name: '01-empty-desk',
    prepare: async ({ page }) => {
      await page.getByRole('heading', { name: 'No customers yet' }).waitFor()
    },
  },
  {
    name: '02-new-customer-error',
    prepare: async ({ page }) => {
      await emptyDeskNewCustomer(page).click()
      await page.getByLabel('Customer Company Name').press('Enter')
      await page.getByText('Enter the Customer Company Name.').waitFor()
    },
  },
  {
    name: '03-customer-list',
    prepare: async ({ page }) => {
      for (const name of ['Contoso Ltd', 'Fabrikam Inc', 'Northwind Traders']) {
        await newCustomerButton(page).click()
        await page.getByLabel('Customer Company Name').fill(name)
        await page.getByLabel('Customer Company Name').press('Enter')
        await page.getByRole('cell', { name }).waitFor()
      }
    },
  },
  {
    name: '10-customer-list',
    prepare: async (opened) => {
      await showSampleCustomers(opened)
    },
  },
  {
    name: '11-customer-detail',
    prepare: async (opened) => {
      await showSampleCustomers(opened)
      await opened.page.getByRole('row', { name: /^Contoso Ltd/ }).click()
      await opened.page.getByRole('region', { name: 'Details of Contoso Ltd' }).getByRole('listitem').first().waitFor()
    },
  },
  {
    name: '12-customer-search-and-sort',
    prepare: async (opened) => {
      await showSampleCustomers(opened)
      await opened.page.getByLabel('Filter by service').selectOption('nexetic')
      await opened.page.getByRole('button', { name: 'Extra Storage', exact: true }).click()
      await opened.page.getByRole('button', { name: 'Extra Storage', exact: true }).click()
      await opened.page.getByLabel('Search customers').fill('com')
      await opened.page.getByText('3 of 8 customers').waitFor()
    },
  },
  {
    name: '13-customer-no-match',
    prepare: async (opened) => {
      await showSampleCustomers(opened)
      await opened.page.getByLabel('Search customers').fill('globex')
      await opened.page.getByRole('heading', { name: 'No customers match' }).waitFor()
    },
  },
  {
    name: '14-customer-delete-confirmation',
    prepare: async (opened) => {
      await showSampleCustomers(opened)
      await opened.page.getByRole('row', { name: /^Woodgrove Bank/ }).click()
      await opened.page.getByRole('region', { name: 'Details of Woodgrove Bank' }).getByRole('button', { name: 'Delete' }).click()
      await opened.page.getByRole('alertdialog', { name: 'Delete customer' }).waitFor()
    },
  },
]

/** Seeds the eight sample customers through the real handlers and reloads the page to list them. */
async function showSampleCustomers({ page, desk }: OpenedDesk): Promise<void> {
  await seedCustomers(desk, SAMPLE_CUSTOMERS)
  await page.reload()
  await page.getByRole('cell', { name: 'Contoso Ltd' }).waitFor()
}

SCREENS.push(...FORM_SCREENS)
SCREENS.push(...LICENSE_SCREENS)
SCREENS.push(...EXPORTS_SCREENS)
SCREENS.push(...IMPORT_MAPPING_SCREENS)
SCREENS.push(...MAINTENANCE_SCREENS)
SCREENS.push(...ACCESS_LOG_SCREENS)
SCREENS.push(...NATIVE_SCREENS)
SCREENS.push(...PORTAL_FILL_SCREENS)
SCREENS.push(...LOCK_SCREENS)
SCREENS.push(...BILLING_SCREENS)
SCREENS.push(...PREVIOUS_PASSWORD_SCREENS)
SCREENS.push(...ONBOARDING_SCREENS)
