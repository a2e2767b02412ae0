import type { z } from 'zod'
import { allChannels, channelName, contract, type Contract, type NamespaceName } from '../common/contract'
import type { ParsedRequestOf, ResponseOf } from '../common/contract/define'
import { DeskFailure } from '../common/desk-error'
import type { DeskError, Result } from '../common/result'

/** What main implements: for every channel of the contract, a function of its parsed request. */
export type Implementation = {
  [N in NamespaceName]: {
    [M in keyof Contract[N]]: (request: ParsedRequestOf<Contract[N][M]>) => Promise<ResponseOf<Contract[N][M]>> | ResponseOf<Contract[N][M]>
  }
}

export type Handler = (payload: unknown) => Promise<Result<unknown>>
/** Channel name → handler; the same table serves Electron's IPC and the test harness. */
export type HandlerTable = ReadonlyMap<string, Handler>

export const UNEXPECTED_ERROR: DeskError = { code: 'internal', message: 'Something unexpected went wrong. Please try again.' }

const shortened = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max)}…` : text)

/** zod names unknown keys in its message; a hostile page could send a megabyte-long key, so only a short form goes back. */
function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'unrecognized_keys') return shortened(issue.message, 300)
  const named = issue.keys.slice(0, 5).map((key) => `"${shortened(key, 40)}"`)
  return `Unexpected field${issue.keys.length > 1 ? 's' : ''}: ${named.join(', ')}${issue.keys.length > 5 ? ` and ${issue.keys.length - 5} more` : ''}`
}

/** A form has far fewer fields; a page sending an array of 10,000 wrong items gets a short answer, not 10,000 messages. */
const MAX_FIELD_ERRORS = 20

function payloadError(error: z.ZodError): DeskError {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '(request)'
    if (!(key in fields) && Object.keys(fields).length >= MAX_FIELD_ERRORS) break
    fields[key] ??= issueMessage(issue)
  }
  return { code: 'invalid', message: 'The request was not in the expected form.', fields }
}

/** Wraps one implementation: validate the payload, run it, and turn any failure into a typed error. */
export function wrapHandler(schema: z.ZodType, run: (request: never) => unknown, report: (error: unknown) => void): Handler {
  return async (payload) => {
    const parsed = schema.safeParse(payload)
    if (!parsed.success) return { ok: false, error: payloadError(parsed.error) }
    try {
      return { ok: true, value: await run(parsed.data as never) }
    } catch (error) {
      if (error instanceof DeskFailure) return { ok: false, error: error.toDeskError() }
      report(error)
      return { ok: false, error: UNEXPECTED_ERROR }
    }
  }
}

/**
 * The only channels a locked desk answers: the lock's own (its status, the ways to unlock, locking again)
 * and the first-start choice. Every other channel, including any added later, is refused while locked.
 */
export const OPEN_WHILE_LOCKED: ReadonlySet<string> = new Set(
  (['status', 'unlock', 'unlockWithTouchId', 'lock', 'setUp'] as const).map((method) => channelName('lock', method)),
)

export const LOCKED_ERROR: DeskError = { code: 'locked', message: 'The desk is locked. Unlock it with the desk passphrase to go on.' }

/** What the table asks before each call; without one (tests of other services) nothing is ever locked. */
export interface LockGate {
  isLocked(): boolean
}

/** Refuses a call while the desk is locked, before its payload is even parsed, unless the channel is the lock's own. */
export function lockedUnlessExempt(name: string, gate: LockGate, handler: Handler): Handler {
  if (OPEN_WHILE_LOCKED.has(name)) return handler
  return async (payload) => (gate.isLocked() ? { ok: false, error: LOCKED_ERROR } : handler(payload))
}

export function createHandlerTable(implementation: Implementation, report: (error: unknown) => void, gate?: LockGate): HandlerTable {
  const table = new Map<string, Handler>()
  for (const { namespace, method, name } of allChannels()) {
    const spec = (contract[namespace] as Record<string, { request: z.ZodType }>)[method]
    const run = (implementation[namespace] as Record<string, (request: never) => unknown>)[method]
    if (!spec || !run) throw new Error(`No implementation for ${name}`)
    const handler = wrapHandler(spec.request, run, report)
    table.set(name, gate ? lockedUnlessExempt(name, gate, handler) : handler)
  }
  return table
}

/** For callers that hold only a channel name: unknown channels get a typed error, never a throw. */
export async function dispatch(table: HandlerTable, channel: unknown, payload: unknown): Promise<Result<unknown>> {
  const handler = typeof channel === 'string' ? table.get(channel) : undefined
  if (!handler) return { ok: false, error: { code: 'invalid', message: 'Unknown request.' } }
  return handler(payload)
}
