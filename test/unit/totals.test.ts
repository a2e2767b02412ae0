import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { StorageType } from '../../main/common/vendors/nexetic/subscription'
import { computeTotals } from '../../main/common/totals'
import { addCustomer, nexeticForm, openLicenseDesk, valueOf, x360Form } from '../helpers/license-fixtures'

interface Seed {
  name: string
  x360?: string
  nexetic?: { userLicenses: string; extraStorage: string; storageType: StorageType }
}

const AZURE: StorageType = 'Azure (Ireland)'
const S3: StorageType = 'Finnish S3 Storage'

/** Both portals, one only, neither; storage typed in GB and TB, 0 GB, one location and several. */
const SEEDS: Seed[] = [
  { name: 'Contoso', x360: 'HQ, DR_Site, Branch_2', nexetic: { userLicenses: '25', extraStorage: '500', storageType: AZURE } },
  { name: 'Fabrikam', nexetic: { userLicenses: '1', extraStorage: '0', storageType: S3 } },
  { name: 'Northwind', x360: 'Main' },
  { name: 'Tailspin', nexetic: { userLicenses: '300', extraStorage: '2 TB', storageType: AZURE } },
  { name: 'Wingtip', x360: 'Oslo, Bergen' },
  { name: 'Litware' },
  { name: 'Adatum', x360: 'Site_A', nexetic: { userLicenses: '40', extraStorage: '1.5 TB', storageType: S3 } },
]

describe('totals', () => {
  test('match the customers on a real desk, for the whole list and for a filtered view', async (t) => {
    const { api } = await openLicenseDesk(t)
    for (const seed of SEEDS) {
      await addCustomer(api, seed.name, {
        x360: seed.x360 ? x360Form(seed.name.toLowerCase(), seed.x360) : null,
        nexetic: seed.nexetic ? nexeticForm(seed.nexetic) : null,
      })
    }
    const list = valueOf(await api.customers.list({}))
    assert.deepEqual(computeTotals(list), {
      customers: 7,
      nexetic: { customers: 4, userLicenses: 25 + 1 + 300 + 40, extraStorageGb: 500 + 0 + 2048 + 1536, byStorageType: { [AZURE]: 2, [S3]: 2 } },
      x360: { customers: 4, locations: 3 + 1 + 2 + 1 },
    })

    const filtered = list.filter((customer) => ['Contoso', 'Tailspin', 'Northwind'].includes(customer.companyName))
    assert.deepEqual(computeTotals(filtered), {
      customers: 3,
      nexetic: { customers: 2, userLicenses: 325, extraStorageGb: 2548, byStorageType: { [AZURE]: 2, [S3]: 0 } },
      x360: { customers: 2, locations: 4 },
    })

    // A license change shows in the totals as soon as the list is read again.
    const tailspin = list.find((customer) => customer.companyName === 'Tailspin')
    assert.ok(tailspin)
    valueOf(await api.licenses.change({ id: tailspin.id, userLicenses: '310', extraStorage: '2048', reason: '' }))
    assert.equal(computeTotals(valueOf(await api.customers.list({}))).nexetic.userLicenses, 376)
  })

  test('an empty list has every figure at zero, with each storage type listed', () => {
    assert.deepEqual(computeTotals([]), {
      customers: 0,
      nexetic: { customers: 0, userLicenses: 0, extraStorageGb: 0, byStorageType: { [AZURE]: 0, [S3]: 0 } },
      x360: { customers: 0, locations: 0 },
    })
  })
})
