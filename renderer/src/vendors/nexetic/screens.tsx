import type { NexeticTotals } from '../../../../main/common/vendors/nexetic/definition'
import { STORAGE_TYPES } from '../../../../main/common/vendors/nexetic/subscription'
import { NoneValue } from '../../components/NoneValue'
import { formats } from '../../formats'
import type { VendorScreens } from '../screens'
import { NexeticAdjustmentsExtra } from './NexeticAdjustmentsExtra'
import { NexeticDetailSection } from './NexeticDetailSection'
import { NexeticFormSection } from './NexeticFormSection'
import './badge.css'

const figures = (value: unknown): NexeticTotals => value as NexeticTotals

export const nexeticScreens: VendorScreens = {
  FormSection: NexeticFormSection,
  DetailSection: NexeticDetailSection,
  kind: 'Wholesale',
  columns: [
    {
      label: 'User Licenses',
      vendor: 'Nexetic',
      sort: 'licenses',
      numeric: true,
      render: (customer) => (customer.nexetic ? formats.number(customer.nexetic.userLicenses) : <NoneValue />),
    },
    {
      label: 'Extra Storage',
      vendor: 'Nexetic',
      sort: 'storage',
      numeric: true,
      render: (customer) => (customer.nexetic ? formats.storage(customer.nexetic.extraStorageGb) : <NoneValue />),
    },
  ],
  totals: [
    { label: 'Customers', value: (value) => formats.number(figures(value).customers) },
    { label: 'User Licenses', value: (value) => formats.number(figures(value).userLicenses) },
    { label: 'Extra Storage', value: (value) => formats.storage(figures(value).extraStorageGb) },
    ...STORAGE_TYPES.map((type) => ({ label: type, title: `Nexetic customers on ${type}`, value: (value: unknown) => formats.number(figures(value).byStorageType[type]) })),
  ],
  // Licence editor:
  AdjustmentsExtra: NexeticAdjustmentsExtra,
}
