import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { savedWindowStateSchema, type SavedWindowState } from '../window/window-bounds'
import { writeFileAtomic } from './atomic-file'

export const WINDOW_STATE_FILE_NAME = 'window-state.json'

/** The window's size, position and maximised state, in a small file of its own next to the customer file. */
export function windowStateFile(dataDir: string) {
  const file = join(dataDir, WINDOW_STATE_FILE_NAME)
  return {
    file,
    /** Null when there is none yet or it cannot be used: the window then opens at its default size. */
    async read(): Promise<SavedWindowState | null> {
      try {
        const parsed = savedWindowStateSchema.safeParse(JSON.parse(await readFile(file, 'utf8')))
        return parsed.success ? parsed.data : null
      } catch {
        return null
      }
    },
    async write(state: SavedWindowState): Promise<void> {
      await writeFileAtomic(file, `${JSON.stringify(state)}\n`)
    },
  }
}
