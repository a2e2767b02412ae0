import { z } from 'zod'
import type { Tombstone } from '../customer-model'
import { channel } from './define'

export const historyChannels = {
  /** The app-wide log of deleted customers, newest first. */
  deletions: channel(z.strictObject({}))<Tombstone[]>(),
}
