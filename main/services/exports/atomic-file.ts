import { randomBytes } from 'node:crypto'
import { createWriteStream, type WriteStream } from 'node:fs'
import { open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { DeskFailure } from '../../common/desk-error'

/** A hidden temp file beside the target, so the final rename stays on one volume and is atomic. */
const tempPathFor = (target: string): string => join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.partial`)

const errorCode = (error: unknown): string =>
  error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : 'unknown error'

export const writeFailure = (target: string, error: unknown): DeskFailure =>
  error instanceof DeskFailure
    ? error
    : new DeskFailure('internal', `"${basename(target)}" could not be written (${errorCode(error)}). Check the folder's free space and permissions; no partial file was left.`)

/** Writes the whole file or nothing: readers see the old file (or none) until the rename. */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const temp = tempPathFor(target)
  try {
    const handle = await open(temp, 'wx', 0o600)
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, target)
  } catch (error) {
    await rm(temp, { force: true })
    throw writeFailure(target, error)
  }
}

export interface AtomicStream {
  stream: WriteStream
  /** Waits for every byte to reach the temp file, then renames it over the target. */
  commit(): Promise<void>
  /** Stops writing and removes the temp file: the target is left as it was. */
  abort(): Promise<void>
}

/** For output produced piece by piece (the PDF): a stream into a temp file that becomes the target only on commit. */
export function openAtomicStream(target: string): AtomicStream {
  const temp = tempPathFor(target)
  const stream = createWriteStream(temp, { flags: 'wx', mode: 0o600 })
  let failure: unknown = null
  stream.on('error', (error) => {
    failure = error
  })
  const closed = new Promise<void>((resolve) => stream.once('close', () => resolve()))
  return {
    stream,
    async commit() {
      await closed
      if (failure !== null) {
        await rm(temp, { force: true })
        throw writeFailure(target, failure)
      }
      try {
        await rename(temp, target)
      } catch (error) {
        await rm(temp, { force: true })
        throw writeFailure(target, error)
      }
    },
    async abort() {
      if (!stream.destroyed) stream.destroy()
      await closed
      await rm(temp, { force: true })
    },
  }
}
