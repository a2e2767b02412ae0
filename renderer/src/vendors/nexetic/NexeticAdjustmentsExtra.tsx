import { STORAGE_TYPE_LOCKED_NOTE, type NexeticSubscription } from '../../../../main/common/vendors/nexetic/subscription'
import { TextField } from '../../components/TextField'
import type { VendorAdjustmentsExtraProps } from '../screens'

/** The Storage Type, shown but not changed: the Nexetic Portal sets it once, when the customer is created. */
export function NexeticAdjustmentsExtra({ account }: VendorAdjustmentsExtraProps) {
  const subscription = account as NexeticSubscription
  return <TextField label="Storage Type" value={subscription.storageType} onChange={() => {}} readOnly hint={STORAGE_TYPE_LOCKED_NOTE} />
}
