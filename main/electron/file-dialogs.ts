import { app, dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron'
import { join } from 'node:path'
import type { FileDialogs } from '../services/exports/file-dialogs'

/** The OS dialogs, attached to the main window when there is one; the path is the user's choice, never the page's. */
export function createElectronFileDialogs(window: () => BrowserWindow | null): FileDialogs {
  return {
    async chooseSaveFile(suggestedName, filters) {
      const options: SaveDialogOptions = {
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      }
      const owner = window()
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    },
    async chooseOpenFile(filters) {
      const options: OpenDialogOptions = { filters, properties: ['openFile'] }
      const owner = window()
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
  }
}
