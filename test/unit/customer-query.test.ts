import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { CustomerListItem } from '../../main/common/contract'
import {
  DEFAULT_QUERY,
  firstDirection,
  queryCustomers,
  searchTextOf,
  sortCustomers,
  type CustomerQuery,
} from '../../renderer/src/features/customers/customer-query'

interface Seed {
  id: string
  company: string
  updatedAt?: string
  x360?: { username: string; email: string; locations: string[] }
  nexetic?: { licenses: number; storageGb: number; domain?: string | null; notify?: string[]; organization?: string }
}

function customer(seed: Seed): CustomerListItem {
  return {
    id: seed.id,
    companyName: seed.company,
    notes: '',
    createdAt: '2026-01-01T09:00:00.000Z',
    updatedAt: seed.updatedAt ?? '2026-01-01T09:00:00.000Z',
    x360: seed.x360 ? { ...seed.x360, passwordSetAt: '2026-01-01T09:00:00.000Z' } : null,
    nexetic: seed.nexetic
      ? {
          organizationName: seed.nexetic.organization ?? seed.company,
          domain: seed.nexetic.domain ?? null,
          userLicenses: seed.nexetic.licenses,
          extraStorageGb: seed.nexetic.storageGb,
          notifyUsers: seed.nexetic.notify ?? ['it@example.com'],
          storageType: 'Azure (Ireland)',
        }
      : null,
  }
}

const contoso = customer({
  id: 'c1',
  company: 'Contoso Ltd',
  updatedAt: '2026-03-01T10:00:00.000Z',
  x360: { username: 'contoso_admin', email: 'backup@contoso.com', locations: ['Dublin_HQ', 'Cork'] },
  nexetic: { licenses: 25, storageGb: 2048, domain: 'contoso.onmicrosoft.com', notify: ['alerts@contoso.com', 'ops@contoso.com'] },
})
const fabrikam = customer({
  id: 'c2',
  company: 'Fabrikam Inc',
  updatedAt: '2026-02-01T10:00:00.000Z',
  x360: { username: 'fabrikam', email: 'it@fabrikam.example', locations: ['Main'] },
})
const northwind = customer({
  id: 'c3',
  company: 'Northwind Traders',
  updatedAt: '2026-04-01T10:00:00.000Z',
  nexetic: { licenses: 5, storageGb: 100, domain: 'northwind.com', notify: ['admin@northwind.com'] },
})
const muller = customer({ id: 'c4', company: 'Müller GmbH', updatedAt: '2026-01-15T10:00:00.000Z' })
const all = [contoso, fabrikam, northwind, muller]

const query = (partial: Partial<CustomerQuery>): CustomerQuery => ({ ...DEFAULT_QUERY, ...partial })
const ids = (list: readonly CustomerListItem[]) => list.map((item) => item.id)
const search = (text: string) => ids(queryCustomers(all, query({ search: text })))

describe('search as you type', () => {
  test('finds by company name, case-insensitively', () => {
    assert.deepEqual(search('CONTOSO'), ['c1'])
    assert.deepEqual(search('trad'), ['c3'])
  })

  test('finds by x360 username, e-mail and location', () => {
    assert.deepEqual(search('fabrikam'), ['c2'])
    assert.deepEqual(search('it@fabrikam'), ['c2'])
    assert.deepEqual(search('dublin_hq'), ['c1'])
    assert.deepEqual(search('cork'), ['c1'])
  })

  test('finds by Nexetic domain and notify users', () => {
    assert.deepEqual(search('northwind.com'), ['c3'])
    assert.deepEqual(search('ops@contoso'), ['c1'])
  })

  test('every typed word must match, in any field and any order', () => {
    assert.deepEqual(search('cork contoso'), ['c1'])
    assert.deepEqual(search('  contoso   northwind '), [])
  })

  test('ignores accents both ways', () => {
    assert.deepEqual(search('muller'), ['c4'])
    assert.deepEqual(search('MÜLLER'), ['c4'])
  })

  test('a word does not match across the end of one field and the start of the next', () => {
    // "Contoso Ltd" is followed by "contoso_admin": without a separator "ltdcontoso" would match.
    assert.deepEqual(search('ltdcontoso'), [])
  })

  test('an empty or blank search lists everyone', () => {
    assert.equal(search('').length, 4)
    assert.equal(search('   ').length, 4)
  })

  test('the search text is built once per customer object and rebuilt for a changed copy', () => {
    const first = searchTextOf(fabrikam)
    assert.equal(searchTextOf(fabrikam), first)
    const renamed = { ...fabrikam, companyName: 'Fabrikam Group' }
    assert.match(searchTextOf(renamed), /fabrikam group/)
    assert.doesNotMatch(searchTextOf(renamed), /fabrikam inc/)
    assert.match(searchTextOf(fabrikam), /fabrikam inc/)
  })
})

describe('filter by service', () => {
  const filtered = (service: CustomerQuery['service']) => ids(queryCustomers(all, query({ service })))

  test('each filter keeps the customers that have those services', () => {
    assert.deepEqual(filtered('all'), ['c1', 'c2', 'c4', 'c3'])
    assert.deepEqual(filtered('x360'), ['c1', 'c2'])
    assert.deepEqual(filtered('nexetic'), ['c1', 'c3'])
    assert.deepEqual(filtered('every'), ['c1'])
    assert.deepEqual(filtered('none'), ['c4'])
  })

  test('combines with the search', () => {
    assert.deepEqual(ids(queryCustomers(all, query({ service: 'nexetic', search: 'contoso' }))), ['c1'])
    assert.deepEqual(ids(queryCustomers(all, query({ service: 'x360', search: 'northwind' }))), [])
  })
})

