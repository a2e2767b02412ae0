import type { ComponentProps } from 'react'
import { ConfirmDialog } from '../../components/ConfirmDialog'

/**
 * A question asked from inside the Maintenance dialog. Its keys stay with it: Esc answers the
 * question only, and must not also reach the Maintenance dialog, which would close as well.
 */
export function NestedConfirm(props: ComponentProps<typeof ConfirmDialog>) {
  return (
    <div className="nested-confirm" onKeyDown={(event) => event.stopPropagation()}>
      <ConfirmDialog {...props} />
    </div>
  )
}
