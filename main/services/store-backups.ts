import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { BACKUP_NAME_PATTERN, type BackupInfo } from '../common/contract/maintenance'
import { DeskFailure } from '../common/desk-error'
import { errorCode, writeFileAtomic } from './atomic-file'
import { fileStamp, parseStoreText } from './store-file'

export const BACKUP_FOLDER = 'backups'
export const KEEP_DAILY = 14
export const KEEP_BEFORE_RESTORE = 5

const DAILY = /^customers-(\d{4}-\d{2}-\d{2})\.json$/
/** The temporary file writeFileAtomic makes for a copy (`tempPathFor`): left behind only by a crash during that write. */
const COPY_TEMP = /^\.customers-[0-9TZ-]+(-before-restore)?\.json\.tmp$/
const BEFORE_RESTORE = /^customers-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-before-restore\.json$/

/** The user's own calendar day: a backup "of Monday" is the file as it was before Monday's first change. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

function describeName(name: string): { kind: BackupInfo['kind']; day: string; sortKey: string } | null {
  const daily = DAILY.exec(name)
  if (daily?.[1]) return { kind: 'daily', day: daily[1], sortKey: `${daily[1]}T0` }
  const before = BEFORE_RESTORE.exec(name)
  if (!before?.[1]) return null
  const taken = new Date(`${before[1]}T${before[2]}:${before[3]}:${before[4]}.${before[5]}Z`)
  return { kind: 'before-restore', day: localDay(taken), sortKey: `${localDay(taken)}T${taken.toISOString()}` }
}

/**
 * The dated copies of the customer file in `<data folder>/backups`: one per day (the newest
 * KEEP_DAILY kept) and one before each restore (the newest KEEP_BEFORE_RESTORE kept).
 */
export class StoreBackups {
  constructor(readonly folder: string) {}

  /** Keeps today's copy unless one exists: the first copy of a day is the file as the day began. */
  async keepDaily(text: Uint8Array, now: Date): Promise<string | null> {
    const name = `customers-${localDay(now)}.json`
    await mkdir(this.folder, { recursive: true })
    await this.sweepTemps()
    const existing = await stat(join(this.folder, name)).catch(() => null)
    if (existing) return null
    await writeFileAtomic(join(this.folder, name), text)
    await this.prune('daily', KEEP_DAILY)
    return name
  }

  async keepBeforeRestore(text: Uint8Array, now: Date): Promise<string> {
    const name = `customers-${fileStamp(now)}-before-restore.json`
    await mkdir(this.folder, { recursive: true })
    await this.sweepTemps()
    await writeFileAtomic(join(this.folder, name), text)
    await this.prune('before-restore', KEEP_BEFORE_RESTORE)
    return name
  }

  /** The backup's text; the name must be one of ours, so the page can never reach another file. */
  async read(name: string): Promise<string> {
    if (!BACKUP_NAME_PATTERN.test(name) || !describeName(name)) throw new DeskFailure('invalid', 'That is not the name of a backup.')
    try {
      return await readFile(join(this.folder, name), 'utf8')
    } catch (error) {
      throw new DeskFailure('not-found', `The backup ${name} could not be read (${errorCode(error) ?? 'unknown error'}); it may have been removed.`)
    }
  }

  /** Newest first; each copy is read to say how many customers it holds, or why it cannot be restored. */
  async list(): Promise<BackupInfo[]> {
    const named = (await this.names()).sort((a, b) => (a.sortKey < b.sortKey ? 1 : -1))
    const infos: BackupInfo[] = []
    for (const { name, kind, day } of named) {
      const path = join(this.folder, name)
      const size = await stat(path).then((info) => info.size).catch(() => 0)
      const parsed = parseStoreText(await readFile(path, 'utf8').catch(() => ''))
      const problem =
        parsed.kind === 'ok' ? null : parsed.kind === 'newer' ? 'It was written by a newer version of MSP Customer Desk.' : parsed.reason.replace('The customer file', 'This copy')
      infos.push({ name, kind, day, sizeBytes: size, customerCount: parsed.kind === 'ok' ? parsed.data.customers.length : null, problem })
    }
    return infos
  }

  /**
   * Removes the temp files of copies a crash interrupted (another day's would otherwise stay for ever).
   * Called only just before this desk writes a copy, that is while it holds the store's lock: no other
   * desk can be writing one then.
   */
  private async sweepTemps(): Promise<void> {
    const entries = await readdir(this.folder).catch(() => [] as string[])
    for (const name of entries.filter((entry) => COPY_TEMP.test(entry))) await unlink(join(this.folder, name)).catch(() => undefined)
  }

  private async names(): Promise<{ name: string; kind: BackupInfo['kind']; day: string; sortKey: string }[]> {
    const entries = await readdir(this.folder).catch(() => [] as string[])
    return entries.flatMap((name) => {
      const described = describeName(name)
      return described ? [{ name, ...described }] : []
    })
  }

  private async prune(kind: BackupInfo['kind'], keep: number): Promise<void> {
    const ofKind = (await this.names()).filter((entry) => entry.kind === kind).sort((a, b) => (a.sortKey < b.sortKey ? 1 : -1))
    for (const old of ofKind.slice(keep)) await unlink(join(this.folder, old.name)).catch(() => undefined)
  }
}
