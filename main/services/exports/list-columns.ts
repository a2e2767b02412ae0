import type { Customer } from '../../common/customer-model'

/**
 * The columns of the customer list, in order; CSV and XLSX exports share them and CSV import reads
 * them back. Headers are the portals' own labels. There is no password column: the export never has
 * one; an import may add IMPORT_PASSWORD_HEADER.
 *
 * | header                 | value                                                   | on import          |
 * |------------------------|---------------------------------------------------------|--------------------|
 * | Customer Company Name  | the company                                             | required           |
 * | Customer Username      | x360Recover username (empty: no x360Recover account)    | x360 form          |
 * | Customer Email Address | x360Recover e-mail                                      | x360 form          |
 * | Locations              | x360Recover locations, separated by ", "                | x360 form          |
 * | Organization name      | Nexetic organization (empty: no Nexetic subscription)   | Nexetic form       |
 * | Domain                 | Microsoft 365 domain                                    | Nexetic form       |
 * | User Licenses          | whole number                                            | Nexetic form       |
 * | Extra Storage (GB)     | whole number of GB                                      | Nexetic form       |
 * | Notify Users           | e-mail addresses separated by "; "                      | Nexetic form       |
 * | Storage Type           | Azure (Ireland) or Finnish S3 Storage                   | Nexetic form       |
 * | Notes                  | the staff's notes                                       | notes              |
 * | Password Set At        | when the Vault password was last set (ISO time)         | ignored            |
 * | Created At, Updated At | ISO times                                               | ignored            |
 * | Customer ID            | the desk's id                                           | ignored            |
 */
export interface ListColumn {
  header: string
  /** The form field an import fills from this column; null for columns an import ignores. */
  formField: string | null
  width: number
  read(customer: Customer): string | number
}

const text = (value: string | null | undefined): string => value ?? ''

export const LIST_COLUMNS: readonly ListColumn[] = [
  { header: 'Customer Company Name', formField: 'companyName', width: 30, read: (c) => c.companyName },
  { header: 'Customer Username', formField: 'x360.username', width: 22, read: (c) => text(c.x360?.username) },
  { header: 'Customer Email Address', formField: 'x360.email', width: 30, read: (c) => text(c.x360?.email) },
  { header: 'Locations', formField: 'x360.locations', width: 24, read: (c) => text(c.x360?.locations.join(', ')) },
  { header: 'Organization name', formField: 'nexetic.organizationName', width: 30, read: (c) => text(c.nexetic?.organizationName) },
  { header: 'Domain', formField: 'nexetic.domain', width: 26, read: (c) => text(c.nexetic?.domain) },
  { header: 'User Licenses', formField: 'nexetic.userLicenses', width: 14, read: (c) => c.nexetic?.userLicenses ?? '' },
  { header: 'Extra Storage (GB)', formField: 'nexetic.extraStorage', width: 18, read: (c) => c.nexetic?.extraStorageGb ?? '' },
  { header: 'Notify Users', formField: 'nexetic.notifyUsers', width: 34, read: (c) => text(c.nexetic?.notifyUsers.join('; ')) },
  { header: 'Storage Type', formField: 'nexetic.storageType', width: 20, read: (c) => text(c.nexetic?.storageType) },
  { header: 'Notes', formField: 'notes', width: 40, read: (c) => c.notes },
  { header: 'Password Set At', formField: null, width: 26, read: (c) => text(c.x360?.passwordSetAt) },
  { header: 'Created At', formField: null, width: 26, read: (c) => c.createdAt },
  { header: 'Updated At', formField: null, width: 26, read: (c) => c.updatedAt },
  { header: 'Customer ID', formField: null, width: 38, read: (c) => c.id },
]

/** The one column an import may have that an export never has; its value goes to the keychain only. */
export const IMPORT_PASSWORD_HEADER = 'Customer Password'
