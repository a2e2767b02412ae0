import type { OnboardingStep } from '../../onboarding-model'
import type { NexeticSubscription } from './subscription'

/**
 * What Nexetic's article "Wholesale Resellers: How to create new customers & modify licenses and
 * storage" gives after Add customer, with the details from its "How to set up Single Sign-On (SSO)
 * from Nexetic Portal" article. The wording follows the vendor's.
 */
export const NEXETIC_ONBOARDING_STEPS: readonly OnboardingStep<NexeticSubscription>[] = [
  {
    key: 'activation-email',
    label: 'Service activation email sent to the Notify Users',
    detail: 'Save in Add customer sends it, with a link to register the customer’s domain, to every address in Notify Users.',
  },
  {
    key: 'domain-registered',
    label: 'Customer’s Microsoft 365 domain registered',
    detail: 'Through the link in the service activation email (or entered in the Domain field when the customer was created).',
  },
  {
    key: 'sso-configured',
    label: 'SSO configured to the customer’s backup environment',
    detail: 'Nexetic Portal › Configure on the customer, sign in with the tenant’s Global Administrator; then Configure SSO user.',
  },
  {
    key: 'permissions-granted',
    label: 'Permissions granted for the backup applications',
    detail: 'Consent on behalf of your organization, then Accept, so the backup applications can back up and restore Microsoft 365 data.',
  },
  {
    key: 'backup-settings',
    label: 'Backup settings made',
    detail: 'On the Backup portal’s Settings page: the user services (Mail, Drive, Contacts, Calendar) and the organisation services (SharePoint).',
  },
]
