import { channelName, contract, type DeskApi } from '../main/common/contract'

/** Sends one request to main and resolves with its typed result. */
export type Invoke = (channel: string, payload: unknown) => Promise<unknown>

/**
 * Builds the page's API from the contract over any transport: Electron's ipcRenderer in the
 * preload, a Playwright binding in the tests. Only the contract's channels can be reached.
 */
export function createDeskApi(invoke: Invoke): DeskApi {
  const api: Record<string, Record<string, (payload?: unknown) => Promise<unknown>>> = {}
  for (const [namespace, methods] of Object.entries(contract)) {
    const bound: Record<string, (payload?: unknown) => Promise<unknown>> = {}
    for (const method of Object.keys(methods)) {
      const name = channelName(namespace, method)
      bound[method] = (payload) => invoke(name, payload ?? {})
    }
    api[namespace] = Object.freeze(bound)
  }
  return Object.freeze(api) as DeskApi
}

export const DESK_API_GLOBAL = 'desk'
