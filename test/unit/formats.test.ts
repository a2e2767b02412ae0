import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { formatDate, formatDateTime, formatNumber, formatSigned, formatStorage, formatsFor, formatWeekdayDate, pluralText } from '../../main/common/formats'

// A fixed moment at noon UTC, so the day is the same in every time zone the tests may run in.
const DAY = new Date('2026-12-01T12:00:00Z')

describe('numbers, dates and storage in the user locale', () => {
  test('numbers: en-US groups with commas, de-DE with points', () => {
    assert.equal(formatNumber(2048, 'en-US'), '2,048')
    assert.equal(formatNumber(2048, 'de-DE'), '2.048')
    assert.equal(formatNumber(2_560_000, 'de-DE'), '2.560.000')
    assert.equal(formatNumber(1.5, 'de-DE', 2), '1,5')
    assert.equal(formatSigned(5, 'en-US'), '+5')
    assert.equal(formatSigned(-1500, 'de-DE'), '−1.500')
  })

  test('storage: exact GB first, TB in brackets from 1 TB when it is exact to two decimals', () => {
    assert.equal(formatStorage(0, 'en-US'), '0 GB')
    assert.equal(formatStorage(1023, 'en-US'), '1,023 GB')
    assert.equal(formatStorage(2048, 'en-US'), '2,048 GB (2 TB)')
    assert.equal(formatStorage(1536, 'en-US'), '1,536 GB (1.5 TB)')
    assert.equal(formatStorage(1500, 'en-US'), '1,500 GB', 'no rounded TB figure that would mislead')
    assert.equal(formatStorage(2_560_000, 'en-US'), '2,560,000 GB (2,500 TB)')
    assert.equal(formatStorage(2048, 'de-DE'), '2.048 GB (2 TB)')
    assert.equal(formatStorage(1536, 'de-DE'), '1.536 GB (1,5 TB)')
    assert.equal(formatStorage(2_560_000, 'de-DE'), '2.560.000 GB (2.500 TB)')
  })

  test('dates: the locale decides the order and the words', () => {
    assert.equal(formatDate(DAY, 'en-US'), 'Dec 1, 2026')
    assert.equal(formatDate(DAY, 'de-DE'), '01.12.2026')
    assert.equal(formatDate(DAY.toISOString(), 'de-DE'), '01.12.2026', 'an ISO string as stored')
    assert.equal(formatDate('not a date', 'de-DE'), 'not a date', 'shown as it is rather than "Invalid Date"')
    assert.match(formatDateTime(DAY, 'en-US'), /^Dec 1, 2026, \d{1,2}:\d{2}\s[AP]M$/)
    assert.match(formatDateTime(DAY, 'de-DE'), /^01\.12\.2026, \d{2}:\d{2}$/)
    assert.equal(formatWeekdayDate(new Date(2025, 0, 7), 'en-US'), 'Tue, Jan 7, 2025')
    assert.equal(formatWeekdayDate(new Date(2025, 0, 7), 'de-DE'), 'Di., 7. Jan. 2025')
  })

  test('count phrases read naturally for every count, with the digits in the locale', () => {
    const forms = { one: 'Customer sheet for your only customer', other: 'Customer sheets for all # customers' }
    assert.equal(pluralText(1, forms, 'en-US'), 'Customer sheet for your only customer')
    assert.equal(pluralText(3, forms, 'en-US'), 'Customer sheets for all 3 customers')
    assert.equal(pluralText(4000, forms, 'de-DE'), 'Customer sheets for all 4.000 customers')
    assert.equal(pluralText(0, 'customer', 'en-US'), '0 customers')
    assert.equal(pluralText(1, 'customer', 'de-DE'), '1 customer')
    // French counts 0 as singular; the words are English, so English decides.
    assert.equal(pluralText(0, 'customer', 'fr-FR'), '0 customers')
    assert.equal(pluralText(1200, { one: '# leftover entry', other: '# leftover entries' }, 'en-US'), '1,200 leftover entries')
  })

  test('formatsFor binds one locale to every formatter', () => {
    const german = formatsFor('de-DE')
    assert.equal(german.number(2048), '2.048')
    assert.equal(german.storage(2048), '2.048 GB (2 TB)')
    assert.equal(german.date(DAY), '01.12.2026')
    assert.equal(german.plural(2, 'row'), '2 rows')
  })
})
