import { NoneValue } from '../../components/NoneValue'
import type { VendorScreens } from '../screens'
import { X360DetailSection } from './X360DetailSection'
import { X360FormSection } from './X360FormSection'
import { formats } from '../../formats'
import './badge.css'

export const x360Screens: VendorScreens = {
  FormSection: X360FormSection,
  DetailSection: X360DetailSection,
  kind: 'Direct-to-Cloud',
  columns: [{ label: 'Customer Username', vendor: 'x360Recover', sort: 'username', render: (customer) => customer.x360?.username ?? <NoneValue /> }],
  totals: [
    { label: 'Customers', value: (figures) => formats.number((figures as { customers: number }).customers) },
    { label: 'Locations', value: (figures) => formats.number((figures as { locations: number }).locations) },
  ],
}
