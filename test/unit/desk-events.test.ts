import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { eventChannelName, type DeskEventName, type DeskEventPayload, type JobProgress } from '../../main/common/contract'
import { emptyCustomerForm } from '../../main/common/customer-form'
import { createDesk } from '../../main/desk'
import { dispatch } from '../../main/ipc/handler-table'
import { createMemoryClipboard } from '../../main/services/secret-clipboard'
import { createDeskApi } from '../../preload/desk-api'
import { createDeskEvents, type Listen } from '../../preload/desk-events'
import { tempDesk } from '../helpers/temp-desk'
import { createCustomers, scriptedDialogs, unwrap } from '../helpers/export-fixtures'

/** A transport like ipcRenderer's: `send` delivers to whoever listens on the channel. */
function memoryTransport() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const listen: Listen = (channel, deliver) => {
    const set = listeners.get(channel) ?? new Set()
    listeners.set(channel, set)
    set.add(deliver)
    return () => set.delete(deliver)
  }
  const send = (channel: string, payload: unknown) => listeners.get(channel)?.forEach((deliver) => deliver(payload))
  return { listen, send, count: (channel: string) => listeners.get(channel)?.size ?? 0 }
}

describe('desk.on: the page side of main-to-page events', () => {
  test('delivers a valid payload, drops one that does not match the contract, and stops after unsubscribe', (t) => {
    t.mock.method(console, 'error', () => {})
    const transport = memoryTransport()
    const on = createDeskEvents(transport.listen)
    const heard: string[] = []
    const stop = on('menu.command', (command) => heard.push(command))
    transport.send(eventChannelName('menu.command'), 'new-customer')
    transport.send(eventChannelName('menu.command'), 'format-disk')
    transport.send(eventChannelName('menu.command'), { command: 'import' })
    transport.send(eventChannelName('menu.command'), 'import')
    assert.deepEqual(heard, ['new-customer', 'import'])
    stop()
    assert.equal(transport.count(eventChannelName('menu.command')), 0)
    transport.send(eventChannelName('menu.command'), 'backup')
    assert.deepEqual(heard, ['new-customer', 'import'])
  })

  test('refuses an event the contract does not name, prototype keys included', () => {
    const on = createDeskEvents(memoryTransport().listen)
    for (const name of ['customers.list', '__proto__', 'constructor', 'toString']) {
      assert.throws(() => on(name as DeskEventName, () => {}), /no desk event named/)
    }
  })
})

describe('sheet job progress as events', () => {
  test('main announces a long job as it goes, at most about a hundred times, and always its end', async (t) => {
    const { dataDir, keychainService } = await tempDesk(t)
    const folder = await mkdtemp(join(tmpdir(), 'desk-events-'))
    t.after(() => rm(folder, { recursive: true, force: true }))
    const sent: JobProgress[] = []
    let ended: () => void = () => {}
    const end = new Promise<void>((resolve) => (ended = resolve))
    const emit = <E extends DeskEventName>(event: E, payload: DeskEventPayload<E>) => {
      if (event !== 'exports.sheetProgress') return
      const progress = payload as JobProgress
      sent.push(progress)
      if (progress.state !== 'running') ended()
    }
    const desk = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard(), fileDialogs: scriptedDialogs(folder), emit })
    t.after(() => desk.close())
    const api = createDeskApi((channel, payload) => dispatch(desk.handlers, channel, payload))
    const customers = await createCustomers(
      api,
      Array.from({ length: 250 }, (_, i) => ({ ...emptyCustomerForm(), companyName: `Customer ${String(i).padStart(3, '0')}`, notes: '' })),
    )
    const started = unwrap(await api.exports.sheetStart({ customerIds: customers.map((customer) => customer.id) }))
    if (started.kind !== 'started') throw new Error('not started')
    await end

    const last = sent[sent.length - 1]
    assert.deepEqual(last, { jobId: started.jobId, state: 'done', done: 250, total: 250, filePath: started.filePath, message: null })
    const running = sent.slice(0, -1)
    assert.ok(running.length >= 50 && running.length <= 101, `${running.length} progress events`)
    assert.ok(running.every((progress, index) => progress.state === 'running' && progress.done > (running[index - 1]?.done ?? 0)), 'each one further on')
  })
})
