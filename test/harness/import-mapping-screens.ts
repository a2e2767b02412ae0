import { readdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { stringify } from 'csv-stringify/sync'
import type { FileDialogs } from '../../main/services/exports/file-dialogs'
import { SAMPLE_CUSTOMERS, seedCustomers } from '../helpers/customer-seeds'
import type { OpenedDesk } from './open-desk'
import type { Screen } from './screens'

/** Opens the one CSV in the screen's own data folder. */
const csvInDataFolder = (folder: string): FileDialogs => ({
  chooseSaveFile: async (suggestedName) => join(folder, suggestedName),
  async chooseOpenFile() {
    const match = (await readdir(folder)).find((name) => name.endsWith('.csv'))
    return match === undefined ? null : join(folder, match)
  },
})

async function openImportOf({ page, desk }: OpenedDesk, name: string, records: string[][]) {
  await seedCustomers(desk, SAMPLE_CUSTOMERS)
  await page.reload()
  await page.getByRole('cell', { name: 'Contoso Ltd' }).waitFor()
  await writeFile(join(dirname(desk.store.file), name), stringify(records))
  await page.getByRole('button', { name: 'Data' }).click()
  await page.getByRole('menuitem', { name: 'Import customers from CSV…' }).click()
  return page.getByRole('dialog', { name: 'Import customers from CSV' })
}

const KEEPASS = ['Group', 'Title', 'Username', 'Password', 'URL', 'Notes', 'TOTP', 'Icon', 'Last Modified', 'Created']

/** The import's mapping step and the password mode's preview, appended to SCREENS. */
export const IMPORT_MAPPING_SCREENS: Screen[] = [
  {
    name: '57-import-mapping-step',
    fileDialogs: csvInDataFolder,
    prepare: async (opened) => {
      const dialog = await openImportOf(opened, 'crm export.csv', [
        ['Client', 'Login', 'Mail', 'Secret', 'Api Token', 'Remarks'],
        ['Adatum Corporation', 'adatum', 'it@adatum.example', 'Adatum-Vault-2026!', 'tok-1', ''],
      ])
      const mapping = dialog.getByRole('form', { name: 'Map the columns' })
      await mapping.getByLabel('Desk field for “Client”').selectOption({ label: 'Customer Company Name' })
      await mapping.getByLabel('Desk field for “Login”').selectOption({ label: 'Customer Username' })
      await mapping.getByLabel('Desk field for “Mail”').selectOption({ label: 'Customer Email Address' })
      await mapping.getByLabel('Desk field for “Secret”').selectOption({ label: 'Customer Password' })
      await mapping.getByLabel('Desk field for “Remarks”').selectOption({ label: 'Customer Company Name' })
      await mapping.getByLabel('Locations (every row)').fill('HQ')
      await mapping.getByLabel('Save this mapping as').fill('Our CRM')
      await mapping.getByRole('button', { name: 'Show preview' }).click()
      await mapping.getByText('is already filled from the column', { exact: false }).waitFor()
      await mapping.getByLabel('Desk field for “Remarks”').scrollIntoViewIfNeeded()
    },
  },
  {
    name: '58-import-passwords-preview',
    fileDialogs: csvInDataFolder,
    prepare: async (opened) => {
      const dialog = await openImportOf(opened, 'keepass.csv', [
        KEEPASS,
        ['Customers', 'Contoso', 'contoso_backup', 'Contoso-Vault-2026!', '', '', '', '0', '', ''],
        ['Customers', 'Fabrikam', 'fabrikam_dr', 'Fabrikam#Vault-99', '', '', '', '0', '', ''],
        ['Customers', 'Old entry', 'retired_user', 'Retired-Vault-1!', '', '', '', '0', '', ''],
        ['Customers', 'Woodgrove', 'woodgrove_vault', 'Woodgrove=Key+42', '', '', '', '0', '', ''],
        ['Customers', 'Woodgrove (old)', 'woodgrove_vault', 'Woodgrove=Key+41', '', '', '', '0', '', ''],
      ])
      await dialog.getByRole('button', { name: 'Change column mapping…' }).click()
      const mapping = dialog.getByRole('form', { name: 'Map the columns' })
      await mapping.getByRole('radio', { name: /Vault passwords for customers already on the desk/ }).check()
      await mapping.getByRole('button', { name: 'Show preview' }).click()
      await dialog.getByRole('table', { name: /^Matched/ }).waitFor()
    },
  },
  {
    name: '59-import-left-out',
    fileDialogs: csvInDataFolder,
    prepare: async (opened) => {
      const dialog = await openImportOf(opened, 'bitwarden_export.csv', [
        ['folder', 'favorite', 'type', 'name', 'notes', 'fields', 'reprompt', 'login_uri', 'login_username', 'login_password', 'login_totp'],
        ['Customers', '', 'login', 'Adventure Works', '', '', '0', '', 'adventure_vault', 'Adatum-Vault-2026!', ''],
        ['Office', '', 'note', 'Office wifi', 'WPA key in the safe', '', '0', '', '', '', ''],
        ['Customers', '', 'login', 'Wide World Importers', 'DR site', '', '0', '', 'wideworld_dr', 'WideWorld=Key+42', ''],
        ['', '', 'card', 'Company card', '', '', '0', '', '', '', ''],
        ['Office', '', 'note', 'Alarm code', '', '', '0', '', '', '', ''],
      ])
      await dialog.getByRole('button', { name: 'Change column mapping…' }).click()
      const mapping = dialog.getByRole('form', { name: 'Map the columns' })
      await mapping.getByLabel('Customer Email Address (every row)').fill('backup@msp.example')
      await mapping.getByLabel('Locations (every row)').fill('HQ')
      await mapping.getByRole('button', { name: 'Show preview' }).click()
      await dialog.getByRole('table', { name: /^Customers to create/ }).waitFor()
    },
  },
]
