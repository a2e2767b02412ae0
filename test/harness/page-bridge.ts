import { createDeskApi, DESK_API_GLOBAL } from '../../preload/desk-api'

// Bundled into the page before its scripts run: the same API the preload builds, over a Playwright binding.
declare const window: Window & Record<string, unknown> & { __deskInvoke(channel: string, payload: unknown): Promise<unknown> }
window[DESK_API_GLOBAL] = createDeskApi((channel, payload) => window.__deskInvoke(channel, payload))
