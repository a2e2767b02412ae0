import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import { readFile, stat, unlink, utimes, writeFile } from 'node:fs/promises'
import { errorCode } from './atomic-file'

/** How often the holder marks its lock as alive, and when a lock nobody marked is taken over. */
export const LOCK_HEARTBEAT_MS = 30_000
export const LOCK_STALE_MS = 120_000

export const lockPathFor = (file: string): string => `${file}.lock`

interface LockOwner {
  pid: number
  host: string
  token: string
}

export type LockResult = { kind: 'held'; release: () => Promise<void> } | { kind: 'busy'; owner: { pid: number; host: string } }

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return errorCode(error) === 'EPERM'
  }
}

async function readOwner(path: string): Promise<LockOwner | null> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'))
    if (typeof parsed !== 'object' || parsed === null) return null
    const { pid, host, token } = parsed as Record<string, unknown>
    return typeof pid === 'number' && typeof host === 'string' && typeof token === 'string' ? { pid, host, token } : null
  } catch {
    return null
  }
}

/**
 * Whether a lock still guards a running desk. Its own process never blocks itself (tests reopen a
 * folder to simulate a restart; the app opens the store once). A lock whose heartbeat stopped is
 * stale even if its process id was reused after a crash or a reboot.
 */
async function isLive(path: string, owner: LockOwner | null): Promise<boolean> {
  if (!owner) return false
  if (owner.host === hostname() && (owner.pid === process.pid || !isProcessAlive(owner.pid))) return false
  const info = await stat(path).catch(() => null)
  // Real time, not the desk's clock: the heartbeat is written with the real time too.
  return info !== null && Date.now() - info.mtimeMs < LOCK_STALE_MS
}

/** Who holds a live lock on the file, without taking it; null when nobody does. */
export async function liveLockOwner(file: string): Promise<{ pid: number; host: string } | null> {
  const path = lockPathFor(file)
  const current = await readOwner(path)
  return current && (await isLive(path, current)) ? { pid: current.pid, host: current.host } : null
}

/**
 * Takes the store's lock file so that two running desks (two processes, even on two machines sharing
 * a folder) never write the same file. Electron's single-instance lock already stops a second launch;
 * this is the store's own guarantee.
 */
export async function acquireStoreLock(file: string): Promise<LockResult> {
  const path = lockPathFor(file)
  const owner: LockOwner = { pid: process.pid, host: hostname(), token: randomBytes(12).toString('hex') }
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      await writeFile(path, JSON.stringify(owner), { flag: 'wx' })
      return { kind: 'held', release: startHeartbeat(path, owner.token) }
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error
    }
    const current = await readOwner(path)
    if (current && (await isLive(path, current))) return { kind: 'busy', owner: { pid: current.pid, host: current.host } }
    // Stale: remove it and race for it again with an exclusive create, so only one desk wins.
    await unlink(path).catch(() => undefined)
  }
  throw new Error('The store lock kept changing hands.')
}

function startHeartbeat(path: string, token: string): () => Promise<void> {
  const timer = setInterval(() => {
    const at = new Date()
    void utimes(path, at, at).catch(() => undefined)
  }, LOCK_HEARTBEAT_MS)
  timer.unref()
  return async () => {
    clearInterval(timer)
    // Only our own lock is removed: another desk in this process may have taken it over since.
    if ((await readOwner(path))?.token === token) await unlink(path).catch(() => undefined)
  }
}
