import { z } from 'zod'
import { channel } from './define'

/** How the store came up: the user is told whenever it is anything but `ok`. */
export type StoreStatus =
  | { kind: 'ok' }
  | { kind: 'created' }
  | { kind: 'recovered'; reason: string; keptAs: string }
  | { kind: 'read-only'; reason: string }

export interface AppStatus {
  store: StoreStatus
  dataFile: string
  customerCount: number
}

const empty = z.strictObject({})

export const appChannels = {
  status: channel(empty)<AppStatus>(),
  copyText: channel(z.strictObject({ text: z.string().min(1).max(10_000) }))<{ copied: true }>(),
}
