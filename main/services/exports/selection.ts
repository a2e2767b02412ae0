import { byCompanyName } from '../../common/company-order'
import type { Customer } from '../../common/customer-model'
import { DeskFailure } from '../../common/desk-error'

/** The chosen customers in the order the page sent them, or every customer by company name. */
export function pickCustomers(customers: readonly Customer[], ids: readonly string[] | undefined): Customer[] {
  if (ids === undefined) {
    return [...customers].sort(byCompanyName)
  }
  const byId = new Map(customers.map((customer) => [customer.id, customer]))
  const unique = [...new Set(ids)]
  const picked = unique.flatMap((id) => {
    const customer = byId.get(id)
    return customer ? [customer] : []
  })
  const missing = unique.length - picked.length
  if (missing > 0) {
    throw new DeskFailure(
      'not-found',
      missing === 1
        ? 'One of the chosen customers no longer exists; it may have been deleted. Refresh the list and try again.'
        : `${missing} of the chosen customers no longer exist; they may have been deleted. Refresh the list and try again.`,
    )
  }
  return picked
}

/** YYYY-MM-DD in local time, for file names. */
export function dayStamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}
