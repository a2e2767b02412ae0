import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { appMenuTemplate, type AppMenuInfo, type MenuAction, type MenuEntry } from '../../main/menu/app-menu-template'

const INFO: AppMenuInfo = { isPackaged: true, appName: 'MSP Customer Desk', version: '1.2.3', dataFolder: '/data' }
const children = (item: MenuEntry | undefined): MenuEntry[] => (Array.isArray(item?.submenu) ? item.submenu : [])
const walk = (items: MenuEntry[]): MenuEntry[] => items.flatMap((item) => [item, ...walk(children(item))])
const plain = (label: string | undefined): string => (label ?? '').replace(/&/g, '')

function menuFor(platform: NodeJS.Platform) {
  const actions: MenuAction[] = []
  const template = appMenuTemplate(platform, INFO, (action) => actions.push(action))
  const find = (label: RegExp) => walk(template).find((item) => label.test(plain(item.label)))
  const menuOf = (item: MenuEntry | undefined) => template.find((menu) => walk(children(menu)).includes(item as MenuEntry))
  return { template, actions, find, menuOf }
}

describe('the lock in the application menu', () => {
  for (const platform of ['darwin', 'win32', 'linux'] as const) {
    test(`${platform}: File has Lock with Ctrl/Cmd+L, which main carries out itself (not the page)`, () => {
      const { actions, find, menuOf } = menuFor(platform)
      const lock = find(platform === 'darwin' ? /^Lock Desk$/ : /^Lock desk$/)
      assert.ok(lock, 'a Lock item')
      assert.equal(lock.accelerator, 'CmdOrCtrl+L')
      assert.equal(plain(menuOf(lock)?.label), 'File')
      lock.click?.()
      assert.deepEqual(actions, [{ kind: 'lock' }])
    })

    test(`${platform}: Settings… (Ctrl/Cmd+,) is ${platform === 'darwin' ? 'in the app menu' : 'in File'} and opens the page's Settings dialog`, () => {
      const { actions, find, menuOf } = menuFor(platform)
      const settings = find(/^Settings…$/)
      assert.ok(settings)
      assert.equal(settings.accelerator, 'CmdOrCtrl+,')
      assert.equal(plain(menuOf(settings)?.label), platform === 'darwin' ? 'MSP Customer Desk' : 'File')
      settings.click?.()
      assert.deepEqual(actions, [{ kind: 'command', command: 'settings' }])
    })
  }
})
