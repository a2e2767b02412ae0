import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import { readdir, link, open, readFile, unlink, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { errorCode } from './atomic-file'

/** How often the holder renews its lock, and how long an observer watches a lock stand still before taking it over. */
export const LOCK_HEARTBEAT_MS = 30_000
export const LOCK_STALE_MS = 120_000

/**
 * The lock's times. `now` is this process's own monotonic clock (never the wall clock, never a file's
 * mtime, which another machine or a sleeping laptop may have set); tests pass their own to drive it.
 */
export interface LockTiming {
  now: () => number
  heartbeatMs: number
  staleMs: number
}

export const defaultLockTiming = (): LockTiming => ({ now: () => performance.now(), heartbeatMs: LOCK_HEARTBEAT_MS, staleMs: LOCK_STALE_MS })

export const lockPathFor = (file: string): string => `${file}.lock`

export interface LockOwner {
  pid: number
  host: string
  token: string
  /** Raised by every heartbeat: a lock whose counter stands still on the observer's clock is stale. */
  beat: number
}

type LockText = { kind: 'none' } | { kind: 'text'; text: string } | { kind: 'unreadable'; code: string }

async function readLockText(path: string): Promise<LockText> {
  try {
    return { kind: 'text', text: await readFile(path, 'utf8') }
  } catch (error) {
    const code = errorCode(error) ?? 'unknown error'
    return code === 'ENOENT' ? { kind: 'none' } : { kind: 'unreadable', code }
  }
}

function parseOwner(text: string): LockOwner | null {
  try {
    const parsed: unknown = JSON.parse(text)
    if (typeof parsed !== 'object' || parsed === null) return null
    const { pid, host, token, beat } = parsed as Record<string, unknown>
    return typeof pid === 'number' && typeof host === 'string' && typeof token === 'string' ? { pid, host, token, beat: typeof beat === 'number' ? beat : 0 } : null
  } catch {
    return null
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return errorCode(error) === 'EPERM'
  }
}

/**
 * A lock left by a process of this computer that is gone (or by this process, which tests reopen to
 * simulate a restart) is taken at once. A live process id proves nothing (ids are reused after a
 * crash or a reboot), so such a lock, like one from another machine, waits for the counter rule.
 */
const isLeftover = (owner: LockOwner | null): boolean =>
  owner !== null && owner.host === hostname() && (owner.pid === process.pid || !isProcessAlive(owner.pid))

/**
 * Watches another desk's lock on this process's clock: the lock is stale once its text (which holds
 * the heartbeat's counter) has stood still for `staleMs`. The counter only rises, so the same text
 * seen twice means no heartbeat came in between, however long ago the first look was.
 */
export class LockWatch {
  private seen: { text: string; since: number } | null = null
  constructor(private readonly timing: LockTiming) {}

  stoodStill(text: string): boolean {
    const now = this.timing.now()
    if (this.seen?.text !== text) {
      this.seen = { text, since: now }
      return false
    }
    return now - this.seen.since >= this.timing.staleMs
  }
}

/** Where a folder cannot hold hard links (FAT, some network shares), the lock is created in place instead. */
const LINK_UNSUPPORTED = new Set(['ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EPERM', 'EXDEV', 'EINVAL'])

const stagedLockPrefix = (path: string): string => `${basename(path)}.staged-`

/**
 * Creates the lock file only if there is none, and never empty: the whole text is written to a staged
 * file that is then hard-linked into place (link fails if the lock exists), so a desk killed while
 * taking the lock leaves either no lock or a complete one — never an empty lock nobody can name, which
 * would keep every other desk waiting out the stale time.
 */
async function createLockFile(path: string, text: string, token: string): Promise<void> {
  const staged = join(dirname(path), `${stagedLockPrefix(path)}${token}.tmp`)
  try {
    await writeFile(staged, text, { flag: 'wx' })
    try {
      await link(staged, path)
    } catch (error) {
      if (!LINK_UNSUPPORTED.has(errorCode(error) ?? '')) throw error
      await createLockFileInPlace(path, text)
    }
  } finally {
    await unlink(staged).catch(() => undefined)
  }
}

/** The staged lock files beside the lock, by name. */
async function stagedLockFiles(path: string): Promise<string[]> {
  const prefix = stagedLockPrefix(path)
  const names = await readdir(dirname(path)).catch(() => [] as string[])
  return names.filter((name) => name.startsWith(prefix) && name.endsWith('.tmp'))
}

/** Staged lock files a killed desk left behind; removed by the desk that then holds the lock. */
async function removeStagedLeftovers(path: string, ownToken: string): Promise<void> {
  for (const name of await stagedLockFiles(path)) {
    if (!name.includes(ownToken)) await unlink(join(dirname(path), name)).catch(() => undefined)
  }
}

/**
 * When the store opens, before it takes any lock: the staged lock files of processes of this computer
 * that are gone (a desk killed while taking the lock). Another live desk's, this process's own (a second
 * store of it may be taking the lock) and those it cannot name are left to the next holder of the lock.
 */
export async function removeDeadStagedLocks(file: string): Promise<void> {
  const path = lockPathFor(file)
  for (const name of await stagedLockFiles(path)) {
    const staged = join(dirname(path), name)
    const found = await readLockText(staged)
    const owner = found.kind === 'text' ? parseOwner(found.text) : null
    if (owner && owner.host === hostname() && owner.pid !== process.pid && !isProcessAlive(owner.pid)) await unlink(staged).catch(() => undefined)
  }
}

/** The same without hard links; one created but not written (a full disk) is removed again, so it blocks nobody. */
async function createLockFileInPlace(path: string, text: string): Promise<void> {
  const handle = await open(path, 'wx')
  try {
    await handle.writeFile(text)
  } catch (error) {
    await handle.close().catch(() => undefined)
    await unlink(path).catch(() => undefined)
    throw error
  }
  await handle.close()
}

const unknownOwner = { pid: 0, host: 'an unknown computer' }
const ownerOf = (owner: LockOwner | null) => (owner ? { pid: owner.pid, host: owner.host } : unknownOwner)

/** Who holds a live lock on the file, without taking it; null when nobody does (or it cannot be read: taking it will say why). */
export async function liveLockOwner(file: string, watch: LockWatch): Promise<{ pid: number; host: string } | null> {
  const found = await readLockText(lockPathFor(file))
  if (found.kind !== 'text') return null
  const owner = parseOwner(found.text)
  return isLeftover(owner) || watch.stoodStill(found.text) ? null : ownerOf(owner)
}

export type LockResult =
  | { kind: 'held'; lock: HeldLock }
  | { kind: 'busy'; owner: { pid: number; host: string } }
  | { kind: 'failed'; reason: string; code?: string }

/**
 * Takes the store's lock file so that two running desks (two processes, even on two machines sharing
 * a folder) never write the same file. Electron's single-instance lock already stops a second launch;
 * this is the store's own guarantee. A lock file that cannot be created means no lock, never a write without one.
 */
export async function acquireStoreLock(file: string, watch: LockWatch, timing: LockTiming): Promise<LockResult> {
  const path = lockPathFor(file)
  const owner: LockOwner = { pid: process.pid, host: hostname(), token: randomBytes(12).toString('hex'), beat: 0 }
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      await createLockFile(path, JSON.stringify(owner), owner.token)
      await removeStagedLeftovers(path, owner.token)
      return { kind: 'held', lock: new HeldLock(path, owner, timing) }
    } catch (error) {
      const code = errorCode(error) ?? 'unknown error'
      if (code !== 'EEXIST') return { kind: 'failed', reason: lockFailedReason(path, code), code }
    }
    const found = await readLockText(path)
    if (found.kind === 'unreadable') return { kind: 'failed', reason: lockFailedReason(path, found.code) }
    if (found.kind === 'text') {
      const current = parseOwner(found.text)
      if (!isLeftover(current) && !watch.stoodStill(found.text)) return { kind: 'busy', owner: ownerOf(current) }
      // Stale: remove it and race for it again with an exclusive create, so only one desk wins.
      await unlink(path).catch(() => undefined)
    }
  }
  return { kind: 'failed', reason: `The lock file ${path} kept changing hands between several MSP Customer Desks. To be safe this window saves nothing: restart MSP Customer Desk.` }
}

