import type { HandlerTable } from '../ipc/handler-table'
import { isTrustedSender } from '../security/window-policy'
import type { IpcMainPart } from './electron-parts'

/** Binds every channel of the handler table to ipcMain, refusing senders other than the app's own page. */
export function registerIpc(ipcMain: IpcMainPart, handlers: HandlerTable, appEntry: string): () => void {
  for (const [channel, handler] of handlers) {
    ipcMain.handle(channel, (event, payload) => {
      const frame = event.senderFrame
      if (!isTrustedSender(frame?.url, appEntry, frame !== null && frame === event.sender.mainFrame)) {
        return { ok: false, error: { code: 'invalid', message: 'Request refused: it did not come from the app window.' } }
      }
      return handler(payload)
    })
  }
  return () => {
    for (const channel of handlers.keys()) ipcMain.removeHandler(channel)
  }
}
