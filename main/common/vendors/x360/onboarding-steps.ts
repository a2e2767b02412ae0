import type { OnboardingStep } from '../../onboarding-model'
import type { X360Account } from './account'

/** Set when the desk holds both: the username on the record and a password in the keychain. */
const recordedAt = (account: X360Account): string | null => (account.username ? account.passwordSetAt : null)

/**
 * What Axcient's "Creating Direct-to-Cloud Customers in the x360Recover Licensing Portal" asks after a
 * customer is created: "We recommend recording the username and password. You can optionally share
 * these credentials with the customer if they will be performing self-service restores from an
 * off-site Vault." Recording them is what the desk does, so that step is read from the record.
 */
export const X360_ONBOARDING_STEPS: readonly OnboardingStep<X360Account>[] = [
  {
    key: 'credentials-recorded',
    label: 'Username and password recorded',
    detail: 'Done by the desk when the customer has a Customer Username and a Vault password in the keychain (Change Password sets one).',
    derive: recordedAt,
  },
  {
    key: 'credentials-shared',
    label: 'Credentials shared with the customer for self-service restores from an off-site Vault',
    detail: 'Optional: only if the customer will restore from the Vault themselves.',
    optional: true,
  },
]
