import { randomUUID } from 'node:crypto'
import { lstat, mkdir, readdir, readFile, rm, unlink } from 'node:fs/promises'
import { basename, isAbsolute, join } from 'node:path'
import { z } from 'zod'
import { DeskFailure } from '../../common/desk-error'
import { errorCode, tempPathFor, writeFileAtomic as writeStoreFileAtomic } from '../atomic-file'

/** In the data folder: one small file per export being written, naming its temp file, until the rename is done. */
export const EXPORTS_IN_FLIGHT_FOLDER = 'exports-in-flight'

const inFlightSchema = z.strictObject({ temp: z.string().min(1).max(4096) })

export const writeFailure = (target: string, error: unknown): DeskFailure =>
  error instanceof DeskFailure
    ? error
    : new DeskFailure('internal', `"${basename(target)}" could not be written (${errorCode(error) ?? 'unknown error'}). Check the folder's free space and permissions; no partial file was left.`)

/** Only a temp file of ours is ever removed: an absolute path to a hidden `.tmp` file, never a folder or a link's target. */
const isOurTemp = (path: string): boolean => isAbsolute(path) && basename(path).startsWith('.') && basename(path).endsWith('.tmp')

/** True once the temp file is gone; false when it cannot be reached now (a removed USB stick, a network folder offline). */
async function removeTemp(path: string): Promise<boolean> {
  try {
    // Something else under that name now (a folder, a link) is not ours to remove.
    if (!(await lstat(path)).isFile()) return true
    await unlink(path)
    return true
  } catch (error) {
    return errorCode(error) === 'ENOENT'
  }
}

async function readNote(note: string): Promise<string | null> {
  try {
    const parsed = inFlightSchema.safeParse(JSON.parse(await readFile(note, 'utf8')))
    return parsed.success && isOurTemp(parsed.data.temp) ? parsed.data.temp : null
  } catch {
    return null
  }
}

/**
 * Writes exports (sheets, lists, backups) whole or not at all, and leaves nothing behind after a crash.
 * The file is made in memory and written with the store's flushed temp-and-rename, so the only moment
 * a temp file exists is that write. A sheet with passwords in a temp file is a leak even for a moment a
 * crash can freeze, so before the temp is made its path is noted (flushed) in the data folder; the note
 * goes once the rename is done, and `sweep` (when the desk opens) removes any temp a note still names.
 */
export function createExportWriter(dataDir: string) {
  const folder = join(dataDir, EXPORTS_IN_FLIGHT_FOLDER)
  return {
    /** `secret`: the file holds passwords, so it is not written at all if its temp file cannot be noted first. */
    async write(target: string, data: string | Uint8Array, { secret }: { secret: boolean }): Promise<void> {
      const note = join(folder, `${randomUUID()}.json`)
      try {
        await mkdir(folder, { recursive: true, mode: 0o700 })
        await writeStoreFileAtomic(note, JSON.stringify({ temp: tempPathFor(target) }))
      } catch (error) {
        // Without passwords a temp file left by a crash is clutter, not a leak: the export still goes ahead.
        if (secret) {
          throw new DeskFailure('internal', `The sheets were not saved: they hold passwords, and the desk could not first note the temporary file in its data folder (${errorCode(error) ?? 'unknown error'}), which it needs to remove it after a crash.`)
        }
      }
      try {
        await writeStoreFileAtomic(target, data)
      } catch (error) {
        throw writeFailure(target, error)
      } finally {
        await rm(note, { force: true }).catch(() => undefined)
      }
    },

    /** Removes the temp files a crash left in the middle of a write, wherever the user had chosen to save. */
    async sweep(): Promise<void> {
      const names = await readdir(folder).catch(() => [] as string[])
      for (const name of names) {
        const note = join(folder, name)
        // A note's own temp file, from a crash while the note was written, names nothing yet.
        if (name.endsWith('.tmp')) {
          await rm(note, { force: true }).catch(() => undefined)
          continue
        }
        const temp = await readNote(note)
        // Kept for the next start when its temp file cannot be reached now.
        if (temp !== null && !(await removeTemp(temp))) continue
        await rm(note, { force: true }).catch(() => undefined)
      }
    },
  }
}

export type ExportWriter = ReturnType<typeof createExportWriter>
