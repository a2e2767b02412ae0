import { z } from 'zod'
import type { Customer } from '../customer-model'
import { customerId } from './customers'
import { channel } from './define'

export const licenseChannels = {
  /** The portal's "Edit customer": User Licenses and Extra Storage as typed (TB accepted), with an optional reason. */
  change: channel(
    z.strictObject({
      id: customerId,
      userLicenses: z.string().max(50),
      extraStorage: z.string().max(50),
      reason: z.string().max(500).default(''),
    }),
  )<Customer>(),
  /** Reverses one license or storage entry of the history, as a new change that points at it. */
  undo: channel(z.strictObject({ id: customerId, entryId: z.string().min(1).max(100) }))<Customer>(),
}
