import { app, BrowserWindow, clipboard, dialog, ipcMain, net, protocol, session, shell } from 'electron'
import { join } from 'node:path'
import { installAppMenu } from './electron/app-menu'
import { windowEmitter } from './electron/page-events'
import { runApp } from './electron/run-app'
import { rememberedWindow } from './electron/window-state'
import { WINDOW_MINIMUM } from './security/window-policy'

// The app's life is runApp's, over Electron's own objects; layer-1 tests run it over recording stand-ins.
void runApp<BrowserWindow>(
  { app, BrowserWindow, session, dialog, clipboard, shell, protocol, net, ipcMain },
  {
    env: process.env,
    rendererDir: join(import.meta.dirname, '../renderer'),
    preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
    eventsTo: windowEmitter,
    onDesk: (desk, emit) => installAppMenu(desk.store.file, emit),
    placeWindow: (dataDir) => rememberedWindow(dataDir, WINDOW_MINIMUM),
  },
)
