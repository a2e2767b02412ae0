import { app, Menu, shell } from 'electron'
import { dirname } from 'node:path'
import type { EmitDeskEvent } from '../common/contract'
import { appMenuTemplate } from '../menu/app-menu-template'

/** Sets the application menu: commands go to the page as `menu.command` events, "Show in folder" to the file manager, Lock to the desk's lock. */
export function installAppMenu(dataFile: string, emit: EmitDeskEvent, lock: () => void): void {
  const template = appMenuTemplate(process.platform, { isPackaged: app.isPackaged, appName: app.getName(), version: app.getVersion(), dataFolder: dirname(dataFile) }, (action) => {
    // main chooses the path; the page never names one.
    if (action.kind === 'show-data-file') shell.showItemInFolder(dataFile)
    else if (action.kind === 'lock') lock()
    else emit('menu.command', action.command)
  })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
