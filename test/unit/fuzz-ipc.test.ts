import assert from 'node:assert/strict'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { test } from 'node:test'
import { z } from 'zod'
import { allChannels, contract, type DeskApi } from '../../main/common/contract'
import { emptyCustomerForm } from '../../main/common/customer-form'
import type { DeskErrorCode, Result } from '../../main/common/result'
import { createDesk } from '../../main/desk'
import { dispatch } from '../../main/ipc/handler-table'
import { createMemoryClipboard } from '../../main/services/secret-clipboard'
import { createDeskApi } from '../../preload/desk-api'
import { seededRandom } from '../helpers/generate-customers'
import { tempDesk } from '../helpers/temp-desk'

// FUZZ_SEED=<n> replays a run; FUZZ_PER_CHANNEL=<n> sends more (or fewer) payloads to each channel.
const SEED = Number(process.env.FUZZ_SEED ?? 20261123)
const PER_CHANNEL = Number(process.env.FUZZ_PER_CHANNEL ?? 2000)
const UNKNOWN_CHANNEL_TRIES = 2000

/** Channels that change nothing even when the payload is valid; every other channel gets only invalid payloads. */
const READ_ONLY = new Set([
  'desk:app.status',
  'desk:app.copyText',
  'desk:customers.list',
  'desk:customers.get',
  'desk:customers.revealPassword',
  'desk:customers.copyPassword',
  'desk:history.deletions',
  'desk:exports.progress',
  'desk:maintenance.listDailyBackups',
  'desk:maintenance.checkKeychain',
  'desk:accessLog.list',
  'desk:accessLog.verify',
  'desk:accessLog.exposedSinceChanged',
  'desk:billing.asOf',
  'desk:billing.month',
])
const ERROR_CODES: DeskErrorCode[] = ['invalid', 'needs-confirmation', 'not-found', 'conflict', 'keychain-unavailable', 'store-read-only', 'cancelled', 'internal']
const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype']
const HUGE = [1, 2, 5].map((mb) => 'A'.repeat(mb * 1024 * 1024))

type Random = () => number
type JsonSchema = { type?: string; properties?: Record<string, JsonSchema>; required?: string[]; items?: JsonSchema; anyOf?: JsonSchema[]; enum?: unknown[]; const?: unknown; minLength?: number; maxLength?: number; minItems?: number; default?: unknown }

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T

function randomString(random: Random): string {
  const kind = random()
  if (kind < 0.1) return pick(random, HUGE)
  if (kind < 0.2) return pick(random, ['', ' ', '\0', '__proto__', 'constructor', '../../etc/passwd', 'desk:app.status', '<script>alert(1)</script>', '\u202e\ud800', 'x'.repeat(101)])
  const length = Math.floor(random() * 40)
  return Array.from({ length }, () => String.fromCharCode(Math.floor(random() * 0x2fff))).join('')
}

/** An object with a key that only JSON.parse (or structured clone) makes an own property, as a hostile page would send it. */
function withOwnKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
  return target
}

function deepNesting(random: Random): unknown {
  let value: unknown = 'bottom'
  const depth = 200 + Math.floor(random() * 3000)
  for (let level = 0; level < depth; level += 1) value = level % 2 ? [value] : { nested: value }
  return value
}

