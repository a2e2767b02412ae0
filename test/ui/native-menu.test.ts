import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test, type TestContext } from 'node:test'
import type { MenuCommand } from '../../main/common/contract'
import { browserSkip, openDesk } from '../harness/open-desk'
import { tempDesk } from '../helpers/temp-desk'
import { scriptedDialogs } from '../helpers/export-fixtures'

async function openMenuDesk(t: TestContext) {
  const { dataDir, keychainService } = await tempDesk(t)
  const folder = await mkdtemp(join(tmpdir(), 'desk-menu-ui-'))
  t.after(() => rm(folder, { recursive: true, force: true }))
  const dialogs = scriptedDialogs(folder)
  const opened = await openDesk({ dataDir, keychainService, fileDialogs: dialogs })
  t.after(() => opened.close())
  await opened.page.getByRole('heading', { name: 'No customers yet' }).waitFor()
  return { ...opened, folder, dialogs }
}

describe('the application menu in the page', { skip: browserSkip }, () => {
  test('menu.command new-customer opens the customer form, as Ctrl/Cmd+N does in the app', async (t) => {
    const { page, emit, pageErrors } = await openMenuDesk(t)
    emit('menu.command', 'new-customer')
    const form = page.getByRole('dialog').filter({ has: page.getByLabel('Customer Company Name') })
    await form.waitFor()
    await form.getByLabel('Customer Company Name').fill('Contoso Ltd')
    await form.getByLabel('Customer Company Name').press('Enter')
    await page.getByRole('cell', { name: 'Contoso Ltd' }).waitFor()
    assert.deepEqual(pageErrors, [])
  })

  test('Import and Back up open the Data menu’s own dialogs; a command while a dialog is open opens nothing behind it', async (t) => {
    const { page, emit, folder, dialogs, pageErrors } = await openMenuDesk(t)
    const csv = join(folder, 'customers.csv')
    await writeFile(csv, 'Customer Company Name\r\nFabrikam Inc\r\n')
    dialogs.openWith(csv)
    emit('menu.command', 'import')
    const importDialog = page.getByRole('dialog', { name: /^Import customers/ })
    await importDialog.getByText('Fabrikam Inc').waitFor()

    emit('menu.command', 'backup')
    emit('menu.command', 'new-customer')
    // A round trip through the page after both events: had either opened a dialog, it would be there now.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)))
    assert.equal(await page.getByRole('dialog').count(), 1, 'only the import dialog')

    await page.keyboard.press('Escape')
    await importDialog.waitFor({ state: 'detached' })
    emit('menu.command', 'backup')
    await page.getByRole('dialog', { name: /^Back up/ }).waitFor()
    assert.deepEqual(pageErrors, [])
  })

  test('a payload that is not one of the contract’s commands never reaches the page’s handlers', async (t) => {
    const { page, emit, pageErrors } = await openMenuDesk(t)
    const dropped = page.waitForEvent('console', (message) => message.text().includes('Ignored a malformed menu.command event'))
    emit('menu.command', 'delete-everything' as MenuCommand)
    await dropped
    emit('menu.command', { command: 'new-customer' } as unknown as MenuCommand)
    await page.waitForEvent('console', (message) => message.text().includes('Ignored a malformed menu.command event'))
    assert.equal(await page.getByRole('dialog').count(), 0)
    assert.ok(pageErrors.length > 0 && pageErrors.every((error) => error.includes('Ignored a malformed menu.command event')), 'dropped, and said so')
    assert.equal(await page.getByRole('heading', { name: 'No customers yet' }).count(), 1)
  })
})
