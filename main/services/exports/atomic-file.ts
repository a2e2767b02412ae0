import { randomBytes } from 'node:crypto'
import { createWriteStream, type WriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { DeskFailure } from '../../common/desk-error'
import { errorCode, writeFileAtomic as writeStoreFileAtomic } from '../atomic-file'

/** A hidden temp file beside the target for streamed output, so the final rename stays on one volume and is atomic. */
const streamTempPathFor = (target: string): string => join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.partial`)

export const writeFailure = (target: string, error: unknown): DeskFailure =>
  error instanceof DeskFailure
    ? error
    : new DeskFailure('internal', `"${basename(target)}" could not be written (${errorCode(error) ?? 'unknown error'}). Check the folder's free space and permissions; no partial file was left.`)

/** Writes the whole file or nothing (the store's flushed temp-and-rename), with a message for the user. */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeStoreFileAtomic(target, data)
  } catch (error) {
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
  const temp = streamTempPathFor(target)
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
