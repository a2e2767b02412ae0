import { ClipboardItem, type Clipboard } from 'electron'
import type { TextClipboard } from '../services/secret-clipboard'

/** Electron 45's asynchronous clipboard behind the desk's TextClipboard; which formats a secret gets is decided in secret-clipboard.ts. */
export function createElectronClipboard(clipboard: Clipboard): TextClipboard {
  return {
    readText: () => clipboard.readText(),
    writeText: (text) => clipboard.writeText(text),
    // One item with every format: Electron commits a single write() to the OS clipboard atomically.
    writeSecret: (formats) =>
      clipboard.write([new ClipboardItem(Object.fromEntries(formats.map(({ type, data }) => [type, typeof data === 'string' ? data : new Blob([data])])))]),
    // Electron's clear() is synchronous; a throw becomes this promise's rejection.
    clear: async () => clipboard.clear(),
  }
}
