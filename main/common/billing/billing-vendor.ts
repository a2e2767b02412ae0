/** A customer's billed fields as the history records them: history field name → value (null when unset). */
export type FieldValues = Record<string, string | null>

/** A figure a vendor bills on, read from one history field as a whole number. */
export interface BillingMeasure {
  key: string
  /** The history field its changes are recorded under (`<vendor key>.<field>`). */
  field: string
  label: string
  unit: 'count' | 'gb'
}

/**
 * What the billing reconstruction needs to know about one vendor: which history fields carry its
 * billed figures and how the customer holds them today. Plain data, set on the vendor's definition
 * (`VendorDefinition.billing`); the registry lists them (`billingVendors()`).
 */
export interface BillingVendor {
  /** The vendor's key, by which the page asks for its billing. */
  key: string
  /** The vendor's name as the Billing view's headings and captions start ("… billing for November 2026"). */
  label: string
  /** What a billed customer has, as a sentence says it: "No customer had a … subscription in November 2026." */
  subscription: string
  /** The history field that is non-null while the customer has the vendor's service ("added"). */
  presenceField: string
  measures: readonly BillingMeasure[]
  /** Customers are also counted per value of this field (a storage type, say); a vendor without one has no such column. */
  group?: { field: string; label: string; values: readonly string[] }
  /** The billed fields' values as the customer holds them now, in the history's own spelling. */
  currentValues(customer: object): FieldValues
}

/** The customer's name is reconstructed too, so a row shows the name the customer had then. */
export const NAME_FIELD = 'companyName'

/** Every history field the reconstruction reads for this vendor, the name included. */
export const billingFields = (vendor: BillingVendor): string[] => [
  NAME_FIELD,
  vendor.presenceField,
  ...vendor.measures.map((measure) => measure.field),
  ...(vendor.group ? [vendor.group.field] : []),
]
