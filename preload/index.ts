import { contextBridge, ipcRenderer } from 'electron'
import { createDeskApi, DESK_API_GLOBAL } from './desk-api'

// The page gets named methods on the contract's channels only, never ipcRenderer itself.
contextBridge.exposeInMainWorld(
  DESK_API_GLOBAL,
  createDeskApi((channel, payload) => ipcRenderer.invoke(channel, payload)),
)
