import type { OpenDialogOptions, SaveDialogOptions } from 'electron'
import { join } from 'node:path'
import type { FileDialogs } from '../services/exports/file-dialogs'
import type { DialogPart } from './electron-parts'

/** The OS dialogs, attached to the main window when there is one; the path is the user's choice, never the page's. */
export function createElectronFileDialogs<W>(dialog: DialogPart<W>, documentsDir: () => string, window: () => W | null): FileDialogs {
  return {
    async chooseSaveFile(suggestedName, filters) {
      const options: SaveDialogOptions = {
        defaultPath: join(documentsDir(), suggestedName),
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
