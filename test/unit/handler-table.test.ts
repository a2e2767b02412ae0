import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { z } from 'zod'
import { allChannels } from '../../main/common/contract'
import { DeskFailure } from '../../main/common/desk-error'
import { createDesk } from '../../main/desk'
import { dispatch, UNEXPECTED_ERROR, wrapHandler } from '../../main/ipc/handler-table'
import { createMemoryClipboard } from '../../main/services/secret-clipboard'
import { createDeskApi } from '../../preload/desk-api'
import { tempDesk } from '../helpers/temp-desk'

describe('handler wrapper', () => {
  const schema = z.strictObject({ name: z.string().max(5) })
  const noReport = () => {}

  test('passes the parsed payload and wraps the value', async () => {
    const handler = wrapHandler(schema, ((request: { name: string }) => request.name.toUpperCase()) as never, noReport)
    assert.deepEqual(await handler({ name: 'abc' }), { ok: true, value: 'ABC' })
  })

  test('rejects a malformed payload with a typed error and never calls the service', async () => {
    let called = false
    const handler = wrapHandler(schema, (() => (called = true)) as never, noReport)
    for (const payload of [undefined, null, 'text', { name: 7 }, { name: 'toolong' }, { name: 'a', extra: 1 }, JSON.parse('{"name":"a","__proto__":{"x":1}}')]) {
      const result = await handler(payload)
      assert.equal(result.ok, false)
      assert.ok(!result.ok && result.error.code === 'invalid')
    }
    assert.equal(called, false)
  })

  test('a DeskFailure keeps its message and fields; anything else becomes a generic error', async () => {
    const reported: unknown[] = []
    const failing = wrapHandler(schema, (() => {
      throw new DeskFailure('invalid', 'Bad name.', { name: 'Use letters.' })
    }) as never, (error) => reported.push(error))
    assert.deepEqual(await failing({ name: 'a' }), { ok: false, error: { code: 'invalid', message: 'Bad name.', fields: { name: 'Use letters.' } } })
    const crashing = wrapHandler(schema, (() => {
      throw new Error('ENOENT /home/user/secret path and Pass-Word-123!')
    }) as never, (error) => reported.push(error))
    assert.deepEqual(await crashing({ name: 'a' }), { ok: false, error: UNEXPECTED_ERROR })
    assert.equal(reported.length, 1, 'only the unexpected error is reported for the log')
  })
})

describe('handler table', () => {
  test('registers exactly the contract channels, and the preload API reaches each of them', async (t) => {
    const { dataDir, keychainService } = await tempDesk(t)
    const desk = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard() })
    t.after(() => desk.close())
    const names = allChannels().map((channel) => channel.name)
    assert.deepEqual([...desk.handlers.keys()].sort(), [...names].sort())
    assert.ok(names.every((name) => name.startsWith('desk:')))

    const invoked: string[] = []
    const api = createDeskApi(async (channel, payload) => {
      invoked.push(channel)
      return dispatch(desk.handlers, channel, payload)
    })
    for (const [namespace, methods] of Object.entries(api)) {
      for (const method of Object.keys(methods)) assert.equal(typeof (api as unknown as Record<string, Record<string, unknown>>)[namespace]?.[method], 'function')
    }
    const status = await api.app.status({})
    assert.ok(status.ok)
    assert.equal(status.value.customerCount, 0)
    assert.deepEqual(invoked, ['desk:app.status'])
  })

  test('an unknown channel gets a typed error', async (t) => {
    const { dataDir, keychainService } = await tempDesk(t)
    const desk = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard() })
    t.after(() => desk.close())
    assert.deepEqual(await dispatch(desk.handlers, 'desk:customers.dropAll', {}), { ok: false, error: { code: 'invalid', message: 'Unknown request.' } })
    assert.deepEqual(await dispatch(desk.handlers, 42, {}), { ok: false, error: { code: 'invalid', message: 'Unknown request.' } })
  })

  test('a company added through the API is in the JSON file, and a new desk on the same folder shows it', async (t) => {
    const { dataDir, keychainService } = await tempDesk(t)
    const first = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard() })
    const api = createDeskApi((channel, payload) => dispatch(first.handlers, channel, payload))
    const created = await api.customers.create({ form: { companyName: ' Contoso Ltd ', notes: '', x360: null, nexetic: null } })
    assert.ok(created.ok)
    assert.equal(created.value.companyName, 'Contoso Ltd')
    const empty = await api.customers.create({ form: { companyName: '  ', notes: '', x360: null, nexetic: null } })
    assert.deepEqual(empty, { ok: false, error: { code: 'invalid', message: 'Please correct the highlighted fields.', fields: { companyName: 'Enter the Customer Company Name.' } } })
    await first.close()

    const second = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard() })
    t.after(() => second.close())
    const listed = await dispatch(second.handlers, 'desk:customers.list', {})
    assert.ok(listed.ok)
    assert.deepEqual((listed.value as { companyName: string }[]).map((c) => c.companyName), ['Contoso Ltd'])
  })
})
