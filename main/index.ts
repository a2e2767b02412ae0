import { app, BrowserWindow, clipboard, dialog, ipcMain, net, powerMonitor, protocol, session, shell, systemPreferences } from 'electron'
import { join } from 'node:path'
import { installAppMenu } from './electron/app-menu'
import { createElectronClipboard } from './electron/electron-clipboard'
import { windowEmitter } from './electron/page-events'
import { lockOnPowerEvents } from './electron/power-lock'
import { runApp } from './electron/run-app'
import { applySpellcheckPolicy } from './electron/spellcheck'
import { touchIdFor } from './electron/touch-id'
import { rememberedWindow } from './electron/window-state'
import { WINDOW_MINIMUM } from './security/window-policy'

// Every session gets the spellcheck policy before a page can ask for a dictionary (nothing may reach the network).
app.on('session-created', (created) => applySpellcheckPolicy(created))

// The app's life is runApp's, over Electron's own objects; layer-1 tests run it over recording stand-ins.
void runApp<BrowserWindow>(
  { app, BrowserWindow, session, dialog, clipboard: createElectronClipboard(clipboard), shell, protocol, net, ipcMain },
  {
    env: process.env,
    rendererDir: join(import.meta.dirname, '../renderer'),
    preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
    eventsTo: windowEmitter,
    onDesk: (desk, emit) => {
      installAppMenu(desk.store.file, emit, () => void desk.lock.trigger({ kind: 'manual' }))
      lockOnPowerEvents(powerMonitor, desk.lock)
    },
    lock: { touchId: touchIdFor(process.platform, systemPreferences) },
    placeWindow: (dataDir) => rememberedWindow(dataDir, WINDOW_MINIMUM),
  },
)