describe('sort by column', () => {
  const sorted = (sort: CustomerQuery['sort'], direction: CustomerQuery['direction']) => ids(sortCustomers(all, sort, direction))

  test('company, both ways, with natural order for numbers', () => {
    const numbered = [customer({ id: 'a', company: 'Site 10' }), customer({ id: 'b', company: 'site 9' }), customer({ id: 'c', company: 'Site 1' })]
    assert.deepEqual(ids(sortCustomers(numbered, 'company', 'ascending')), ['c', 'b', 'a'])
    assert.deepEqual(ids(sortCustomers(numbered, 'company', 'descending')), ['a', 'b', 'c'])
  })

  test('username; customers without x360Recover come last in both directions', () => {
    assert.deepEqual(sorted('username', 'ascending'), ['c1', 'c2', 'c4', 'c3'])
    assert.deepEqual(sorted('username', 'descending'), ['c2', 'c1', 'c4', 'c3'])
  })

  test('licenses and storage as numbers; customers without Nexetic come last', () => {
    assert.deepEqual(sorted('licenses', 'ascending'), ['c3', 'c1', 'c2', 'c4'])
    assert.deepEqual(sorted('licenses', 'descending'), ['c1', 'c3', 'c2', 'c4'])
    assert.deepEqual(sorted('storage', 'descending'), ['c1', 'c3', 'c2', 'c4'])
  })

  test('updated time, newest first when descending', () => {
    assert.deepEqual(sorted('updated', 'descending'), ['c3', 'c1', 'c2', 'c4'])
    assert.deepEqual(sorted('updated', 'ascending'), ['c4', 'c2', 'c1', 'c3'])
    assert.equal(firstDirection('updated'), 'descending')
    assert.equal(firstDirection('company'), 'ascending')
  })

  test('ties go by company name, then keep the order of the list (stable)', () => {
    const twins = [
      customer({ id: 't1', company: 'Zeta', nexetic: { licenses: 10, storageGb: 0 } }),
      customer({ id: 't2', company: 'Alpha', nexetic: { licenses: 10, storageGb: 0 } }),
      customer({ id: 't3', company: 'alpha', nexetic: { licenses: 10, storageGb: 0 } }),
      customer({ id: 't4', company: 'ALPHA', nexetic: { licenses: 10, storageGb: 0 } }),
    ]
    assert.deepEqual(ids(sortCustomers(twins, 'licenses', 'ascending')), ['t2', 't3', 't4', 't1'])
    assert.deepEqual(ids(sortCustomers(twins, 'licenses', 'descending')), ['t2', 't3', 't4', 't1'])
    assert.deepEqual(ids(sortCustomers(twins, 'company', 'descending')), ['t1', 't2', 't3', 't4'])
  })

  test('the input list is never reordered', () => {
    const input = [northwind, contoso]
    sortCustomers(input, 'company', 'ascending')
    assert.deepEqual(ids(input), ['c3', 'c1'])
  })

  test('a search keeps the sort order', () => {
    const list = queryCustomers(all, query({ search: 'com', sort: 'licenses', direction: 'descending' }))
    assert.deepEqual(ids(list), ['c1', 'c3'])
  })
})

describe('many customers', () => {
  // Correctness at scale; the time of a keystroke is measured by the benchmark, not asserted here.
  const many = Array.from({ length: 10_000 }, (_, index) =>
    customer({
      id: `m${index}`,
      company: `Customer ${index}`,
      x360: index % 2 === 0 ? { username: `user_${index}`, email: `it${index}@example.com`, locations: [`Site_${index % 7}`] } : undefined,
      nexetic: index % 3 === 0 ? { licenses: (index % 50) + 1, storageGb: index, domain: `c${index}.example.com` } : undefined,
    }),
  )

  test('a list of 10,000 is searched, filtered and sorted correctly', () => {
    assert.deepEqual(ids(queryCustomers(many, query({ search: 'user_4242' }))), ['m4242'])
    assert.deepEqual(ids(queryCustomers(many, query({ search: 'c9999.example' }))), ['m9999'])
    assert.equal(queryCustomers(many, query({ service: 'every' })).length, Math.ceil(10_000 / 6))
    const byStorage = queryCustomers(many, query({ sort: 'storage', direction: 'descending' }))
    assert.equal(byStorage[0]?.id, 'm9999')
  })

  test('the sorted order is computed once per list and order, then reused by every keystroke', () => {
    assert.equal(sortCustomers(many, 'licenses', 'ascending'), sortCustomers(many, 'licenses', 'ascending'))
    assert.equal(queryCustomers(many, query({ sort: 'updated' })), sortCustomers(many, 'updated', 'ascending'))
  })

  test('a search that every customer matches gives the sorted list itself, so what is memoized on it is reused', () => {
    assert.equal(queryCustomers(many, query({ search: 'customer' })), sortCustomers(many, 'company', 'ascending'))
  })

  test('a search finds the same customers in every order, each in its order', () => {
    const byCompany = queryCustomers(many, query({ search: 'site_3 user' }))
    const byLicenses = queryCustomers(many, query({ search: 'site_3 user', sort: 'licenses', direction: 'descending' }))
    const matches = (item: CustomerListItem) => item.x360?.locations.includes('Site_3') === true
    assert.deepEqual(ids(byCompany), ids(sortCustomers(many, 'company', 'ascending').filter(matches)))
    assert.deepEqual(ids(byLicenses), ids(sortCustomers(many, 'licenses', 'descending').filter(matches)))
    assert.equal(byCompany.length, many.filter(matches).length)
  })
})
