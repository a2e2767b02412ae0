import { z } from 'zod'
import type { JobProgress } from './exports'

/** What the application menu asks the page to do; main never sends anything else on `menu.command`. */
export const MENU_COMMANDS = ['new-customer', 'import', 'export-sheets', 'export-csv', 'export-xlsx', 'backup', 'restore', 'settings'] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]

const jobProgress: z.ZodType<JobProgress> = z.strictObject({
  jobId: z.string().min(1).max(100),
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  done: z.number().int().min(0),
  total: z.number().int().min(0),
  filePath: z.string().max(4096),
  message: z.string().max(2000).nullable(),
})

/** Every message main sends to the page unasked, with the schema the preload checks its payload with. */
export const deskEvents = {
  'menu.command': z.enum(MENU_COMMANDS),
  'exports.sheetProgress': jobProgress,
  /** main locked or unlocked the desk (idle, the OS lock screen, sleep, the menu): the page asks for the status. */
  'lock.changed': z.strictObject({ locked: z.boolean() }),
  /** The access log has new entries: the page reads it again where it shows it. */
  'accessLog.recorded': z.strictObject({ entries: z.number().int().min(1) }),
}

export type DeskEvents = typeof deskEvents
export type DeskEventName = keyof DeskEvents
export type DeskEventPayload<E extends DeskEventName> = z.output<DeskEvents[E]>

/** The page's side: listen to one event; the returned function stops listening. */
export type SubscribeToDeskEvent = <E extends DeskEventName>(event: E, listener: (payload: DeskEventPayload<E>) => void) => () => void
/** Main's side: send one event to the page (dropped while there is no page). */
export type EmitDeskEvent = <E extends DeskEventName>(event: E, payload: DeskEventPayload<E>) => void

/** Events travel on their own prefix, so no event can be mistaken for a request channel (`desk:`). */
export const eventChannelName = (event: DeskEventName): string => `desk-event:${event}`

export const isDeskEventName = (name: unknown): name is DeskEventName => typeof name === 'string' && Object.hasOwn(deskEvents, name)
