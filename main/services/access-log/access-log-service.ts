import { hostname, userInfo } from 'node:os'
import { dirname, join } from 'node:path'
import type { AccessAction } from '../../common/access-actions'
import type { EmitDeskEvent } from '../../common/contract'
import type { AccessEntryView, AccessLogFilter, AccessLogPage, AccessLogSaved, ChainReport, DialogClosed, ExposedCustomer } from '../../common/contract'
import { DeskFailure } from '../../common/desk-error'
import { errorCode, writeFileAtomic } from '../atomic-file'
import type { CustomerStore } from '../customer-store'
import type { ExportWriter } from '../exports/atomic-file'
import { CSV_FILTERS, withExtension, type FileDialogs } from '../exports/file-dialogs'
import { dayStamp } from '../exports/selection'
import { chainTail, entryLine, logEntries, readLogLines, sealEntry, verifyLines, type AccessEntry } from './chain'
import { exposedSinceChanged } from './exposed'
import { accessLogCsv } from './log-csv'
import { ACCESS_LOG_FILE_NAME, appendLogLines, readLogText } from './log-file'
import { matchesFilter } from './log-filter'
import { planLogRestore, type LogRestorePlan } from './log-restore'

/** One thing to record. The company is looked up from the customer when it is not given. Never a secret. */
export interface AccessEvent {
  action: AccessAction
  customerId?: string | null
  companyName?: string | null
  detail?: string | null
}

/** What the services that reveal, copy, print, back up or change a password are given: resolves once the entry is on the disk. */
export type RecordAccess = (events: AccessEvent | readonly AccessEvent[]) => Promise<void>

export interface AccessLogDeps {
  store: CustomerStore
  now: () => Date
  dialogs: FileDialogs
  writer: ExportWriter
  /** Tells the page that the log grew, so the views showing it read it again. */
  emit: EmitDeskEvent
}

/** The OS account and computer name; an account without a name (some containers) is still recorded as such. */
function whoIsHere(): { osUser: string; machine: string } {
  let osUser: string
  try {
    osUser = userInfo().username
  } catch {
    osUser = process.env.USER ?? process.env.USERNAME ?? '(unknown user)'
  }
  return { osUser, machine: hostname() }
}

const view = ({ prev: _prev, hash: _hash, ...entry }: AccessEntry): AccessEntryView => entry

/** The log could not be written; `reason` says why, for a message that fits what was (or was not) done. */
export class AccessNotRecorded extends DeskFailure {
  constructor(
    code: DeskFailure['code'],
    readonly reason: string,
  ) {
    super(code, `The access log could not record this, so it was not done. ${reason}`)
  }
}

function notRecorded(error: unknown): AccessNotRecorded {
  if (error instanceof AccessNotRecorded) return error
  if (error instanceof DeskFailure) return new AccessNotRecorded(error.code, error.message)
  return new AccessNotRecorded('internal', `The file could not be written (${errorCode(error) ?? 'unknown error'}); check the free space and permissions of the data folder.`)
}

/** For a change already saved (a new password, an import, a restore): the log's failure is told, never taken for the change's. */
export async function recordAfterSaving(record: RecordAccess, events: AccessEvent | readonly AccessEvent[], saved: string): Promise<void> {
  try {
    await record(events)
  } catch (error) {
    const reason = error instanceof AccessNotRecorded ? error.reason : 'The file could not be written.'
    throw new DeskFailure('internal', `${saved}, but the access log could not record it. ${reason}`)
  }
}

/**
 * The access log: one hash-chained JSON line per reveal, copy, printed password, backup, restore,
 * password change and import, lock and unlock, in the data folder. Appends hold the store's lock (one
 * writing desk per folder, so the chain has one writer) and are flushed before they resolve.
 */
export function createAccessLog({ store, now, dialogs, writer, emit }: AccessLogDeps) {
  const file = join(dirname(store.file), ACCESS_LOG_FILE_NAME)
  /** Where the chain goes on; read from the file at the first append and after anything went wrong. */
  let tail: ReturnType<typeof chainTail> | null = null

  const companyOf = (customerId: string | null): string | null => store.data.customers.find((customer) => customer.id === customerId)?.companyName ?? null

  const record: RecordAccess = async (events) => {
    const list = Array.isArray(events) ? (events as readonly AccessEvent[]) : [events as AccessEvent]
    if (list.length === 0) return
    try {
      await store.withWriteLock(async () => {
        const at = tail ?? chainTail(await readLogText(file))
        const when = now().toISOString()
        const { osUser, machine } = whoIsHere()
        let { seq, hash } = at
        // After a line cut short, the next entry starts on a line of its own.
        let text = at.endsWithNewline ? '' : '\n'
        for (const event of list) {
          const customerId = event.customerId ?? null
          const entry = sealEntry({ seq: seq + 1, at: when, action: event.action, customerId, companyName: event.companyName ?? companyOf(customerId), osUser, machine, detail: event.detail ?? null, prev: hash })
          text += entryLine(entry)
          seq = entry.seq
          hash = entry.hash
        }
        tail = null
        await appendLogLines(file, text)
        tail = { seq, hash, endsWithNewline: true }
      })
    } catch (error) {
      throw notRecorded(error)
    }
    emit('accessLog.recorded', { entries: list.length })
  }

  const entries = async (): Promise<AccessEntry[]> => logEntries(readLogLines(await readLogText(file)))

  return {
    file,
    record,

    async list(request: AccessLogFilter & { limit: number }): Promise<AccessLogPage> {
      const matching = (await entries()).filter((entry) => matchesFilter(entry, request)).reverse()
      return { entries: matching.slice(0, request.limit).map(view), matching: matching.length, file }
    },

    async verify(): Promise<ChainReport> {
      const { entries: count, breaks } = verifyLines(readLogLines(await readLogText(file)))
      return { file, entries: count, intact: breaks.every((found) => found.kind === 'torn'), breaks }
    },

    async exportCsv({ filter }: { filter: AccessLogFilter }): Promise<DialogClosed | AccessLogSaved> {
      const date = now()
      const chosen = await dialogs.chooseSaveFile(`Access log ${dayStamp(date)}.csv`, CSV_FILTERS)
      if (chosen === null) return { kind: 'cancelled' }
      const filePath = withExtension(chosen, 'csv')
      const rows = (await entries()).filter((entry) => matchesFilter(entry, filter)).map(view)
      await writer.write(filePath, accessLogCsv(rows), { secret: false })
      return { kind: 'saved', filePath, rows: rows.length }
    },

    async exposedSinceChanged(): Promise<ExposedCustomer[]> {
      return exposedSinceChanged(store.data.customers, await entries())
    },

    /** The log as it is on the disk, for the encrypted backup. */
    text: (): Promise<string> => readLogText(file),

    /**
     * Brings a backup's log back without losing an entry of either (see planLogRestore). Returns what
     * was done, and the name of the file the backup's log was kept in when it went aside.
     */
    restoreFrom(backupText: string, createdAt: Date): Promise<{ plan: LogRestorePlan; keptAs: string | null }> {
      return store.withWriteLock(async () => {
        const plan = planLogRestore(await readLogText(file), backupText)
        let keptAs: string | null = null
        if (plan === 'replace') {
          tail = null
          await writeFileAtomic(file, backupText)
        } else if (plan === 'aside') {
          keptAs = `access-log-from-backup-${createdAt.toISOString().replace(/[:.]/g, '-')}.jsonl`
          await writeFileAtomic(join(dirname(file), keptAs), backupText)
        }
        return { plan, keptAs }
      })
    },
  }
}

export type AccessLog = ReturnType<typeof createAccessLog>
