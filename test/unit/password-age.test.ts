// The password's age and the rotation report's rule (issue 10, item 2), as plain functions.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { CustomerListItem } from '../../main/common/contract'
import { passwordAgeDays, passwordOlderThan } from '../../main/common/password-age'
import { passwordAgeText } from '../../renderer/src/features/credentials/password-age-text'
import { DEFAULT_QUERY, queryCustomers } from '../../renderer/src/features/customers/customer-query'
import { parseRotationDays } from '../../renderer/src/features/customers/password-rotation'

const local = (day: number, hour = 12, minute = 0) => new Date(2026, 0, day, hour, minute)

test('the age counts calendar days in the local time zone, and reads naturally', () => {
  assert.equal(passwordAgeText(local(10, 9).toISOString(), local(10, 18)), 'set today')
  assert.equal(passwordAgeText(local(9, 23, 50).toISOString(), local(10, 0, 5)), 'set yesterday', 'fifteen minutes, but yesterday')
  assert.equal(passwordAgeText(local(1).toISOString(), local(10)), 'set 9 days ago')
  assert.equal(passwordAgeDays(new Date(2026, 0, 1).toISOString(), new Date(2026, 3, 5)), 94)
  assert.equal(passwordAgeDays(local(12).toISOString(), local(10)), 0, 'a clock set back is never a negative age')
  assert.equal(passwordAgeDays('not a time', local(10)), 0)
})

const customer = (id: string, passwordSetAt: string | null, x360 = true): CustomerListItem => ({
  id,
  companyName: id,
  notes: '',
  createdAt: local(1).toISOString(),
  updatedAt: local(1).toISOString(),
  x360: x360 ? { username: id, email: `${id}@example.com`, locations: ['HQ'], passwordSetAt } : null,
  nexetic: null,
})

test('the rotation filter keeps x360Recover customers whose password is older than N days, with the search and service filters', () => {
  const now = local(31)
  const list = [customer('old', local(1).toISOString()), customer('edge', local(1).toISOString()), customer('fresh', local(30).toISOString()), customer('never', null), customer('nexetic', null, false)]
  assert.equal(passwordOlderThan(list[0]!, 29, now), true)
  assert.equal(passwordOlderThan(list[0]!, 30, now), false, 'exactly 30 days old is not older than 30')
  assert.deepEqual(queryCustomers(list, { ...DEFAULT_QUERY, passwordOlderThanDays: 20 }, now).map((c) => c.id), ['edge', 'old'])
  assert.deepEqual(queryCustomers(list, { ...DEFAULT_QUERY, passwordOlderThanDays: 0 }, now).map((c) => c.id), ['edge', 'fresh', 'old'])
  assert.deepEqual(queryCustomers(list, { ...DEFAULT_QUERY, search: 'ol', passwordOlderThanDays: 20 }, now).map((c) => c.id), ['old'])
  assert.equal(queryCustomers(list, DEFAULT_QUERY, now).length, 5, 'off by default')
})

test('the days box takes a whole number, or nothing for any age', () => {
  assert.deepEqual(parseRotationDays(' 90 '), { days: 90 })
  assert.deepEqual(parseRotationDays(''), { days: null })
  for (const bad of ['9o', '-5', '1.5', '1e3']) assert.ok('error' in parseRotationDays(bad), bad)
  assert.ok('error' in parseRotationDays('99999'))
})