/** Anything Electron's structured clone can carry from a page: primitives, containers, built-ins. */
function randomValue(random: Random, depth = 0): unknown {
  const kind = Math.floor(random() * 16)
  switch (kind) {
    case 0: return undefined
    case 1: return null
    case 2: return random() < 0.5
    case 3: return pick(random, [0, -0, -1, 1.5, Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])
    case 4: case 5: return randomString(random)
    case 6: return depth > 3 ? [] : Array.from({ length: Math.floor(random() * 5) }, () => randomValue(random, depth + 1))
    case 7: case 8: {
      if (depth > 3) return {}
      const object: Record<string, unknown> = {}
      for (let n = Math.floor(random() * 5); n > 0; n -= 1) withOwnKey(object, pick(random, [...POLLUTING_KEYS, 'id', 'form', 'name', 'text', 'customerIds', randomString(random)]), randomValue(random, depth + 1))
      return object
    }
    case 9: return JSON.parse(pick(random, ['{"__proto__":{"polluted":"yes"}}', '{"constructor":{"prototype":{"polluted":"yes"}}}', '{"id":"x","__proto__":{"polluted":"yes"}}', '[{"__proto__":{"polluted":"yes"}}]']))
    case 10: return deepNesting(random)
    case 11: return pick(random, [new Date(Number.NaN), new Date(0), /x/g, new Map([['id', 'x']]), new Set(['x']), new Uint8Array(16), 10n ** 30n])
    case 12: return Array.from({ length: 10_000 }, (_, index) => index)
    default: return randomString(random)
  }
}

/** A valid request for the channel, built from its schema, to be broken in one place by `mutate`. */
function sample(schema: JsonSchema, random: Random): unknown {
  if (schema.anyOf) return sample(pick(random, schema.anyOf), random)
  if (schema.const !== undefined) return schema.const
  if (schema.enum) return pick(random, schema.enum)
  switch (schema.type) {
    case 'object': {
      const object: Record<string, unknown> = {}
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        if (schema.required?.includes(key) || random() < 0.6) object[key] = sample(property, random)
      }
      return object
    }
    case 'array': return Array.from({ length: Math.max(schema.minItems ?? 0, 1 + Math.floor(random() * 3)) }, () => sample(schema.items ?? {}, random))
    case 'string': return 'x'.repeat(Math.min(schema.maxLength ?? 10, Math.max(schema.minLength ?? 0, 1 + Math.floor(random() * 10))))
    case 'boolean': return random() < 0.5
    case 'number': case 'integer': return Math.floor(random() * 10)
    case 'null': return null
    default: return randomValue(random)
  }
}

function containers(value: unknown, found: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (typeof value === 'object' && value !== null && found.length < 50) {
    found.push(value as Record<string, unknown>)
    for (const child of Object.values(value)) containers(child, found)
  }
  return found
}

/** Breaks a valid request: a wrong type, an extra or polluting key, a missing key, a huge or deep value. */
function mutate(payload: unknown, random: Random): unknown {
  const nodes = containers(payload)
  const node = nodes.length > 0 ? pick(random, nodes) : null
  const keys = node ? Object.keys(node) : []
  const operation = Math.floor(random() * 7)
  if (!node || operation === 0) return pick(random, [[payload], { request: payload }, JSON.stringify(payload ?? null), deepNesting(random)])
  if (operation === 1 || keys.length === 0) withOwnKey(node, pick(random, [...POLLUTING_KEYS, 'extra', randomString(random)]), randomValue(random))
  else if (operation === 2) delete node[pick(random, keys)]
  else if (operation === 3) node[pick(random, keys)] = pick(random, HUGE)
  else if (operation === 4) node[pick(random, keys)] = deepNesting(random)
  else node[pick(random, keys)] = randomValue(random)
  return payload
}

async function snapshotFiles(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name))
  return new Map(await Promise.all(files.map(async (file) => [relative(dir, file), await readFile(file)] as const)))
}

function assertTypedResult(result: unknown, where: string): asserts result is Result<unknown> {
  assert.ok(typeof result === 'object' && result !== null && 'ok' in result, `${where}: not a Result`)
  const typed = result as Result<unknown>
  if (typed.ok) return
  assert.ok(ERROR_CODES.includes(typed.error.code), `${where}: unknown error code ${String(typed.error.code)}`)
  assert.ok(typeof typed.error.message === 'string' && typed.error.message.length > 0 && typed.error.message.length < 2000, `${where}: the message is a short text`)
  const size = JSON.stringify(typed.error).length
  assert.ok(size < 20_000, `${where}: the error does not echo the payload back (${size} characters: ${JSON.stringify(typed.error).slice(0, 300)})`)
}

