import { useEffect, useMemo, useState } from 'react'
import { adjustableVendor, hasAdjustableFigures } from '../../../../main/common/vendors/adjustable'
import { vendors } from '../../../../main/common/vendors/registry'
import { NEW_CUSTOMER } from '../../../../main/common/vocabulary'
import { useDesk } from '../../store/desk-context'
import { DeletedCustomersButton } from '../deletions'
import { SelectionExports } from '../exports'
import { FillPortalButton } from '../portal-fill'
import { LicenseEditor } from '../licenses'
import { TotalsPanel, type TotalsScope } from '../totals'
import { CustomerGrid } from './CustomerGrid'
import { CustomerToolbar } from './CustomerToolbar'
import { ExportShownButton } from './ExportShownButton'
import { SelectionBar } from './SelectionBar'
import { DEFAULT_QUERY, firstDirection, queryCustomers, searchWords, warmSearchIndex, type CustomerQuery, type SortColumn } from './customer-query'

/** The vendors' names as one phrase, in the registry's order: "A and B", "A, B and C". */
function portalNames(): string {
  const names = vendors().map((vendor) => vendor.name)
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '')
}

/** All customers: search, filter and sort above a virtualised grid, or the empty and no-match states. */
export function CustomerList({ onAdd }: { onAdd(): void }) {
  const customers = useDesk((state) => state.customers)
  const loaded = useDesk((state) => state.loaded)
  const loadError = useDesk((state) => state.loadError)
  const selectedId = useDesk((state) => state.selectedId)
  const selectCustomer = useDesk((state) => state.selectCustomer)
  const selection = useDesk((state) => state.selection)
  const changeSelection = useDesk((state) => state.changeSelection)
  const showNotice = useDesk((state) => state.showNotice)
  const [query, setQuery] = useState<CustomerQuery>(DEFAULT_QUERY)
  const [licensesId, setLicensesId] = useState<string | null>(null)
  const shown = useMemo(() => queryCustomers(customers, query), [customers, query])
  const filtered = searchWords(query.search).length > 0 || query.service !== 'all' || query.passwordOlderThanDays !== null || query.onboarding === 'unfinished'
  // The same list the grid shows; each row of the panel is totalled only when its own list changes.
  const totalsScopes = useMemo<TotalsScope[]>(
    () => [{ label: 'All customers', customers }, ...(filtered ? [{ label: 'Shown (filtered)', customers: shown }] : [])],
    [customers, shown, filtered],
  )
  const editingLicenses = licensesId === null ? undefined : customers.find((customer) => customer.id === licensesId)

  function editLicenses(id: string) {
    const customer = customers.find((item) => item.id === id)
    if (!customer) return
    if (hasAdjustableFigures(customer)) setLicensesId(id)
    else {
      const refusal = adjustableVendor()?.adjustments.texts.listNoAccount(customer.companyName)
      if (refusal) showNotice('error', refusal)
    }
  }

  // Once the browser is idle after a list change (or a new order), so the first keystroke of a search finds every
  // search text built. Not in the effect itself: the store's updates are synchronous, so React runs effects before painting.
  useEffect(() => {
    const idle = requestIdleCallback(() => warmSearchIndex(customers, query.sort, query.direction), { timeout: 1000 })
    return () => cancelIdleCallback(idle)
  }, [customers, query.sort, query.direction])

  const change = (partial: Partial<CustomerQuery>) => setQuery((current) => ({ ...current, ...partial }))
  const sortBy = (column: SortColumn) =>
    setQuery((current) => ({
      ...current,
      sort: column,
      direction: current.sort !== column ? firstDirection(column) : current.direction === 'ascending' ? 'descending' : 'ascending',
    }))

  if (loadError) return <p role="alert">The customers could not be loaded: {loadError}</p>
  if (!loaded) return <p aria-busy="true">Loading customers…</p>
  if (customers.length === 0) {
    return (
      <section className="empty-state" aria-label="No customers">
        <h2>No customers yet</h2>
        <p>{`Record the customers you create in the ${portalNames()} portals, with their Vault credentials kept in your keychain.`}</p>
        <div className="empty-state__actions">
          <button type="button" className="primary" onClick={onAdd}>
            {NEW_CUSTOMER}
          </button>
          <DeletedCustomersButton />
        </div>
      </section>
    )
  }
  return (
    <section className="customer-list" aria-label="Customer list">
      <CustomerToolbar
        query={query}
        onChange={change}
        shown={shown.length}
        total={customers.length}
        actions={
          <>
            {query.passwordOlderThanDays !== null ? <ExportShownButton customers={shown} /> : null}
            <DeletedCustomersButton />
          </>
        }
      />
      {shown.length === 0 ? (
        <div className="no-match">
          <h2>No customers match</h2>
          <p>
            {query.search.trim() !== '' ? (
              <>Nothing matches “{query.search.trim()}”</>
            ) : query.passwordOlderThanDays !== null ? (
              <>No customer shown has a Vault password older than {query.passwordOlderThanDays} days</>
            ) : query.service !== 'all' ? (
              <>No customer has these services</>
            ) : (
              <>Every customer’s onboarding is finished</>
            )}
            {query.search.trim() !== '' && query.service !== 'all' ? ' with this service filter' : ''}
            {query.onboarding === 'unfinished' && (query.search.trim() !== '' || query.service !== 'all') ? ' among those whose onboarding is not finished' : ''}. Every word you type must appear in
            the company, username, e-mail, domain, notify users or locations.
          </p>
          <button type="button" onClick={() => change({ search: '', service: 'all', passwordOlderThanDays: null, onboarding: 'any' })}>
            Clear search and filter
          </button>
        </div>
      ) : (
        <>
          <SelectionBar shown={shown} actions={(selected) => (
              <>
                <SelectionExports customers={selected} />
                <FillPortalButton customers={selected} />
              </>
            )} />
          <CustomerGrid
            customers={shown}
            selectedId={selectedId}
            selection={selection.ids}
            onSelection={changeSelection}
            sort={query.sort}
            direction={query.direction}
            onSort={sortBy}
            onOpen={selectCustomer}
            onEditLicenses={editLicenses}
          />
        </>
      )}
      <TotalsPanel scopes={totalsScopes} />
      {editingLicenses ? <LicenseEditor customer={editingLicenses} onClose={() => setLicensesId(null)} /> : null}
    </section>
  )
}
