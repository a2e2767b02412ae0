import type { BrowserWindow } from 'electron'
import { eventChannelName, type EmitDeskEvent } from '../common/contract'

/** main-to-page events over the window's webContents; dropped while there is no window (before it opens, after it closes). */
export function windowEmitter(currentWindow: () => BrowserWindow | null): EmitDeskEvent {
  return (event, payload) => {
    const window = currentWindow()
    if (window && !window.isDestroyed()) window.webContents.send(eventChannelName(event), payload)
  }
}