const lockFailedReason = (path: string, code: string): string =>
  `The lock file ${path}, which stops two MSP Customer Desks from writing the same customer file, could not be created (${code}). Without it this window saves nothing, so nothing can be overwritten; check the data folder's permissions, then restart MSP Customer Desk.`

/** This desk's lock: renewed by a heartbeat, and checked before every save. */
export class HeldLock {
  private beat = 0
  private readonly timer: NodeJS.Timeout

  constructor(
    private readonly path: string,
    private readonly owner: LockOwner,
    timing: LockTiming,
  ) {
    this.timer = setInterval(() => void this.renew(), timing.heartbeatMs)
    // The heartbeat never keeps the app (or a test) alive on its own.
    this.timer.unref()
  }

  /** Null while the lock file still holds this desk's token; otherwise why this desk no longer holds it. */
  async lost(): Promise<string | null> {
    const found = await readLockText(this.path)
    if (found.kind === 'none') return `The lock file ${this.path} was removed while this window had the customer file open, so another MSP Customer Desk may be writing it. To keep its changes, this window saves nothing: restart MSP Customer Desk.`
    if (found.kind === 'unreadable') return lockFailedReason(this.path, found.code)
    const current = parseOwner(found.text)
    if (current?.token === this.owner.token) return null
    const who = current ? (current.host === hostname() ? `process ${current.pid}` : `process ${current.pid} on ${current.host}`) : 'an unknown desk'
    return `Another MSP Customer Desk (${who}) took over the customer file while this window had it open (this computer may have slept). To keep its changes, this window saves nothing: restart MSP Customer Desk to see them.`
  }

  stop(): void {
    clearInterval(this.timer)
  }

  /** Only our own lock is removed: another desk may have taken it over since. */
  async release(): Promise<void> {
    this.stop()
    if ((await this.lost()) === null) await unlink(this.path).catch(() => undefined)
  }

  /**
   * Raises the counter in place. The text only grows (a larger number), so writing over it from the
   * start never leaves a torn tail; `r+` never recreates a lock file someone removed.
   */
  private async renew(): Promise<void> {
    if ((await this.lost()) !== null) return this.stop()
    this.beat += 1
    await writeFile(this.path, JSON.stringify({ ...this.owner, beat: this.beat }), { flag: 'r+' }).catch(() => undefined)
  }
}
