import { readdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { stringify } from 'csv-stringify/sync'
import type { Page } from 'playwright-core'
import type { FileDialogs } from '../../main/services/exports/file-dialogs'
import { dispatch } from '../../main/ipc/handler-table'
import { SAMPLE_CUSTOMERS, seedCustomers } from '../helpers/customer-seeds'
import type { OpenedDesk } from './open-desk'
import type { Screen } from './screens'

const PASSPHRASE = 'correct horse battery staple'

/** Main's dialogs for a screenshot: saves under the suggested name, opens the one file of the asked type in the folder. */
function folderDialogs(folder: string): FileDialogs {
  return {
    chooseSaveFile: async (suggestedName) => join(folder, suggestedName),
    async chooseOpenFile(filters) {
      const extensions = filters.flatMap((filter) => filter.extensions.map((extension) => `.${extension}`))
      const match = (await readdir(folder)).find((name) => extensions.some((extension) => name.endsWith(extension)))
      return match === undefined ? null : join(folder, match)
    },
  }
}

/** The folder the screen's dialogs answer in: its own data folder. */
const folderOf = ({ desk }: OpenedDesk): string => dirname(desk.store.file)

async function showSamples({ page, desk }: OpenedDesk): Promise<void> {
  await seedCustomers(desk, SAMPLE_CUSTOMERS)
  await page.reload()
  await page.getByRole('cell', { name: 'Contoso Ltd' }).waitFor()
}

async function pick(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: 'Data' }).click()
  await page.getByRole('menuitem', { name: item }).click()
}

const IMPORT_HEADER = ['Customer Company Name', 'Customer Username', 'Customer Email Address', 'Locations', 'User Licenses', 'Notify Users', 'Storage Type']

/** The Data menu and the sheet, import, backup and restore dialogs, appended to SCREENS. */
export const EXPORTS_SCREENS: Screen[] = [
  {
    name: '50-data-menu',
    prepare: async (opened) => {
      await showSamples(opened)
      await opened.page.getByRole('button', { name: 'Data' }).press('Enter')
      await opened.page.keyboard.press('ArrowDown')
      await opened.page.getByRole('menu', { name: 'Data' }).waitFor()
    },
  },
  {
    name: '51-sheet-include-passwords',
    prepare: async (opened) => {
      await showSamples(opened)
      await pick(opened.page, 'Customer sheets (PDF)…')
      const dialog = opened.page.getByRole('dialog', { name: 'Customer sheets for all 8 customers' })
      await dialog.getByRole('checkbox', { name: /Include passwords/ }).check()
      await dialog.getByRole('button', { name: 'Save PDF…' }).click()
      await dialog.getByText(/Tick this box/).waitFor()
    },
  },
  {
    name: '52-sheet-saved',
    fileDialogs: folderDialogs,
    prepare: async (opened) => {
      await showSamples(opened)
      await pick(opened.page, 'Customer sheets (PDF)…')
      const dialog = opened.page.getByRole('dialog', { name: 'Customer sheets for all 8 customers' })
      await dialog.getByRole('button', { name: 'Save PDF…' }).click()
      await dialog.getByText(/^Saved 8 customer sheets to/).waitFor()
    },
  },
  {
    name: '53-import-preview-errors',
    fileDialogs: folderDialogs,
    prepare: async (opened) => {
      await showSamples(opened)
      await writeFile(
        join(folderOf(opened), 'new customers.csv'),
        stringify([
          IMPORT_HEADER,
          ['Adatum Corporation', 'adatum', 'it@adatum.example', 'HQ', '', '', ''],
          ['Blue Yonder Airlines', 'blue yonder', 'ops@blueyonder', 'Hangar 2', '', '', ''],
          ['Wide World Importers', '', '', '', '0', 'it@wideworld.example;', 'Azure (Ireland)'],
          ['Proseware', 'contoso_backup', 'it@proseware.example', 'HQ', '', '', ''],
        ]),
      )
      await pick(opened.page, 'Import customers from CSV…')
      await opened.page.getByRole('table', { name: /Problems to fix/ }).waitFor()
    },
  },
  {
    name: '54-import-preview-duplicates',
    fileDialogs: folderDialogs,
    prepare: async (opened) => {
      await showSamples(opened)
      await writeFile(
        join(folderOf(opened), 'new customers.csv'),
        stringify([
          IMPORT_HEADER,
          ['Adatum Corporation', 'adatum', 'it@adatum.example', 'HQ, Branch_2', '', '', ''],
          ['Blue Yonder Airlines', '', '', '', '25', 'ops@blueyonder.example', 'Finnish S3 Storage'],
          ['CONTOSO LTD', 'contoso_2', 'it2@contoso.com', 'Galway', '', '', ''],
        ]),
      )
      await pick(opened.page, 'Import customers from CSV…')
      await opened.page.getByRole('button', { name: 'Import 3 customers' }).click()
      await opened.page.getByText(/Tick this box/).waitFor()
    },
  },
  {
    name: '55-backup-passphrase-error',
    prepare: async (opened) => {
      await showSamples(opened)
      await pick(opened.page, 'Back up the desk…')
      const dialog = opened.page.getByRole('dialog', { name: 'Back up the desk' })
      await dialog.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
      await dialog.getByLabel('Confirm passphrase', { exact: true }).fill('correct horse battery stapel')
      await dialog.getByLabel('Confirm passphrase', { exact: true }).press('Enter')
      await dialog.getByText('The two passphrases do not match.').waitFor()
    },
  },
  {
    name: '56-restore-preview',
    fileDialogs: folderDialogs,
    prepare: async (opened) => {
      await showSamples(opened)
      const made = await dispatch(opened.desk.handlers, 'desk:exports.backupCreate', { passphrase: PASSPHRASE, confirmPassphrase: PASSPHRASE })
      if (!made.ok) throw new Error(made.error.message)
      await pick(opened.page, 'Restore from a backup…')
      const dialog = opened.page.getByRole('dialog', { name: 'Restore from a backup' })
      await dialog.getByLabel('Backup passphrase', { exact: true }).fill(PASSPHRASE)
      await dialog.getByLabel('Backup passphrase', { exact: true }).press('Enter')
      await dialog.getByText(/^Restoring would add/).waitFor()
    },
  },
]
