import assert from 'node:assert/strict'
import type { Locator, Page } from 'playwright-core'
import { KEYCHAIN_ALL_GOOD } from '../../renderer/src/features/maintenance/maintenance-text'
import { SEED_PASSWORD } from './customer-seeds'
import { field, fillX360, openNewCustomer } from './customer-form-steps'
import { writeOnEarlierDays } from './earlier-days'

// One walk through every screen of the desk, shared by the layer-2 tests that must see all of them
// (no password on the page, no request off the app's origin), so they cannot drift apart.
// No character in these passwords needs escaping in HTML, so a page that leaks one holds it verbatim.
export const WALK_CHANGED_PASSWORD = 'Fabr1kam#Secret-99'
export const WALK_TYPED_PASSWORD = 'Litware=Key+42Oy'
export const WALK_PASSWORDS = [SEED_PASSWORD, WALK_CHANGED_PASSWORD, WALK_TYPED_PASSWORD]

/** The desk the walk expects: three customers written on two earlier days, so a daily backup exists. */
export async function seedWalkDesk(dataDir: string, keychainService: string): Promise<void> {
  await writeOnEarlierDays(dataDir, keychainService, [
    {
      at: new Date(2025, 0, 6, 9, 0),
      add: [
        {
          company: 'Contoso Ltd',
          x360: { username: 'contoso_backup', email: 'it@contoso.com', locations: 'Dublin_HQ, Cork_Branch' },
          nexetic: { domain: 'contoso.com', userLicenses: '45', extraStorage: '2048', notifyUsers: 'it@contoso.com' },
        },
        { company: 'Fabrikam Inc', x360: { username: 'fabrikam_dr', email: 'it@fabrikam.example', locations: 'Helsinki' } },
      ],
    },
    { at: new Date(2025, 0, 7, 9, 0), add: [{ company: 'Northwind Traders', nexetic: { userLicenses: '12', extraStorage: '500', notifyUsers: 'admin@northwindtraders.com' } }] },
  ])
}

export interface WalkHooks {
  /** Runs after each screen, named by `step`. */
  check(step: string): Promise<void>
  /** Runs while Reveal shows the Vault password of Contoso Ltd, before it is hidden. */
  whileRevealed?(revealed: Locator): Promise<void>
}

/**
 * List, form, Change Password, search, detail and history, Reveal, Copy password, edit, licence editor, totals,
 * deletion log, the Data menu's exports and sheets, and Maintenance; ends with every dialog closed.
 */
