import { createDeskApi, DESK_API_GLOBAL } from '../../preload/desk-api'
import { createDeskEvents } from '../../preload/desk-events'

// Bundled into the page before its scripts run: the same API the preload builds, over a Playwright binding,
// and the same `on`, fed by the harness through `__deskDeliver` as ipcRenderer feeds it in the app.
declare const window: Window &
  Record<string, unknown> & {
    __deskInvoke(channel: string, payload: unknown): Promise<unknown>
    __deskDeliver?: (channel: string, payload: unknown) => void
  }

const listeners = new Map<string, Set<(payload: unknown) => void>>()
window.__deskDeliver = (channel, payload) => {
  for (const deliver of listeners.get(channel) ?? []) deliver(payload)
}
window[DESK_API_GLOBAL] = {
  ...createDeskApi((channel, payload) => window.__deskInvoke(channel, payload)),
  on: createDeskEvents((channel, deliver) => {
    const forChannel = listeners.get(channel) ?? new Set()
    listeners.set(channel, forChannel)
    // A wrapper of its own, so one listener added twice is also removed twice.
    const entry = (payload: unknown) => deliver(payload)
    forChannel.add(entry)
    return () => {
      forChannel.delete(entry)
    }
  }),
}
