import type { Stats } from 'node:fs'
import { lstat, open, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** The one temporary name per file (lowdb's own convention), so a crash leaves at most one stray file. */
export const tempPathFor = (file: string): string => join(dirname(file), `.${basename(file)}.tmp`)

export const errorCode = (error: unknown): string | undefined =>
  error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : undefined

// Windows virus scanners and indexers hold a just-written file for a moment; a rename is retried briefly.
const RENAME_RETRIES = 10
const RENAME_RETRY_MS = 50
const RETRYABLE = new Set(['EPERM', 'EACCES', 'EBUSY'])

async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await rename(from, to)
    } catch (error) {
      if (process.platform !== 'win32' || attempt >= RENAME_RETRIES || !RETRYABLE.has(errorCode(error) ?? '')) throw error
      await new Promise((wake) => setTimeout(wake, RENAME_RETRY_MS))
    }
  }
}

/** Makes the rename itself durable; directories cannot be opened for this on Windows, where NTFS journals it. */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await open(dir, 'r').catch(() => null)
  if (!handle) return
  await handle.sync().catch(() => undefined)
  await handle.close()
}

/**
 * Replaces `file` with `text` so that a reader (or a crash, or a power cut) sees either the whole old
 * file or the whole new one: write a temporary file, flush it to the disk, rename it over the file.
 * Unlike steno (lowdb's writer), it flushes before the rename and removes its temporary file when a
 * write fails (a half-written file would otherwise sit on a full disk). Returns the written file's
 * stat, taken before the rename (which keeps its inode, size and mtime), so a writer can later tell its own file from another's.
 */
export async function writeFileAtomic(file: string, text: string | Uint8Array): Promise<Stats> {
  const temp = tempPathFor(file)
  let written: Stats
  try {
    // Owner-only: the customer file and exports name customers and their contacts.
    const handle = await open(temp, 'w', 0o600)
    try {
      await handle.writeFile(text)
      await handle.sync()
      written = await handle.stat()
    } finally {
      await handle.close()
    }
    await renameWithRetry(temp, file)
  } catch (error) {
    await removeStaleTemp(file)
    throw error
  }
  await syncDirectory(dirname(file))
  return written
}

/** Removes the temporary file a crash may have left behind; it holds a write that was never acknowledged. */
export async function removeStaleTemp(file: string): Promise<void> {
  const temp = tempPathFor(file)
  const found = await lstat(temp).catch(() => null)
  if (found && !found.isDirectory()) await unlink(temp).catch(() => undefined)
}