export async function walkEveryScreen(page: Page, hooks: WalkHooks): Promise<void> {
  const row = (company: string) => page.getByRole('row', { name: new RegExp(`^${company}`) })
  const detail = (company: string) => page.getByRole('region', { name: `Details of ${company}` })
  const notice = (text: string | RegExp) => page.getByRole('status').filter({ has: page.getByRole('button', { name: 'Dismiss message' }) }).filter({ hasText: text })

  await row('Contoso Ltd').waitFor()
  await hooks.check('list')

  // A customer created in the form with a typed password; once saved, the form and the password are gone.
  const form = await openNewCustomer(page)
  await field(form, 'Customer Company Name').fill('Litware Oy')
  await fillX360(form, { username: 'litware', email: 'tuki@litware.example', locations: 'Tampere', password: WALK_TYPED_PASSWORD })
  await field(form, 'Customer Confirm Password').press('Enter')
  await form.waitFor({ state: 'detached' })
  await notice('Litware Oy was added.').waitFor()
  await hooks.check('after creating a customer in the form')

  // Change Password, typed in its dialog; once saved, nothing of it stays.
  await row('Fabrikam Inc').click()
  await detail('Fabrikam Inc').getByRole('button', { name: 'Change Password' }).click()
  const change = page.getByRole('dialog', { name: 'Change Password for Fabrikam Inc' })
  await field(change, 'New password').fill(WALK_CHANGED_PASSWORD)
  await field(change, 'Confirm new password').fill(WALK_CHANGED_PASSWORD)
  await field(change, 'Confirm new password').press('Enter')
  await change.waitFor({ state: 'detached' })
  await notice('The Vault password of Fabrikam Inc was changed.').waitFor()
  await hooks.check('after Change Password')

  // Searching for a password finds no customer: it is not among the searchable fields.
  const search = page.getByLabel('Search customers')
  await search.fill(SEED_PASSWORD)
  await page.getByRole('heading', { name: 'No customers match' }).waitFor()
  await search.fill('')
  await search.fill('contoso')
  await page.getByText('1 of 4 customers').waitFor()
  await hooks.check('search')
  await search.fill('')

  await row('Contoso Ltd').click()
  await detail('Contoso Ltd').getByRole('region', { name: 'History' }).waitFor()
  await hooks.check('detail and history')

  // Reveal is the one screen that shows a password, while it is shown.
  await detail('Contoso Ltd').getByRole('button', { name: 'Reveal password' }).click()
  const revealed = detail('Contoso Ltd').getByLabel('Vault password')
  await revealed.waitFor()
  await hooks.whileRevealed?.(revealed)
  await detail('Contoso Ltd').getByRole('button', { name: 'Hide' }).click()
  await revealed.waitFor({ state: 'detached' })
  await hooks.check('after Reveal and Hide')

  await detail('Contoso Ltd').getByRole('button', { name: 'Copy password' }).click()
  await notice(/^Password copied/).waitFor()
  await hooks.check('after Copy password')

  await detail('Contoso Ltd').getByRole('button', { name: 'Edit', exact: true }).click()
  const edit = page.getByRole('dialog', { name: 'Edit Contoso Ltd' })
  await field(edit, 'Customer Company Name').waitFor()
  await hooks.check('edit form')
  await field(edit, 'Notes').fill('Reviewed with the customer.')
  await edit.getByRole('button', { name: 'Save changes' }).click()
  await edit.waitFor({ state: 'detached' })
  await hooks.check('after saving an edit')

  await detail('Contoso Ltd').getByRole('button', { name: 'Edit licenses and storage' }).click()
  const licenses = page.getByRole('dialog', { name: 'Edit licenses and storage of Contoso Ltd' })
  await licenses.getByLabel('User Licenses').fill('50')
  await hooks.check('license editor')
  await licenses.getByLabel('Reason (optional)').press('Enter')
  await licenses.waitFor({ state: 'detached' })
  await detail('Contoso Ltd').getByRole('region', { name: 'History' }).getByRole('listitem').filter({ hasText: 'User Licenses 45 → 50' }).first().waitFor()
  await page.getByRole('region', { name: 'Totals' }).waitFor()
  await hooks.check('history and totals after a license change')

  await row('Northwind Traders').click()
  await detail('Northwind Traders').getByRole('button', { name: 'Delete' }).click()
  await page.getByRole('alertdialog', { name: 'Delete customer' }).getByRole('button', { name: 'Delete' }).click()
  await notice('Northwind Traders was deleted.').waitFor()
  await page.getByRole('button', { name: 'Deleted customers' }).click()
  const deletions = page.getByRole('dialog', { name: 'Deleted customers' })
  await deletions.getByText('Northwind Traders').waitFor()
  await hooks.check('deletion log')
  await deletions.getByRole('button', { name: 'Close' }).click()

  // The Data menu's exports, all without "Include passwords".
  const pick = async (item: string) => {
    await page.getByRole('button', { name: 'Data' }).click()
    await page.getByRole('menu', { name: 'Data' }).getByRole('menuitem', { name: item }).click()
  }
  await pick('Export list as CSV…')
  await notice(/^Exported 3 customers to .+\.csv/).waitFor()
  await pick('Export list as spreadsheet (.xlsx)…')
  await notice(/^Exported 3 customers to .+\.xlsx/).waitFor()
  await hooks.check('list exports')
  await pick('Customer sheets (PDF)…')
  const sheets = page.getByRole('dialog', { name: 'Customer sheets for all 3 customers' })
  assert.equal(await sheets.getByRole('checkbox', { name: /Include passwords/ }).isChecked(), false)
  await sheets.getByRole('button', { name: 'Save PDF…' }).click()
  await sheets.getByText(/^Saved 3 customer sheets to /).waitFor()
  await hooks.check('customer sheets')
  await sheets.getByRole('button', { name: 'Close' }).click()
  await row('Fabrikam Inc').click()
  await detail('Fabrikam Inc').getByRole('button', { name: 'Customer sheet (PDF)' }).click()
  const sheet = page.getByRole('dialog', { name: 'Customer sheet for Fabrikam Inc' })
  await sheet.getByRole('button', { name: 'Save PDF…' }).click()
  await sheet.getByText(/^Saved 1 customer sheet to /).waitFor()
  await hooks.check('one customer sheet')
  await sheet.getByRole('button', { name: 'Close' }).click()

  await page.getByRole('button', { name: 'Maintenance' }).click()
  const maintenance = page.getByRole('dialog', { name: 'Maintenance' })
  await maintenance.getByRole('row').filter({ hasText: 'customers-2025-01-07.json' }).waitFor()
  await maintenance.getByRole('button', { name: 'Check the keychain' }).click()
  await maintenance.getByRole('status').filter({ hasText: KEYCHAIN_ALL_GOOD }).waitFor()
  await hooks.check('maintenance')
  await maintenance.getByRole('button', { name: 'Close' }).click()
}
