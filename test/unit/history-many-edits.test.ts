import assert from 'node:assert/strict'
import { readdir } from 'node:fs/promises'
import { describe, test } from 'node:test'
import type { HistoryEntry } from '../../main/common/customer-model'
import { deskDataSchema } from '../../main/services/store-file'
import { addNexeticCustomer, openLicenseDesk, valueOf } from '../helpers/license-fixtures'

const EDITS = 300

/** Edit n of the run: which customer, and the values as a user would type them (some in TB, some unchanged). */
function edit(n: number) {
  const gb = ((n * 13) % 20) * 512
  return {
    customer: n % 3,
    userLicenses: String(1 + ((n * 7) % 50)),
    extraStorage: n % 4 === 0 && gb % 1024 === 0 ? `${gb / 1024} TB` : String(gb),
    gb,
  }
}

describe('many quick edits in a row', () => {
  test(`${EDITS} changes fired without waiting all reach a valid store file, each recorded once in order`, async (t) => {
    const opened = await openLicenseDesk(t)
    const { api, dataDir, storeText } = opened
    const customers = await Promise.all(['Contoso', 'Fabrikam', 'Northwind'].map((name) => addNexeticCustomer(api, name, { userLicenses: '1', extraStorage: '0' })))

    // What a one-at-a-time run would do: the same values, the same entries, the same refusals of "nothing changed".
    const expected = customers.map(() => ({ userLicenses: 1, extraStorageGb: 0, entries: 1, refused: 0 }))
    for (let n = 0; n < EDITS; n++) {
      const { customer, userLicenses, gb } = edit(n)
      const state = expected[customer]
      assert.ok(state)
      const changes = Number(Number(userLicenses) !== state.userLicenses) + Number(gb !== state.extraStorageGb)
      if (changes === 0) state.refused += 1
      state.entries += changes
      state.userLicenses = Number(userLicenses)
      state.extraStorageGb = gb
    }

    const results = await Promise.all(
      Array.from({ length: EDITS }, (_, n) => {
        const { customer, userLicenses, extraStorage } = edit(n)
        return api.licenses.change({ id: customers[customer]?.id ?? '', userLicenses, extraStorage, reason: `edit ${n}` })
      }),
    )
    const refusals = results.filter((result) => !result.ok)
    assert.ok(refusals.every((result) => !result.ok && result.error.message.startsWith('Nothing changed')), 'the only refusals are "nothing changed"')
    assert.equal(refusals.length, expected.reduce((sum, state) => sum + state.refused, 0))

    const onDisk = deskDataSchema.parse(JSON.parse(await storeText()))
    assert.deepEqual((await readdir(dataDir)).filter((name) => name.endsWith('.tmp')), [], 'no temporary file is left behind')
    for (const [index, customer] of customers.entries()) {
      const stored = onDisk.customers.find((candidate) => candidate.id === customer.id)
      const want = expected[index]
      assert.ok(stored?.nexetic && want)
      assert.deepEqual(
        { userLicenses: stored.nexetic.userLicenses, extraStorageGb: stored.nexetic.extraStorageGb, entries: stored.history.length },
        { userLicenses: want.userLicenses, extraStorageGb: want.extraStorageGb, entries: want.entries },
        `${customer.companyName} holds the last values and every change`,
      )
      // No lost update: each change starts from the value the previous change of that field left.
      for (const field of ['nexetic.userLicenses', 'nexetic.extraStorageGb']) {
        const chain: HistoryEntry[] = stored.history.filter((entry) => entry.field === field)
        for (let i = 1; i < chain.length; i++) assert.equal(chain[i]?.from, chain[i - 1]?.to, `${field} entry ${i} follows the one before`)
      }
      assert.equal(new Set(stored.history.map((entry) => entry.id)).size, stored.history.length, 'entry ids are unique')
    }

    const { api: reopened } = await opened.reopen()
    const status = valueOf(await reopened.app.status({}))
    assert.deepEqual(status.store, { kind: 'ok' })
    const again = valueOf(await reopened.customers.get({ id: customers[0]?.id ?? '' }))
    assert.equal(again.history.length, expected[0]?.entries)
  })
})
