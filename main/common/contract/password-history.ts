import { z } from 'zod'
import type { Customer } from '../customer-model'
import type { FollowUpState } from '../password-follow-up'
import { passwordVendor } from '../vendors/registry'
import { channel } from './define'
import { customerId } from './customers'

/** A replaced Vault password as the page sees it: when it was set and replaced, never the password. */
export interface PreviousPasswordInfo {
  /** The id of the history entry that set it: the page names a previous password only by this. */
  entryId: string
  setAt: string
  replacedAt: string
}

/** The password vendor's follow-up steps: a tick names one of them. */
const stepIds = passwordVendor()?.password?.changeSteps.map((step) => step.id) ?? []
const stepId = stepIds.length > 0 ? z.enum(stepIds as [string, ...string[]]) : z.never()

const previousOne = z.strictObject({ id: customerId, entryId: z.string().min(1).max(100) })

export const passwordHistoryChannels = {
  /** The newest kept previous passwords, newest first (at most 5). */
  previous: channel(z.strictObject({ id: customerId }))<PreviousPasswordInfo[]>(),
  revealPrevious: channel(previousOne)<{ password: string }>(),
  /** Main copies it to the protected clipboard, which is cleared after the usual delay. */
  copyPrevious: channel(previousOne)<{ clearsAfterSeconds: number }>(),
  followUp: channel(z.strictObject({ id: customerId }))<FollowUpState | null>(),
  /** Records the tick in the customer's history; a step already ticked since the change is not recorded twice. */
  tickFollowUp: channel(z.strictObject({ id: customerId, stepId }))<{ customer: Customer; followUp: FollowUpState | null }>(),
}

export type { FollowUpState }
