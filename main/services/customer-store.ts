import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { Low } from 'lowdb'
import { JSONFile } from 'lowdb/node'
import type { StoreStatus } from '../common/contract'
import { DeskFailure } from '../common/desk-error'
import { loadStoreFile, type DeskData } from './store-file'

export const STORE_FILE_NAME = 'customers.json'

/**
 * The customer file on lowdb. Every change goes through `mutate`, which writes atomically (lowdb's
 * writer goes through a temporary file and a rename) and puts memory back as the file has it when a
 * write fails, so what the app shows never runs ahead of the disk.
 */
export class CustomerStore {
  private constructor(
    readonly file: string,
    private readonly db: Low<DeskData>,
    private currentStatus: StoreStatus,
  ) {}

  static async open(file: string, now: Date): Promise<CustomerStore> {
    await mkdir(dirname(file), { recursive: true })
    const loaded = await loadStoreFile(file, now)
    const db = new Low<DeskData>(new JSONFile<DeskData>(file), loaded.data)
    db.data = loaded.data
    return new CustomerStore(file, db, loaded.status)
  }

  get status(): StoreStatus {
    return this.currentStatus
  }

  get data(): Readonly<DeskData> {
    return this.db.data
  }

  /** Applies a change and persists it; resolves only once the file on disk holds it. */
  async mutate<T>(change: (data: DeskData) => T): Promise<T> {
    if (this.currentStatus.kind === 'read-only') {
      throw new DeskFailure('store-read-only', `Nothing can be saved: ${this.currentStatus.reason}`)
    }
    const result = change(this.db.data)
    try {
      await this.db.write()
    } catch (error) {
      await this.restoreFromDisk()
      const code = error instanceof Error && 'code' in error ? ` (${String((error as NodeJS.ErrnoException).code)})` : ''
      throw new DeskFailure('internal', `The change could not be saved to disk${code}. Nothing was changed; check the free space and permissions of the data folder.`)
    }
    if (this.currentStatus.kind === 'created') this.currentStatus = { kind: 'ok' }
    return result
  }

  private async restoreFromDisk(): Promise<void> {
    const reloaded = await loadStoreFile(this.file, new Date())
    if (reloaded.status.kind === 'ok' || reloaded.status.kind === 'created') this.db.data = reloaded.data
    else this.currentStatus = reloaded.status
  }
}
