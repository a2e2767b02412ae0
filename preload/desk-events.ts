import { deskEvents, eventChannelName, isDeskEventName, type SubscribeToDeskEvent } from '../main/common/contract'

/** Delivers each message on one channel to `deliver` until the returned function is called. */
export type Listen = (channel: string, deliver: (payload: unknown) => void) => () => void

/**
 * Builds the page's `desk.on` from the contract's events over any transport (ipcRenderer in the
 * preload, a Playwright bridge in the tests): only the contract's events can be listened to, and a
 * payload that does not match its schema never reaches the page.
 */
export function createDeskEvents(listen: Listen): SubscribeToDeskEvent {
  return (event, listener) => {
    if (!isDeskEventName(event)) throw new Error(`There is no desk event named ${String(event)}.`)
    if (typeof listener !== 'function') throw new Error('desk.on needs a listener function.')
    const schema = deskEvents[event]
    return listen(eventChannelName(event), (payload) => {
      const parsed = schema.safeParse(payload)
      if (parsed.success) listener(parsed.data as Parameters<typeof listener>[0])
      else console.error(`Ignored a malformed ${event} event from main.`)
    })
  }
}
