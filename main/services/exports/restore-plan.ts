import type { RestoreConflict } from '../../common/contract/exports'
import type { Customer } from '../../common/customer-model'
import { usernameOwners } from '../../common/customer-uniqueness'
import { loginOf } from '../../common/vendors/accounts'

export interface RestorePlan {
  /** Backup customers whose id is new to this desk. */
  added: Customer[]
  /** Backup customers whose id is on this desk: the backup's version wins. */
  replaced: Customer[]
  /** Customers kept on this desk whose username a different backup customer also uses. */
  conflicts: RestoreConflict[]
}

/** Matches by id, which never changes; a username held by two different customers would break the portal's rule. */
export function planRestore(desk: readonly Customer[], backup: readonly Customer[]): RestorePlan {
  const deskIds = new Set(desk.map((customer) => customer.id))
  const backupIds = new Set(backup.map((customer) => customer.id))
  const backupOwner = usernameOwners(backup)
  const conflicts = desk.flatMap((kept) => {
    const username = loginOf(kept)
    if (backupIds.has(kept.id) || username === null) return []
    const other = backupOwner(username)
    return other ? [{ username, deskCompany: kept.companyName, backupCompany: other.companyName }] : []
  })
  return {
    added: backup.filter((customer) => !deskIds.has(customer.id)),
    replaced: backup.filter((customer) => deskIds.has(customer.id)),
    conflicts,
  }
}
