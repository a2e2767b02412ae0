import { z } from 'zod'
import { ACCESS_ACTIONS, type AccessAction } from '../access-actions'
import { customerId } from './customers'
import { channel } from './define'
import type { DialogClosed } from './exports'

/** One entry as the page sees it: the chain's hashes stay in main, which checks them. */
export interface AccessEntryView {
  /** The entry's number in the chain, from 1. */
  seq: number
  /** UTC, ISO 8601. */
  at: string
  action: AccessAction
  customerId: string | null
  companyName: string | null
  /** The operating-system account and the computer the desk ran on. */
  osUser: string
  machine: string
  /** A few words more (a backup's file name); never a secret. */
  detail: string | null
}

export interface AccessLogPage {
  /** Newest first, at most `limit` of them. */
  entries: AccessEntryView[]
  /** How many entries match the filter. */
  matching: number
  file: string
}

export type ChainBreakKind = 'edited' | 'removed' | 'reordered' | 'torn'

export interface ChainBreak {
  kind: ChainBreakKind
  /** The line of the file (from 1) where the chain breaks. */
  line: number
  /** The entry's number as written on that line; null when the line cannot be read. */
  entry: number | null
  message: string
}

export interface ChainReport {
  file: string
  /** Lines that hold a readable entry. */
  entries: number
  /** No entry was edited, removed or reordered; incomplete lines (a write cut short by a crash) do not count against it. */
  intact: boolean
  /** In the order of the file. */
  breaks: ChainBreak[]
}

export interface AccessLogSaved {
  kind: 'saved'
  filePath: string
  rows: number
}

/** A customer whose current password was revealed, copied or printed after it was last set. */
export interface ExposedCustomer {
  customerId: string
  companyName: string
  /** Null when the desk never recorded when the password was set. */
  passwordSetAt: string | null
  lastExposedAt: string
  /** How many times each exposing action happened since the password was set. */
  counts: Partial<Record<AccessAction, number>>
}

const instant = z.iso.datetime()

const filterShape = {
  /** None or empty: every action. */
  actions: z.array(z.enum(ACCESS_ACTIONS)).max(ACCESS_ACTIONS.length).optional(),
  /** From this instant (inclusive); the page turns the user's local day into it. */
  from: instant.optional(),
  /** Up to this instant (exclusive). */
  to: instant.optional(),
  customerId: customerId.optional(),
}
export const accessLogFilterSchema = z.strictObject(filterShape)
export type AccessLogFilter = z.output<typeof accessLogFilterSchema>

export const accessLogChannels = {
  list: channel(z.strictObject({ ...filterShape, limit: z.number().int().min(1).max(1000).default(500) }))<AccessLogPage>(),
  /** Reads the file from the disk and walks the chain: says where it breaks and how. */
  verify: channel(z.strictObject({}))<ChainReport>(),
  /** The entries matching the filter, oldest first, to the CSV file main's save dialog returns. */
  exportCsv: channel(z.strictObject({ filter: accessLogFilterSchema.default({}) }))<DialogClosed | AccessLogSaved>(),
  /** Newest exposure first: what to rotate when a technician leaves or a laptop is lost. */
  exposedSinceChanged: channel(z.strictObject({}))<ExposedCustomer[]>(),
}
