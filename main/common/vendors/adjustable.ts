import type { HistoryEntry } from '../customer-model'
import type { Locale } from '../formats'
import { accountOf, hasAccount } from './accounts'
import { vendors } from './registry'
import type { AdjustedFigure, AdjustmentUndo, VendorAdjustments } from './vendor-adjustments'
import type { AnyVendor } from './vendor-definition'

/** A vendor whose account has figures the licence editor changes. */
export type AdjustableVendor = AnyVendor & { adjustments: VendorAdjustments<any> } // eslint-disable-line @typescript-eslint/no-explicit-any

type Holder = object
type HistoryHolder = Holder & { history: readonly HistoryEntry[] }

const isAdjustable = (vendor: AnyVendor): vendor is AdjustableVendor => vendor.adjustments !== undefined

/** The vendors with adjustable figures, in the registry's order. */
export const adjustableVendors = (): AdjustableVendor[] => vendors().filter(isAdjustable)

/** The first of them: whose words explain that a customer has no figures to change. */
export const adjustableVendor = (): AdjustableVendor | undefined => adjustableVendors()[0]

/** The vendor whose figures the editor changes for this customer: the first adjustable one whose account it holds. */
export const adjustableVendorOf = (holder: Holder): AdjustableVendor | undefined => adjustableVendors().find((vendor) => hasAccount(holder, vendor))

/** Whether the customer has figures the licence editor can change. */
export const hasAdjustableFigures = (holder: Holder): boolean => adjustableVendorOf(holder) !== undefined

/** The history's field of a figure (`nexetic.userLicenses`). */
export const figureField = (vendor: AnyVendor, figure: AdjustedFigure<unknown>): string => `${vendor.key}.${figure.field}`

/** The figure a history entry changed, with its vendor; undefined for any other entry. */
export function figureOfField(field: string): { vendor: AdjustableVendor; figure: AdjustedFigure<unknown> } | undefined {
  for (const vendor of adjustableVendors()) {
    const figure = vendor.adjustments.figures.find((candidate: AdjustedFigure<unknown>) => figureField(vendor, candidate) === field)
    if (figure) return { vendor, figure }
  }
  return undefined
}

/**
 * Whether one history entry can be undone, by the rules of the vendor whose figure it changed; an entry
 * of any other field is judged by the customer's adjustable vendor, which says what can be undone.
 */
export function checkAdjustmentUndo(customer: HistoryHolder, entryId: string, locale?: Locale): AdjustmentUndo {
  const entry = customer.history.find((candidate) => candidate.id === entryId)
  const vendor = (entry && figureOfField(entry.field)?.vendor) ?? adjustableVendorOf(customer) ?? adjustableVendor()
  if (!vendor) return { ok: false, code: entry ? 'invalid' : 'not-found', message: entry ? 'That change cannot be undone.' : 'That history entry was not found for this customer.' }
  return vendor.adjustments.checkUndo({ account: accountOf(customer, vendor), history: customer.history }, entryId, locale)
}

/** The entries the history shows an Undo button on: at most one per figure (the latest change of it). */
export function undoableEntryIds(customer: HistoryHolder): string[] {
  const latest = new Map<string, HistoryEntry>()
  for (const entry of customer.history) if (figureOfField(entry.field)) latest.set(entry.field, entry)
  return [...latest.values()].filter((entry) => checkAdjustmentUndo(customer, entry.id).ok).map((entry) => entry.id)
}
