import type { PasswordChangeStep } from '../vendor-definition'

/**
 * What to do in x360Recover after the desk's Change Password, as a checklist the user ticks. Only what
 * Axcient's own help centre says, each step with the article it comes from; nothing is added beyond
 * them (the desk cannot see the portal, so it never ticks a step itself).
 */
export const X360_PASSWORD_CHANGE_STEPS: readonly PasswordChangeStep[] = [
  {
    id: 'portal-change-password',
    label: 'Changed in the x360Recover portal with Change Password',
    detail: 'In the Licensing Portal, under User Management › Users, select the customer and use Change Password (Set Password) with the same new password.',
    source: {
      title: 'Creating Direct-to-Cloud Customers in the x360Recover Licensing Portal; How to change/update a password for a customer in the x360Recover Licensing Portal',
      url: 'https://help.axcient.com/en/01creating-customers.html',
    },
  },
  {
    id: 'vault-sync',
    label: 'Vault synced with the License Portal',
    detail: 'After resetting the password, sync the Vault with the License Portal: Sync on the Vault’s System Settings › License Details page.',
    source: { title: 'Bare metal restore credentials', url: 'https://axcient.helpjuice.com/en_US/bare-metal-restore-bmr/bare-metal-restore-credentials' },
  },
  {
    id: 'appliances-updated',
    label: 'Password updated on every appliance (if the customer has any)',
    detail: 'If the customer uses any appliances, the password must also be updated on all of them (the client user is kept on the appliance under System Settings › Manage Users).',
    source: { title: 'Bare metal restore credentials; Configure client-specific access to Manager', url: 'https://axcient.helpjuice.com/en_US/bare-metal-restore-bmr/bare-metal-restore-credentials' },
  },
]
