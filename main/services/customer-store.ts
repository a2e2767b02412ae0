import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { Low, type Adapter } from 'lowdb'
import type { StoreStatus } from '../common/contract'
import type { BackupList, RestoreResult } from '../common/contract/maintenance'
import { DeskFailure } from '../common/desk-error'
import { errorCode, removeStaleTemp, writeFileAtomic } from './atomic-file'
import { BACKUP_FOLDER, KEEP_DAILY, localDay, StoreBackups } from './store-backups'
import { emptyDeskData, loadStoreFile, parseStoreText, type DeskData, type LoadedStore } from './store-file'
import { busyReason, checkStoreFolder, probeWritable } from './store-folder'
import { StoreSerializer } from './store-serializer'
import { migrate } from './store-migrations'
import { acquireStoreLock } from './store-lock'

export const STORE_FILE_NAME = 'customers.json'

/**
 * lowdb's adapter, written for this file: compact JSON (a third smaller and faster than lowdb's
 * indented JSONFile) that re-serialises only the customers that changed, written through
 * `writeFileAtomic`, which flushes before its rename and cleans up after a failed write. It keeps
 * the bytes it last wrote: that is what the disk holds.
 */
class AtomicJsonFile implements Adapter<DeskData> {
  written: Buffer | null = null
  readonly serializer = new StoreSerializer()
  constructor(private readonly file: string) {}
  async read(): Promise<DeskData | null> {
    const parsed = parseStoreText(await readFile(this.file, 'utf8'))
    return parsed.kind === 'ok' ? parsed.data : null
  }
  async write(data: DeskData): Promise<void> {
    const bytes = this.serializer.serialize(data)
    await writeFileAtomic(this.file, bytes)
    this.written = bytes
  }
}

function writeFailure(error: unknown, folder: string): DeskFailure {
  const code = errorCode(error)
  if (code === 'ENOSPC' || code === 'EDQUOT') {
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
  /** Taken at the first write, so a desk that only looks leaves no lock behind. */
  private releaseLock: (() => Promise<void>) | null = null
  private closed = false
  /** Resolves once every customer has been serialised ahead of the first save (see StoreSerializer.warm). */
  warmed: Promise<void> = Promise.resolve()

  private constructor(
    readonly file: string,
    private readonly db: Low<DeskData>,
    private readonly adapter: AtomicJsonFile,
    private currentStatus: StoreStatus,
    /** The bytes the file on disk holds; null while there is no file (new, or moved aside). */
    private persisted: Buffer | null,
    private readonly backups: StoreBackups,
    private readonly now: () => Date,
  ) {}

  /** `clock` is the desk's clock (a fixed date in some tests); it dates backups and kept-aside files. */
  static async open(file: string, clock: Date | (() => Date) = () => new Date()): Promise<CustomerStore> {
    const now = typeof clock === 'function' ? clock : () => clock
    const folder = await checkStoreFolder(file)
    let loaded: LoadedStore
    if (folder && 'unusable' in folder) loaded = { data: emptyDeskData(), status: { kind: 'read-only', reason: folder.unusable }, text: null }
    else if (folder) loaded = await peekStoreFile(file, folder.busy)
    else {
      await removeStaleTemp(file)
      loaded = await loadStoreFile(file, now())
      if (loaded.status.kind === 'ok' || loaded.status.kind === 'created') {
        const unwritable = await probeWritable(file)
        if (unwritable) loaded = { ...loaded, status: { kind: 'read-only', reason: unwritable } }
      }
    }
    const adapter = new AtomicJsonFile(file)
    const db = new Low<DeskData>(adapter, loaded.data)
    const backups = new StoreBackups(join(dirname(file), BACKUP_FOLDER))
    const store = new CustomerStore(file, db, adapter, loaded.status, loaded.text === null ? null : Buffer.from(loaded.text), backups, now)
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
      this.persisted = this.adapter.written
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
      try {
        if (this.persisted !== null) keptCurrentAs = await this.backups.keepBeforeRestore(this.persisted, this.now())
        await writeFileAtomic(this.file, text)
      } catch (error) {
        throw writeFailure(error, dirname(this.file))
      }
      this.db.data = parsed.data
      this.persisted = Buffer.from(text)
      this.currentStatus = { kind: 'ok' }
      return { restored: name, customerCount: parsed.data.customers.length, keptCurrentAs }
    })
  }

  /** Waits for the last write and lets another desk open the file. */
  async close(): Promise<void> {
    this.closed = true
    await this.queue
    await this.releaseLock?.()
    this.releaseLock = null
  }

  private serially<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run)
    this.queue = next.catch(() => undefined)
    return next
  }

  /**
   * Before the first write: take the lock, and make sure nobody changed the file since it was read
   * (another desk that has closed since). Either way the desk turns read-only rather than overwrite.
   */
  private async claimFile(): Promise<void> {
    this.refuseIfReadOnly()
    if (this.releaseLock) return
    const lock = await acquireStoreLock(this.file).catch(() => null)
    // A folder that refuses the lock file refuses the write too, which then says why.
    if (!lock) return
    if (lock.kind === 'busy') this.turnReadOnly(busyReason(lock.owner))
    else this.releaseLock = lock.release
    // undefined: the file could not be read (the write will say why); null: there is no file.
    const onDisk = await readFile(this.file).catch((error: unknown) => (errorCode(error) === 'ENOENT' ? null : undefined))
    const unchanged = onDisk === undefined || (onDisk === null ? this.persisted === null : this.persisted !== null && onDisk.equals(this.persisted))
    if (!unchanged) {
      await this.releaseLock?.()
      this.releaseLock = null
      this.turnReadOnly('The customer file was changed by another MSP Customer Desk after this window opened. To keep those changes, this window saves nothing: restart MSP Customer Desk to see them.')
    }
  }

  private turnReadOnly(reason: string): never {
    this.currentStatus = { kind: 'read-only', reason }
    throw new DeskFailure('store-read-only', `Nothing can be saved: ${reason}`)
  }

  private refuseIfReadOnly(): void {
    if (this.currentStatus.kind === 'read-only') this.turnReadOnly(this.currentStatus.reason)
  }

  /** Memory as the disk has it. That text passed the schema when it was read or written, so it is only parsed again (fast). */
  private persistedData(): DeskData {
    if (this.persisted === null) return emptyDeskData()
    return migrate(JSON.parse(this.persisted.toString('utf8'))) as DeskData
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
      reason: `${this.currentStatus.reason} A backup from ${newest.day} with ${newest.customerCount} customers can be restored.`,
    }
  }
}

/** Shows the file as it is without touching it, for a desk that must not write (another one has it open). */
async function peekStoreFile(file: string, busyReason: string): Promise<LoadedStore> {
  const text = await readFile(file, 'utf8').catch(() => '')
  const parsed = parseStoreText(text)
  return { data: parsed.kind === 'ok' ? parsed.data : emptyDeskData(), status: { kind: 'read-only', reason: busyReason }, text: null }
}
