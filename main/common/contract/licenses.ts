import { z } from 'zod'
import type { Customer } from '../customer-model'
import { adjustableVendors, type AdjustableVendor } from '../vendors/adjustable'
import { customerId } from './customers'
import { channel } from './define'

/** A change of the licence editor: the figures as typed, by input name (`userLicenses`, `extraStorage`), with an optional reason. */
export type AdjustmentRequest = Readonly<Record<string, string>> & { id: string; reason: string }
type AdjustmentRequestInput = Readonly<Record<string, string>> & { id: string; reason?: string }

/** One vendor's inputs, strictly: nothing else may come along (the Storage Type is not the editor's). */
const requestOf = (vendor: AdjustableVendor) =>
  z.strictObject({
    id: customerId,
    ...Object.fromEntries(vendor.adjustments.figures.map((figure) => [figure.input, z.string().max(50)])),
    reason: z.string().max(500).default(''),
  })

// Built from the registry when the contract loads, like the customer form's schema.
const [first, ...others] = adjustableVendors().map(requestOf)
const changeRequest = (first && others.length > 0 ? z.union([first, ...others]) : (first ?? z.never())) as unknown as z.ZodType<AdjustmentRequest, AdjustmentRequestInput>

export const licenseChannels = {
  /** The licence editor (the portal's "Edit customer"): the figures as typed (TB accepted), with an optional reason. */
  change: channel(changeRequest)<Customer>(),
  /** Reverses one license or storage entry of the history, as a new change that points at it. */
  undo: channel(z.strictObject({ id: customerId, entryId: z.string().min(1).max(100) }))<Customer>(),
}