test(`every channel survives ${PER_CHANNEL} hostile payloads (seed ${SEED}) with a typed answer and no change on disk`, { timeout: 240_000 }, async (t) => {
  const { dataDir, keychainService } = await tempDesk(t)
  const reported: unknown[] = []
  const desk = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard(), report: (error) => reported.push(error) })
  t.after(() => desk.close())
  const api: DeskApi = createDeskApi((channel, payload) => dispatch(desk.handlers, channel, payload))
  const password = 'Fuzz-Vault-Pass-1!'
  const created = await api.customers.create({
    form: { ...emptyCustomerForm(), companyName: 'Contoso', x360: { username: 'contoso_01', email: 'it@contoso.com', locations: 'HQ', password, confirmPassword: password } },
  })
  assert.ok(created.ok)
  assert.ok((await api.customers.create({ form: { ...emptyCustomerForm(), companyName: 'Fabrikam' } })).ok)

  const filesBefore = await snapshotFiles(dataDir)
  const memoryBefore = JSON.stringify(desk.store.data)
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort()
  const random = seededRandom(SEED)
  const counts = { sent: 0, validSkipped: 0, validReadOnly: 0 }

  for (const { namespace, method, name } of allChannels()) {
    const schema = (contract[namespace] as Record<string, { request: z.ZodType }>)[method]?.request
    assert.ok(schema, name)
    const shape = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema
    for (let round = 0; round < PER_CHANNEL; round += 1) {
      const payload = random() < 0.5 ? mutate(sample(shape, random), random) : randomValue(random)
      const valid = schema.safeParse(payload).success
      if (valid && !READ_ONLY.has(name)) {
        counts.validSkipped += 1
        continue
      }
      const where = `${name} round ${round} (FUZZ_SEED=${SEED})`
      const result = await dispatch(desk.handlers, name, payload)
      counts.sent += 1
      assertTypedResult(result, where)
      if (valid) counts.validReadOnly += 1
      else assert.ok(!result.ok && result.error.code === 'invalid', `${where}: an invalid payload is refused as invalid`)
    }
  }

  for (let round = 0; round < UNKNOWN_CHANNEL_TRIES; round += 1) {
    const channel = random() < 0.3 ? pick(random, ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'desk:Customers.list', 'desk:customers.list ', 'desk:', 'desk:customers.', 'desk:maintenance.restore']) : randomValue(random)
    if (typeof channel === 'string' && desk.handlers.has(channel)) continue
    const result = await dispatch(desk.handlers, channel, randomValue(random))
    assert.deepEqual(result, { ok: false, error: { code: 'invalid', message: 'Unknown request.' } })
  }

  t.diagnostic(`${counts.sent} payloads sent to ${allChannels().length} channels (${counts.validReadOnly} valid, to read-only channels), ${counts.validSkipped} valid ones held back from channels that write, ${UNKNOWN_CHANNEL_TRIES} unknown channels`)
  assert.deepEqual(reported, [], 'no handler met an unexpected error')
  assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype was not polluted')
  assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), prototypeKeys)
  assert.equal(JSON.stringify(desk.store.data), memoryBefore, 'the customers in memory are unchanged')
  const filesAfter = await snapshotFiles(dataDir)
  assert.deepEqual([...filesAfter.keys()].sort(), [...filesBefore.keys()].sort(), 'no file appeared or vanished')
  // The lock's heartbeat raises its counter every 30 s by design (a slow run sees one); the lock is otherwise the same.
  const withoutBeat = (bytes: Buffer): unknown => ({ ...(JSON.parse(bytes.toString('utf8')) as object), beat: null })
  for (const [file, bytes] of filesBefore) {
    const after = filesAfter.get(file) ?? Buffer.alloc(0)
    if (file.endsWith('.lock')) assert.deepEqual(withoutBeat(after), withoutBeat(bytes), `${file} is held by the same desk`)
    else assert.ok(bytes.equals(after), `${file} is byte for byte the same`)
  }
})
