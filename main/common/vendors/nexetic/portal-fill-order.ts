import type { PortalForm } from '../../portal-fill'
import type { NexeticSubscription } from './subscription'

/**
 * Nexetic's Add customer form, field by field in the portal's order. Extra Storage is copied as the number of GB the
 * portal asks for; Notify Users separated by semicolons, as the portal takes them; Storage Type is a choice there.
 */
export function nexeticPortalForm(subscription: NexeticSubscription): PortalForm {
  return {
    vendor: 'nexetic',
    title: 'Nexetic: Add customer',
    where: 'Nexetic Portal, Customers > Add > Add customer',
    steps: [
      { field: 'Organization name', kind: 'text', text: subscription.organizationName },
      subscription.domain ? { field: 'Domain', kind: 'text', text: subscription.domain } : { field: 'Domain', kind: 'leave-empty' },
      { field: 'User Licenses', kind: 'text', text: String(subscription.userLicenses) },
      { field: 'Extra Storage', kind: 'text', text: String(subscription.extraStorageGb) },
      { field: 'Notify Users', kind: 'text', text: subscription.notifyUsers.join('; ') },
      { field: 'Storage Type', kind: 'choose', text: subscription.storageType },
    ],
  }
}
