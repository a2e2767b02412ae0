import { formatNumber, formatStorage } from '../../formats'
import type { VendorAdjustments } from '../vendor-adjustments'
import { checkLicenseForm, describeLicenseChange, nothingChangedMessage } from './license-change'
import { checkUndo, undoReason } from './license-undo'
import type { NexeticSubscription } from './subscription'

const NO_FIGURES = 'so it has no User Licenses or Extra Storage to change'

/** The Nexetic Portal's "Edit customer": User Licenses and Extra Storage, changed with a reason and undone one at a time. */
export const nexeticAdjustments: VendorAdjustments<NexeticSubscription> = {
  figures: [
    {
      input: 'userLicenses',
      field: 'userLicenses',
      label: 'User Licenses',
      hint: 'A whole number, at least 1; required even when not relevant, so enter a large enough number.',
      numeric: true,
      read: (subscription) => subscription.userLicenses,
      write: (subscription, value) => {
        subscription.userLicenses = value
      },
      show: formatNumber,
    },
    {
      input: 'extraStorage',
      field: 'extraStorageGb',
      label: 'Extra Storage',
      hint: 'The total storage for the customer, in whole GB; TB is accepted, such as 2 TB (1 TB = 1024 GB).',
      read: (subscription) => subscription.extraStorageGb,
      write: (subscription, value) => {
        subscription.extraStorageGb = value
      },
      show: formatStorage,
    },
  ],
  check: (form) => checkLicenseForm({ userLicenses: form.userLicenses ?? '', extraStorage: form.extraStorage ?? '' }),
  describe: describeLicenseChange,
  nothingChanged: nothingChangedMessage,
  checkUndo: ({ account, history }, entryId, locale) => checkUndo({ nexetic: account, history }, entryId, locale),
  undoReason,
  texts: {
    action: 'Change licenses and storage',
    editorTitle: (companyName) => `Edit licenses and storage of ${companyName}`,
    noAccount: `This customer has no Nexetic subscription, ${NO_FIGURES}. Add one with Edit customer first.`,
    editorNoAccount: (companyName) => `${companyName} has no Nexetic subscription, ${NO_FIGURES}. Use Edit to add one.`,
    listNoAccount: (companyName) => `${companyName} has no Nexetic subscription, so it has no licenses or storage to change. Use Edit to add one.`,
  },
}
