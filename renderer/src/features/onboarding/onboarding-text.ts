import type { StepState, VendorOnboarding } from '../../../../main/common/onboarding'
import { formats } from '../../formats'

/** "Done Nov 23, 2026", "Not done yet". */
export const stepStatusText = ({ step, doneAt }: StepState): string =>
  doneAt !== null ? `Done ${formats.date(doneAt)}${step.derive ? ' (from the record)' : ''}` : 'Not done yet'

/** "finished", or "2 of 5 steps done" counting only the steps that are needed. */
export function vendorProgressText({ steps, finished }: VendorOnboarding): string {
  if (finished) return '— finished'
  const needed = steps.filter(({ step }) => !step.optional)
  const done = needed.filter(({ doneAt }) => doneAt !== null).length
  return `— ${formats.number(done)} of ${formats.plural(needed.length, 'step')} done`
}
