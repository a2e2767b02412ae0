import type { Customer } from '../../common/customer-model'
import { accountOf } from '../../common/vendors/accounts'
import { vendors } from '../../common/vendors/registry'
import type { AnyVendor, VendorColumn } from '../../common/vendors/vendor-definition'

/**
 * The columns of the customer list, in order; CSV and XLSX exports share them and CSV import reads
 * them back. Headers are the portals' own labels. There is no password column: the export never has
 * one; an import may add IMPORT_PASSWORD_HEADER.
 *
 * | header                 | value                                               | on import      |
 * |------------------------|-----------------------------------------------------|----------------|
 * | Customer Company Name  | the company                                         | required       |
 * | each vendor's columns  | its account's fields (empty: no such account)       | that vendor    |
 * | Notes                  | the staff's notes                                   | notes          |
 * | each vendor's later columns | such as Password Set At (ISO time)             | ignored        |
 * | Created At, Updated At | ISO times                                           | ignored        |
 * | Customer ID            | the desk's id                                       | ignored        |
 *
 * A vendor's columns are in its definition (`main/common/vendors/<key>/definition.ts`).
 */
export interface ListColumn {
  header: string
  /** The form field an import fills from this column (`<vendor key>.<field>`); null for columns an import ignores. */
  formField: string | null
  width: number
  read(customer: Customer): string | number
}

const ofVendor = (vendor: AnyVendor, column: VendorColumn<unknown>): ListColumn => ({
  header: column.header,
  formField: column.formField === null ? null : `${vendor.key}.${column.formField}`,
  width: column.width,
  read(customer) {
    const account = accountOf(customer, vendor)
    return account === null ? '' : column.read(account)
  },
})

export const LIST_COLUMNS: readonly ListColumn[] = [
  { header: 'Customer Company Name', formField: 'companyName', width: 30, read: (c) => c.companyName },
  ...vendors().flatMap((vendor) => vendor.columns.map((column) => ofVendor(vendor, column))),
  { header: 'Notes', formField: 'notes', width: 40, read: (c) => c.notes },
  ...vendors().flatMap((vendor) => (vendor.laterColumns ?? []).map((column) => ofVendor(vendor, column))),
  { header: 'Created At', formField: null, width: 26, read: (c) => c.createdAt },
  { header: 'Updated At', formField: null, width: 26, read: (c) => c.updatedAt },
  { header: 'Customer ID', formField: null, width: 38, read: (c) => c.id },
]

/** The one column an import may have that an export never has; its value goes to the keychain only. */
export const IMPORT_PASSWORD_HEADER = 'Customer Password'
