import { useDesk } from '../store/desk-context'

/** Tells the user, in plain words, when the store did not open normally. */
export function StatusBanner() {
  const status = useDesk((state) => state.status)
  if (!status) return null
  const store = status.store
  if (store.kind === 'recovered') {
    return (
      <div className="banner banner--warning" role="alert">
        <strong>Your customer file could not be read.</strong> {store.reason} It was kept unchanged as <code>{store.keptAs}</code>, and
        the desk started with an empty list. Nothing in that file was deleted.
      </div>
    )
  }
  if (store.kind === 'read-only') {
    return (
      <div className="banner banner--error" role="alert">
        <strong>Read-only: changes cannot be saved.</strong> {store.reason}
      </div>
    )
  }
  return null
}
