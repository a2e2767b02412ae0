import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Customer } from '../../main/common/customer-model'
import { deskDataSchema, parseStoreText } from '../../main/services/store-file'
import { StoreSerializer } from '../../main/services/store-serializer'
import { generateCustomers, seededRandom } from '../helpers/generate-customers'

type Node = Record<string, unknown> | unknown[]

/** Every object and array inside a customer, to pick one to change in place. */
function nodesOf(value: unknown, found: Node[] = []): Node[] {
  if (typeof value === 'object' && value !== null && (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype)) {
    found.push(value as Node)
    for (const child of Object.values(value)) nodesOf(child, found)
  }
  return found
}

test('the serialiser always writes exactly JSON.stringify of the data, whatever a change did in place', () => {
  const random = seededRandom(77)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const data = deskDataSchema.parse(generateCustomers(200, 5))
  const serializer = new StoreSerializer()
  const leaves = (): unknown => pick(['text', '', 'ünïcode "quoted"\n', 0, -0, 42, 1.5, Number.NaN, null, true, undefined, ['a'], { nested: 'x' }, new Date(0), { toJSON: () => 'custom' }])
  const edits: ((node: Node) => void)[] = [
    (node) => (Array.isArray(node) ? node.push(leaves()) : (node[`key${Math.floor(random() * 3)}`] = leaves())),
    (node) => {
      const keys = Object.keys(node)
      if (keys.length > 0) (node as Record<string, unknown>)[pick(keys)] = leaves()
    },
    (node) => {
      const keys = Object.keys(node)
      if (Array.isArray(node)) node.splice(Math.floor(random() * node.length), 1)
      else if (keys.length > 0) delete node[pick(keys)]
    },
    (node) => {
      // Same keys in another order: the JSON changes, the set of values does not.
      if (Array.isArray(node)) node.reverse()
      else for (const key of Object.keys(node).slice(0, 1)) {
        const value = node[key]
        delete node[key]
        node[key] = value
      }
    },
    (node) => {
      const keys = Object.keys(node)
      // An equal string that is a different object: the JSON is unchanged and must stay cached.
      if (keys.length > 0) {
        const key = pick(keys)
        const value = (node as Record<string, unknown>)[key]
        if (typeof value === 'string') (node as Record<string, unknown>)[key] = `${value}`.split('').join('')
      }
    },
    (node) => {
      for (const value of Object.values(node)) if (value instanceof Date) value.setTime(value.getTime() + 1000)
    },
    (node) => {
      // One key renamed, every value and position kept: only the key names tell the difference.
      if (Array.isArray(node)) return
      const entries = Object.entries(node)
      const renamed = Math.floor(random() * entries.length)
      for (const [key] of entries) delete node[key]
      entries.forEach(([key, value], index) => (node[index === renamed ? `${key}_renamed` : key] = value))
    },
  ]

  for (let step = 0; step < 1_500; step += 1) {
    const roll = random()
    if (roll < 0.05) data.customers.push(JSON.parse(JSON.stringify(pick(data.customers))) as Customer)
    else if (roll < 0.08) data.customers.splice(Math.floor(random() * data.customers.length), 1)
    else if (roll < 0.1) data.customers[Math.floor(random() * data.customers.length)] = { ...pick(data.customers), notes: `replaced ${step}` }
    else if (roll < 0.12) data.deletions.push({ customerId: `gone-${step}`, companyName: 'Gone', deletedAt: '2026-11-23T10:00:00.000Z', x360Username: null })
    else {
      const customer: Customer = pick(data.customers)
      pick(edits)(pick(nodesOf(customer)))
    }
    assert.equal(serializer.serialize(data).toString('utf8'), JSON.stringify(data), `step ${step}`)
  }
})

test('values whose JSON does not show in their keys (a Date, an object with toJSON) are serialised again every time', () => {
  const data = deskDataSchema.parse(generateCustomers(3, 9))
  const serializer = new StoreSerializer()
  const first = data.customers[0] as unknown as Record<string, unknown>
  const when = new Date(0)
  let label = 'before'
  first.seenAt = when
  first.label = { toJSON: () => label }
  assert.equal(serializer.serialize(data).toString(), JSON.stringify(data))
  when.setTime(86_400_000)
  label = 'after'
  assert.equal(serializer.serialize(data).toString(), JSON.stringify(data))
})

test('unknown fields put back by the serialiser give back the file byte for byte when they came last in each object', () => {
  // In the schema's key order, as the store holds and writes customers.
  const data = deskDataSchema.parse(generateCustomers(30, 9))
  const withUnknown = data.customers.map((customer, index) =>
    index % 3 === 0
      ? {
          ...customer,
          history: customer.history.map((entry) => ({ ...entry, by: `desk ${index}` })),
          x360: customer.x360 && { ...customer.x360, region: 'eu' },
          nexetic: customer.nexetic && { ...customer.nexetic, plan: { tier: 2 } },
          colour: 'blue',
        }
      : customer,
  )
  const deletions = [{ customerId: 'gone', companyName: 'Gone', deletedAt: '2026-11-23T10:00:00.000Z', x360Username: null, note: 'kept' }]
  const text = JSON.stringify({ schemaVersion: 1, customers: withUnknown, deletions, syncedBy: 'hand' })
  const parsed = parseStoreText(text)
  assert.ok(parsed.kind === 'ok')
  assert.equal(new StoreSerializer().serialize(parsed.data, parsed.unknowns).toString('utf8'), text)
})
