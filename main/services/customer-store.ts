import { lstat, readFile, realpath, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { Low, type Adapter } from 'lowdb'
import { pluralText } from '../common/formats'
import type { StoreStatus } from '../common/contract'
import type { BackupList, RestoreResult } from '../common/contract/maintenance'
import { DeskFailure } from '../common/desk-error'
import { errorCode, removeStaleTemp, writeFileAtomic } from './atomic-file'
import { BACKUP_FOLDER, KEEP_DAILY, localDay, StoreBackups } from './store-backups'
import {
  emptyDeskData,
  identityOf,
  loadStoreFile,
  parseStoreBytes,
  parseStoreText,
  readWithIdentity,
  sameIdentity,
  type DeskData,
  type FileIdentity,
  type LoadedStore,
} from './store-file'
import { busyReason, checkStoreFolder, probeWritable } from './store-folder'
import { StoreSerializer } from './store-serializer'
import { migrate } from './migrations'
import { acquireStoreLock, defaultLockTiming, liveLockOwner, LockWatch, removeDeadStagedLocks, type HeldLock, type LockTiming } from './store-lock'
import { liftUnknownFields, noUnknownFields, type UnknownFields } from './store-unknown-fields'

export const STORE_FILE_NAME = 'customers.json'

/**
 * lowdb's adapter, written for this file: compact JSON (a third smaller and faster than lowdb's
 * indented JSONFile) that re-serialises only the customers that changed, written through
 * `writeFileAtomic`, which flushes before its rename and cleans up after a failed write. It keeps
 * the bytes it last wrote: that is what the disk holds.
 */
class AtomicJsonFile implements Adapter<DeskData> {
  written: { bytes: Buffer; identity: FileIdentity } | null = null
  readonly serializer = new StoreSerializer()
  constructor(
    private readonly file: string,
    /** Fields of the file the store does not know, put back at every write. */
    public unknowns: UnknownFields,
  ) {}
  async read(): Promise<DeskData | null> {
    const parsed = parseStoreBytes(await readFile(this.file))
    return parsed.kind === 'ok' ? parsed.data : null
  }
  async write(data: DeskData): Promise<void> {
    const bytes = this.serializer.serialize(data, this.unknowns)
    const written = await writeFileAtomic(this.file, bytes)
    this.written = { bytes, identity: identityOf(written) }
  }
}

export interface StoreOptions {
  /** The lock's clock and times; tests drive them instead of waiting. */
  lockTiming?: LockTiming
}

/**
 * The file the store reads and writes. A customers.json that is a link (to a synced or shared folder)
 * is resolved once, so the temporary file and the rename happen beside its target and the link stays.
 */
async function resolveTarget(file: string): Promise<{ target: string } | { unusable: string }> {
  const info = await lstat(file).catch(() => null)
  if (!info?.isSymbolicLink()) return { target: file }
  try {
    return { target: await realpath(file) }
  } catch (error) {
    return {
      unusable: `The customer file ${file} is a link to a file that cannot be reached (${errorCode(error) ?? 'unknown error'}). Nothing was read and nothing will be saved, so the link is left as it is; connect the drive it points to, then restart MSP Customer Desk.`,
    }
  }
}

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT'])

function writeFailure(error: unknown, folder: string): DeskFailure {
  const code = errorCode(error)
  if (DISK_FULL.has(code ?? '')) {
    return new DeskFailure('internal', `The disk holding the data folder (${folder}) is full, so this change was not saved. Your customer file was left as it was; free some space and try again.`)
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new DeskFailure('store-read-only', `The data folder (${folder}) cannot be written to (${code}), so this change was not saved. Your customer file was left as it was.`)
  }
  return new DeskFailure('internal', `This change could not be saved to disk (${code ?? 'unknown error'}). Your customer file was left as it was; check the free space and permissions of the data folder (${folder}).`)
}

/**
 * The customer file on lowdb. Every change goes through `mutate`: changes run one at a time, each
 * is written atomically before it resolves, and a change that fails (in the change itself or on
 * the disk) puts memory back as the file has it, so what the app shows never runs ahead of the disk.
 * Before the first write of each day, the file as it was is copied to the backups folder.
 */
export class CustomerStore {
  private queue: Promise<unknown> = Promise.resolve()
  private backedUpDay: string | null = null
  private backupProblem: string | null = null
  /** Taken at the first write, so a desk that only looks leaves no lock behind; checked before every write after. */
  private lock: HeldLock | null = null
  private closed = false
  /** Resolves once every customer has been serialised ahead of the first save (see StoreSerializer.warm). */
  warmed: Promise<void> = Promise.resolve()

  private constructor(
    /** The file as configured (shown to the user); `target` is where it really is. */
    readonly file: string,
    private readonly target: string,
    private readonly db: Low<DeskData>,
    private readonly adapter: AtomicJsonFile,
    private currentStatus: StoreStatus,
    /** The bytes the file on disk holds; null while there is no file (new, or moved aside). */
    private persisted: Buffer | null,
    /** The identity of the file holding `persisted`, as this desk last read or wrote it. */
    private identity: FileIdentity | null,
    private readonly backups: StoreBackups,
    private readonly now: () => Date,
    private readonly lockTiming: LockTiming,
    /** Another desk's lock, watched on this desk's own clock. */
    private readonly lockWatch: LockWatch,
    /** Opened read-only because another desk held the lock: takes over once that lock has gone stale. */
    private waitingForLock: boolean,
  ) {}

  /** `clock` is the desk's clock (a fixed date in some tests); it dates backups and kept-aside files. */
  static async open(file: string, clock: Date | (() => Date) = () => new Date(), options: StoreOptions = {}): Promise<CustomerStore> {
    const now = typeof clock === 'function' ? clock : () => clock
    const lockTiming = options.lockTiming ?? defaultLockTiming()
    const lockWatch = new LockWatch(lockTiming)
    const readOnly = (reason: string): LoadedStore => ({ data: emptyDeskData(), status: { kind: 'read-only', reason }, bytes: null, identity: null, unknowns: noUnknownFields() })
    const folder = await checkStoreFolder(file)
    const resolved = folder ? null : await resolveTarget(file)
    const target = resolved && 'target' in resolved ? resolved.target : file
    const owner = resolved && 'target' in resolved ? await liveLockOwner(target, lockWatch) : null
    let loaded: LoadedStore
    let waiting = false
    if (folder) loaded = readOnly(folder.unusable)
    else if (resolved && 'unusable' in resolved) loaded = readOnly(resolved.unusable)
    else if (owner) {
      const peeked = await peekStoreFile(target, busyReason(owner))
      loaded = peeked
      waiting = peeked.understood
    } else {
      await removeStaleTemp(target)
      await removeDeadStagedLocks(target)
      loaded = await loadStoreFile(target, now())
      if (loaded.status.kind === 'ok' || loaded.status.kind === 'created') {
        const unwritable = await probeWritable(target)
        if (unwritable) loaded = { ...loaded, status: { kind: 'read-only', reason: unwritable } }
      }
    }
    const adapter = new AtomicJsonFile(target, loaded.unknowns)
    const db = new Low<DeskData>(adapter, loaded.data)
    const backups = new StoreBackups(join(dirname(file), BACKUP_FOLDER))
    const store = new CustomerStore(file, target, db, adapter, loaded.status, loaded.bytes, loaded.identity, backups, now, lockTiming, lockWatch, waiting)
    if (loaded.status.kind === 'recovered') await store.mentionNewestBackup()
    if (loaded.status.kind !== 'read-only') store.warmed = adapter.serializer.warm(loaded.data.customers, () => store.closed)
    return store
  }

  get status(): StoreStatus {
    return this.currentStatus
  }

  get data(): Readonly<DeskData> {
    return this.db.data
  }

  /** Applies a change and persists it; resolves only once the file on disk holds it. */
  mutate<T>(change: (data: DeskData) => T): Promise<T> {
    return this.serially(async () => {
      await this.claimFile()
      await this.keepDailyBackup()
      let result: T
      try {
        result = change(this.db.data)
      } catch (error) {
        // A change that stops halfway (a customer deleted meanwhile) must not leave half of it in memory.
        this.db.data = this.persistedData()
        throw error
      }
      try {
        await this.db.write()
      } catch (error) {
        this.db.data = this.persistedData()
        throw writeFailure(error, dirname(this.file))
      }
      if (this.adapter.written) {
        this.persisted = this.adapter.written.bytes
        this.identity = this.adapter.written.identity
      }
      if (this.currentStatus.kind === 'created') this.currentStatus = { kind: 'ok' }
      return result
    })
  }

  async listBackups(): Promise<BackupList> {
    return { folder: this.backups.folder, backups: await this.backups.list(), keepDaily: KEEP_DAILY, problem: this.backupProblem }
  }

  /** Keeps the current file as a backup, then copies the chosen backup over it atomically and reloads. */
  restoreBackup(name: string): Promise<RestoreResult> {
    return this.serially(async () => {
      await this.claimFile()
      const text = await this.backups.read(name)
      const parsed = parseStoreText(text)
      if (parsed.kind === 'newer') throw new DeskFailure('invalid', `The backup ${name} was written by a newer version of MSP Customer Desk; update the app to restore it. Nothing was changed.`)
      if (parsed.kind === 'unreadable') throw new DeskFailure('invalid', `The backup ${name} cannot be restored: ${parsed.reason} Nothing was changed.`)
      let keptCurrentAs: string | null = null
      const bytes = Buffer.from(text.replace(/^\uFEFF/, ''))
      try {
        if (this.persisted !== null) keptCurrentAs = await this.backups.keepBeforeRestore(this.persisted, this.now())
        this.identity = identityOf(await writeFileAtomic(this.target, bytes))
      } catch (error) {
        throw writeFailure(error, dirname(this.file))
      }
      this.db.data = parsed.data
      this.adapter.unknowns = parsed.unknowns
      this.persisted = bytes
      this.currentStatus = { kind: 'ok' }
      return { restored: name, customerCount: parsed.data.customers.length, keptCurrentAs }
    })
  }

  /**
   * Runs `write` as this desk's next write, holding the store's lock, for the files beside the customer
   * file that share its one-writing-desk rule (the access log). Refused like a save on a read-only desk.
   */
  withWriteLock<T>(write: () => Promise<T>): Promise<T> {
    return this.serially(async () => {
      await this.claimFile()
      return write()
    })
  }

  /** Waits for the last write and lets another desk open the file. */
  async close(): Promise<void> {
    this.closed = true
    await this.queue
    await this.lock?.release()
    this.lock = null
  }

  /**
   * Runs `task` holding the lock, with no save of this desk in between: for work that must not race another
   * desk, such as settling what a crash left staged in the keychain. False, without running it, when this
   * desk may not write (another desk holds the lock, or wrote the file since this one read it).
   */
  async whileHoldingLock(task: () => Promise<void>): Promise<boolean> {
    return this.serially(async () => {
      try {
        await this.claimFile()
      } catch (error) {
        if (error instanceof DeskFailure && error.code === 'store-read-only') return false
        throw error
      }
      await task()
      return true
    })
  }

  private serially<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run)
    this.queue = next.catch(() => undefined)
    return next
  }

  /**
   * Before every write: this desk must hold the lock (its own token in the lock file) and the file must
   * be the one it last read or wrote. Otherwise another desk may have saved meanwhile (this computer
   * slept past the heartbeat, or a lock could not be seen), and the desk turns read-only rather than
   * write over it.
   */
  private async claimFile(): Promise<void> {
    if (this.waitingForLock) await this.takeOverStaleLock()
    this.refuseIfReadOnly()
    if (!this.lock) {
      const taken = await acquireStoreLock(this.target, this.lockWatch, this.lockTiming)
      // A full disk refuses this save with the disk's own message and lets a later one take the lock.
      if (taken.kind === 'failed' && DISK_FULL.has(taken.code ?? '')) throw writeFailure(Object.assign(new Error(taken.reason), { code: taken.code }), dirname(this.file))
      if (taken.kind === 'failed') this.turnReadOnly(taken.reason)
      if (taken.kind === 'busy') this.turnReadOnly(busyReason(taken.owner))
      this.lock = taken.lock
    } else {
      const lost = await this.lock.lost()
      if (lost) {
        this.lock.stop()
        this.lock = null
        this.turnReadOnly(lost)
      }
    }
    if (!(await this.fileIsAsLastSeen())) {
      await this.lock.release()
      this.lock = null
      this.turnReadOnly('The customer file was changed by another MSP Customer Desk after this window opened. To keep those changes, this window saves nothing: restart MSP Customer Desk to see them.')
    }
  }

  /** A desk that opened while another held the lock writes once that lock stood still long enough, if the file is still as it showed it. */
  private async takeOverStaleLock(): Promise<void> {
    const taken = await acquireStoreLock(this.target, this.lockWatch, this.lockTiming)
    if (taken.kind !== 'held') return
    this.waitingForLock = false
    this.lock = taken.lock
    if (!(await this.fileIsAsLastSeen())) {
      await this.lock.release()
      this.lock = null
      return
    }
    this.currentStatus = { kind: 'ok' }
    this.warmed = this.adapter.serializer.warm(this.db.data.customers, () => this.closed)
  }

  /** A cheap stat first; only when it differs are the bytes compared (a copy or a touch changes the stat, not the content). */
  private async fileIsAsLastSeen(): Promise<boolean> {
    let info
    try {
      info = await stat(this.target)
    } catch (error) {
      // Gone: fine only if this desk has no file either. Unreadable: the write will say why.
      return errorCode(error) === 'ENOENT' ? this.persisted === null : true
    }
    // Not a file (a folder in its place): no other desk's save, and the write will say why it fails.
    if (!info.isFile()) return true
    if (this.persisted === null) return false
    if (sameIdentity(this.identity, identityOf(info))) return true
    const onDisk = await readWithIdentity(this.target).catch(() => null)
    if (!onDisk) return true
    if (!onDisk.bytes.equals(this.persisted)) return false
    this.identity = onDisk.identity
    return true
  }

  private turnReadOnly(reason: string): never {
    this.currentStatus = { kind: 'read-only', reason }
    throw new DeskFailure('store-read-only', `Nothing can be saved: ${reason}`)
  }

  private refuseIfReadOnly(): void {
    if (this.currentStatus.kind === 'read-only') this.turnReadOnly(this.currentStatus.reason)
  }

  /**
   * Memory as the disk has it. Those bytes passed every check when they were read or written, so they
   * are only parsed again (fast), with the unknown fields lifted out again.
   */
  private persistedData(): DeskData {
    if (this.persisted === null) return emptyDeskData()
    const data = migrate(JSON.parse(jsonTextOf(this.persisted)))
    liftUnknownFields(data)
    return data as DeskData
  }

  /** A failed copy does not stop the save (the save is atomic on its own); the backups list reports it. */
  private async keepDailyBackup(): Promise<void> {
    const day = localDay(this.now())
    if (this.backedUpDay === day) return
    if (this.persisted !== null) {
      try {
        await this.backups.keepDaily(this.persisted, this.now())
        this.backupProblem = null
      } catch (error) {
        this.backupProblem = `The daily backup for ${day} could not be written (${errorCode(error) ?? 'unknown error'}).`
        return
      }
    }
    this.backedUpDay = day
  }

  private async mentionNewestBackup(): Promise<void> {
    if (this.currentStatus.kind !== 'recovered') return
    const newest = (await this.backups.list()).find((backup) => backup.customerCount !== null)
    if (!newest) return
    this.currentStatus = {
      ...this.currentStatus,
      reason: `${this.currentStatus.reason} A backup from ${newest.day} with ${pluralText(newest.customerCount ?? 0, 'customer')} can be restored.`,
    }
  }
}

/** The stored bytes as JSON text, without the byte-order mark a file read at open may start with. */
const jsonTextOf = (bytes: Buffer): string => bytes.toString('utf8').replace(/^\uFEFF/, '')

/**
 * Shows the file as it is without touching it, for a desk that must not write (another one has it
 * open). Its bytes are kept only when they were understood, so that taking over later can never write an empty desk over a file.
 */
async function peekStoreFile(file: string, busyReason: string): Promise<LoadedStore & { understood: boolean }> {
  const nothing = { data: emptyDeskData(), status: { kind: 'read-only', reason: busyReason } as const, bytes: null, identity: null, unknowns: noUnknownFields() }
  const read = await readWithIdentity(file).catch((error: unknown) => (errorCode(error) === 'ENOENT' ? null : undefined))
  if (read === null) return { ...nothing, understood: true }
  const parsed = read ? parseStoreBytes(read.bytes) : null
  if (!read || parsed?.kind !== 'ok') return { ...nothing, understood: false }
  return { ...nothing, data: parsed.data, bytes: read.bytes, identity: read.identity, unknowns: parsed.unknowns, understood: true }
}
