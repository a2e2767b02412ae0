import { createElement } from 'react'
import { accountOf } from '../../../main/common/vendors/accounts'
import { vendors } from '../../../main/common/vendors/registry'
import { NoneValue } from '../components/NoneValue'
import type { AnyVendor } from '../../../main/common/vendors/vendor-definition'
import { formats } from '../formats'
import { GenericDetailSection } from './generic/GenericDetailSection'
import { GenericFormSection } from './generic/GenericFormSection'
import { nexeticScreens } from './nexetic/screens'
import type { CustomerColumn, TotalsColumn, VendorScreens } from './screens'
import { x360Screens } from './x360/screens'

/** The page's part of each vendor, by the same keys as main's registry (main/common/vendors/registry.ts). */
const SCREENS: Record<string, VendorScreens> = { x360: x360Screens, nexetic: nexeticScreens }

/** The totals table reads Nexetic first, as its invoice has the most figures to check; vendors not named here follow in the registry's order. */
const TOTALS_FIRST = ['nexetic', 'x360']

const words = (key: string): string => key.replace(/([A-Z])/g, ' $1').replace(/^./, (first) => first.toUpperCase())

/** A vendor's totals without columns of its own: each number among its figures, labelled by its name. */
const genericTotals = (vendor: AnyVendor): TotalsColumn[] =>
  Object.entries(vendor.totals.empty() as Record<string, unknown>).flatMap(([name, value]) =>
    typeof value === 'number' ? [{ label: words(name), value: (figures: unknown) => formats.number(Number((figures as Record<string, unknown>)[name] ?? 0)) }] : [],
  )

export interface ResolvedScreens extends VendorScreens {
  FormSection: NonNullable<VendorScreens['FormSection']>
  DetailSection: NonNullable<VendorScreens['DetailSection']>
  totals: readonly TotalsColumn[]
}

/** The vendor's sections, or the generic ones built from its definition. */
export function screensOf(vendor: AnyVendor): ResolvedScreens {
  const own = SCREENS[vendor.key] ?? {}
  return { ...own, FormSection: own.FormSection ?? GenericFormSection, DetailSection: own.DetailSection ?? GenericDetailSection, totals: own.totals ?? genericTotals(vendor) }
}

/** A vendor's list column without columns of its own: the first of its definition's export columns. */
function genericColumns(vendor: AnyVendor): CustomerColumn[] {
  const first = vendor.columns[0]
  if (!first) return []
  return [{ label: first.header, vendor: vendor.name, render: (customer) => {
    const account = accountOf(customer, vendor)
    return account === null ? createElement(NoneValue) : String(first.read(account))
  } }]
}

/** The customer list's vendor columns, in the registry's order. */
export const vendorColumns = (): CustomerColumn[] => vendors().flatMap((vendor) => [...(SCREENS[vendor.key]?.columns ?? genericColumns(vendor))])

/** The vendors in the totals table's order. */
export function totalsVendors(): readonly AnyVendor[] {
  const rank = (vendor: AnyVendor) => {
    const index = TOTALS_FIRST.indexOf(vendor.key)
    return index === -1 ? TOTALS_FIRST.length : index
  }
  return [...vendors()].sort((a, b) => rank(a) - rank(b))
}
