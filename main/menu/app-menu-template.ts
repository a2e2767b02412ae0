import type { MenuCommand } from '../common/contract'

/** What a menu item asks for: a command the page carries out, main showing the data file in the file manager, or main locking the desk. */
export type MenuAction = { kind: 'command'; command: MenuCommand } | { kind: 'show-data-file' } | { kind: 'lock' }

export interface AppMenuInfo {
  isPackaged: boolean
  appName: string
  version: string
  /** The folder that holds the customer file, shown in Help. */
  dataFolder: string
}

/** The roles this menu uses, in Electron's names; Menu.buildFromTemplate's type checks them where main/electron hands the items over. */
type MenuRole =
  | 'about' | 'services' | 'hide' | 'hideOthers' | 'unhide' | 'quit' | 'close' | 'undo' | 'redo' | 'cut' | 'copy' | 'paste'
  | 'pasteAndMatchStyle' | 'delete' | 'selectAll' | 'reload' | 'forceReload' | 'toggleDevTools' | 'resetZoom' | 'zoomIn'
  | 'zoomOut' | 'togglefullscreen' | 'help' | 'windowMenu'

/** One menu item as plain data: the part of Electron's MenuItemConstructorOptions the menu uses, so this file needs no Electron. */
export interface MenuEntry {
  label?: string
  role?: MenuRole
  type?: 'separator'
  accelerator?: string
  enabled?: boolean
  submenu?: MenuEntry[]
  click?: () => void
}

type Item = MenuEntry
const separator: Item = { type: 'separator' }

/**
 * The application menu in each system's convention, as plain data: macOS gets the app menu, Title Case
 * and a Window menu; Windows and Linux get sentence case, `&` mnemonics and Exit/Quit in File. Settings sits
 * in the app menu on macOS (⌘,) and in File elsewhere; Lock (Ctrl/Cmd+L, as KeePassXC's) in File, where main
 * carries it out itself, so it works whatever the page does. The developer's tools are left out of a
 * packaged build.
 */
export function appMenuTemplate(platform: NodeJS.Platform, info: AppMenuInfo, act: (action: MenuAction) => void): Item[] {
  const mac = platform === 'darwin'
  // macOS menus use Title Case, Windows and Linux sentence case; `&` marks the Alt+letter mnemonic outside macOS.
  const text = (macLabel: string, otherLabel: string): string => (mac ? macLabel : otherLabel)
  const top = (label: string): string => (mac ? label : `&${label}`)
  const command = (label: string, name: MenuCommand, accelerator?: string): Item => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => act({ kind: 'command', command: name }),
  })

  const settings = command(text('Settings…', 'Settings…'), 'settings', 'CmdOrCtrl+,')
  const lock: Item = { label: text('Lock Desk', 'Lock desk'), accelerator: 'CmdOrCtrl+L', click: () => act({ kind: 'lock' }) }

  const appMenu: Item = {
    label: info.appName,
    submenu: [{ role: 'about' }, separator, settings, separator, { role: 'services' }, separator, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, separator, { role: 'quit' }],
  }

  const file: Item = {
    label: top('File'),
    submenu: [
      command(text('New Customer…', 'New customer…'), 'new-customer', 'CmdOrCtrl+N'),
      separator,
      command(text('Import Customers from CSV…', 'Import customers from CSV…'), 'import'),
      {
        label: text('Export', 'Export'),
        submenu: [
          command(text('Customer Sheets (PDF)…', 'Customer sheets (PDF)…'), 'export-sheets'),
          command(text('List as CSV…', 'List as CSV…'), 'export-csv'),
          command(text('List as Spreadsheet (.xlsx)…', 'List as spreadsheet (.xlsx)…'), 'export-xlsx'),
        ],
      },
      separator,
      command(text('Back Up the Desk…', 'Back up the desk…'), 'backup'),
      command(text('Restore from a Backup…', 'Restore from a backup…'), 'restore'),
      separator,
      lock,
      ...(mac ? [] : [settings]),
      separator,
      mac ? { role: 'close' } : { role: 'quit', label: platform === 'win32' ? 'E&xit' : '&Quit' },
    ],
  }

  // The roles make cut, copy, paste and undo work in every field; on macOS nothing else would.
  const edit: Item = {
    label: top('Edit'),
    submenu: [{ role: 'undo' }, { role: 'redo' }, separator, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, ...(mac ? [{ role: 'pasteAndMatchStyle' } as Item] : []), { role: 'delete' }, separator, { role: 'selectAll' }],
  }

  const developer: Item[] = info.isPackaged ? [] : [separator, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }]
  const view: Item = {
    label: top('View'),
    submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, separator, { role: 'togglefullscreen' }, ...developer],
  }

  const help: Item = {
    role: 'help',
    label: top('Help'),
    submenu: [
      { label: `${info.appName} ${text('Version', 'version')} ${info.version}`, enabled: false },
      separator,
      { label: text('Data Folder:', 'Data folder:'), enabled: false },
      { label: info.dataFolder, enabled: false },
      {
        label: platform === 'darwin' ? 'Show in Finder' : platform === 'win32' ? 'Show in File Explorer' : 'Show in folder',
        click: () => act({ kind: 'show-data-file' }),
      },
    ],
  }

  return mac ? [appMenu, file, edit, view, { role: 'windowMenu' }, help] : [file, edit, view, help]
}
