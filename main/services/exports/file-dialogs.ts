import { extname } from 'node:path'
import { DeskFailure } from '../../common/desk-error'

export interface FileFilter {
  name: string
  extensions: string[]
}

/**
 * The native dialogs, opened by main so that main, not the page, chooses every path it reads or
 * writes. Electron's implementation is in main/electron/file-dialogs.ts; tests answer with paths in
 * their temp folder. Null means the user closed the dialog.
 */
export interface FileDialogs {
  chooseSaveFile(suggestedName: string, filters: FileFilter[]): Promise<string | null>
  chooseOpenFile(filters: FileFilter[]): Promise<string | null>
}

const unavailable = (): never => {
  throw new DeskFailure('internal', 'No file dialog is available here, so no file can be chosen.')
}

/** For a desk with no window (tools, most tests): any export or import that needs a file says so. */
export const noFileDialogs: FileDialogs = {
  chooseSaveFile: async () => unavailable(),
  chooseOpenFile: async () => unavailable(),
}

/** Some dialogs save exactly what was typed: a name typed with no extension gets the format's. */
export function withExtension(path: string, extension: string): string {
  return extname(path) === '' ? `${path}.${extension}` : path
}

/** A file name suggestion that is valid on Windows, macOS and Linux. */
export function safeFileName(name: string): string {
  const cleaned = name
    .replace(/[\p{Cc}<>:"/\\|?*]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '')
  return cleaned.slice(0, 120) || 'Customer'
}

export const PDF_FILTERS: FileFilter[] = [{ name: 'PDF document', extensions: ['pdf'] }]
export const CSV_FILTERS: FileFilter[] = [{ name: 'CSV (comma-separated values)', extensions: ['csv'] }]
export const XLSX_FILTERS: FileFilter[] = [{ name: 'Excel workbook', extensions: ['xlsx'] }]
export const BACKUP_EXTENSION = 'deskbackup'
export const BACKUP_FILTERS: FileFilter[] = [{ name: 'MSP Customer Desk backup', extensions: [BACKUP_EXTENSION] }]
