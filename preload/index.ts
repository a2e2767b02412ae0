import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { DeskBridge } from '../main/common/contract'
import { createDeskApi, DESK_API_GLOBAL } from './desk-api'
import { createDeskEvents } from './desk-events'

// The page gets named methods on the contract's channels and events only, never ipcRenderer itself
// (nor the IPC event object, whose `sender` is ipcRenderer).
const bridge: DeskBridge = {
  ...createDeskApi((channel, payload) => ipcRenderer.invoke(channel, payload)),
  on: createDeskEvents((channel, deliver) => {
    const handler = (_event: IpcRendererEvent, payload: unknown) => deliver(payload)
    ipcRenderer.on(channel, handler)
    return () => {
      ipcRenderer.removeListener(channel, handler)
    }
  }),
}
contextBridge.exposeInMainWorld(DESK_API_GLOBAL, bridge)
