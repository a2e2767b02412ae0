import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { MENU_COMMANDS } from '../../main/common/contract'
import { appMenuTemplate, type AppMenuInfo, type MenuAction, type MenuEntry } from '../../main/menu/app-menu-template'

type Item = MenuEntry
const INFO: AppMenuInfo = { isPackaged: true, appName: 'MSP Customer Desk', version: '1.2.3', dataFolder: '/Users/ann/Library/Application Support/MSP Customer Desk' }
const PLATFORMS = ['darwin', 'win32', 'linux'] as const

function menuFor(platform: NodeJS.Platform, info: AppMenuInfo = INFO) {
  const actions: MenuAction[] = []
  const template = appMenuTemplate(platform, info, (action) => actions.push(action))
  return { template, actions }
}

const children = (item: Item | undefined): Item[] => (Array.isArray(item?.submenu) ? item.submenu : [])
const plain = (label: string | undefined): string => (label ?? '').replace(/&/g, '')
const top = (template: Item[], label: string): Item | undefined => template.find((item) => plain(item.label) === label)
/** Every item, depth first. */
const walk = (items: Item[]): Item[] => items.flatMap((item) => [item, ...walk(children(item))])
const roles = (items: Item[]): string[] => walk(items).flatMap((item) => (item.role ? [item.role] : []))
const byLabel = (items: Item[], pattern: RegExp): Item | undefined => walk(items).find((item) => pattern.test(plain(item.label)))
const click = (item: Item | undefined) => item?.click?.()

describe('the application menu', () => {
  test('macOS: the app menu first (About, Settings, Services, Hide, Quit), Title Case and a Window menu', () => {
    const { template } = menuFor('darwin')
    assert.deepEqual(
      template.map((item) => item.label ?? item.role),
      ['MSP Customer Desk', 'File', 'Edit', 'View', 'windowMenu', 'Help'],
    )
    const appMenu = template[0]
    assert.deepEqual(roles(children(appMenu)), ['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit'])
    assert.ok(byLabel(template, /^New Customer…$/), 'Title Case on macOS')
    assert.ok(roles(children(top(template, 'File'))).includes('close'), 'File ends with Close Window on macOS; Quit is in the app menu')
    assert.ok(!roles(children(top(template, 'File'))).includes('quit'))
  })

  for (const platform of ['win32', 'linux'] as const) {
    test(`${platform}: File, Edit, View, Help with Alt mnemonics, sentence case and ${platform === 'win32' ? 'Exit' : 'Quit'} at the end of File`, () => {
      const { template } = menuFor(platform)
      assert.deepEqual(
        template.map((item) => item.label),
        ['&File', '&Edit', '&View', '&Help'],
      )
      const fileItems = children(top(template, 'File'))
      const last = fileItems[fileItems.length - 1]
      assert.equal(last?.role, 'quit')
      assert.equal(last?.label, platform === 'win32' ? 'E&xit' : '&Quit')
      assert.ok(byLabel(template, /^New customer…$/), 'sentence case outside macOS')
      assert.ok(!roles(template).includes('about') && !roles(template).includes('services'), 'no macOS-only roles')
    })
  }

  for (const platform of PLATFORMS) {
    test(`${platform}: Ctrl/Cmd+N is New customer, and every File command reaches the page as its menu command`, () => {
      const { template, actions } = menuFor(platform)
      const newCustomer = byLabel(template, /^New customer…$/i)
      assert.equal(newCustomer?.accelerator, 'CmdOrCtrl+N')
      for (const item of walk(children(top(template, 'File')))) click(item)
      if (platform === 'darwin') click(byLabel(template, /^Settings…$/))
      assert.deepEqual(
        actions.map((action) => (action.kind === 'command' ? action.command : action.kind)),
        ['new-customer', 'import', 'export-sheets', 'export-csv', 'export-xlsx', 'backup', 'restore', 'lock', 'settings'],
      )
      assert.deepEqual(new Set(actions.flatMap((action) => (action.kind === 'command' ? [action.command] : []))), new Set(MENU_COMMANDS), 'every command the contract knows has an item')
    })

    test(`${platform}: Edit has the standard roles, so cut, copy, paste and undo work in every field`, () => {
      const edit = roles(children(top(menuFor(platform).template, 'Edit')))
      for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']) assert.ok(edit.includes(role), `${role} in Edit`)
    })

    test(`${platform}: View zooms in, out and back; reload and developer tools only in a development build`, () => {
      const packaged = menuFor(platform, { ...INFO, isPackaged: true }).template
      const view = roles(children(top(packaged, 'View')))
      for (const role of ['zoomIn', 'zoomOut', 'resetZoom']) assert.ok(view.includes(role), `${role} in View`)
      for (const role of ['toggleDevTools', 'reload', 'forceReload']) assert.ok(!roles(packaged).includes(role), `no ${role} in a packaged build`)
      const development = roles(menuFor(platform, { ...INFO, isPackaged: false }).template)
      assert.ok(development.includes('toggleDevTools') && development.includes('reload'), 'a development build keeps them')
    })

    test(`${platform}: Help shows the version and the data folder, and "Show in …" asks main to show the data file`, () => {
      const { template, actions } = menuFor(platform)
      const help = children(top(template, 'Help'))
      assert.ok(help.some((item) => item.label === `MSP Customer Desk ${platform === 'darwin' ? 'Version' : 'version'} 1.2.3`))
      assert.ok(help.some((item) => item.label === INFO.dataFolder))
      const show = help.find((item) => /^Show in /.test(item.label ?? ''))
      assert.equal(show?.label, { darwin: 'Show in Finder', win32: 'Show in File Explorer', linux: 'Show in folder' }[platform])
      click(show)
      assert.deepEqual(actions, [{ kind: 'show-data-file' }], 'the page never names the path: main shows its own data file')
    })
  }
})
