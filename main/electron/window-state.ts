import { screen, type BrowserWindow } from 'electron'
import { windowStateFile } from '../services/window-state-file'
import { restoreBounds, type Rect } from '../window/window-bounds'

export interface RememberedWindow {
  /** Where the window opens: spread into the BrowserWindow's options. */
  bounds: Rect
  /** Maximises the window if it was, and saves its state each time it closes. */
  track(window: BrowserWindow): void
}

/** The window comes back where it was, on a screen that still exists (decided by restoreBounds, tested in Node). */
export async function rememberedWindow(dataDir: string, minimum: { width: number; height: number }): Promise<RememberedWindow> {
  const stateFile = windowStateFile(dataDir)
  const primaryId = screen.getPrimaryDisplay().id
  const displays = screen.getAllDisplays().map((display) => ({ workArea: display.workArea, primary: display.id === primaryId }))
  const restored = restoreBounds(await stateFile.read(), displays, minimum)
  return {
    bounds: restored.bounds,
    track(window) {
      if (restored.maximized) window.once('ready-to-show', () => window.maximize())
      window.on('close', () => {
        // The normal bounds, so a window closed maximised still un-maximises to the size it had.
        const state = { bounds: window.getNormalBounds(), maximized: window.isMaximized() }
        stateFile.write(state).catch((error: unknown) => console.error('The window size could not be saved:', error instanceof Error ? error.message : error))
      })
    },
  }
}
