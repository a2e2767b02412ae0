import type { DeskBridge } from '../../main/common/contract'

declare global {
  interface Window {
    /** Exposed by the preload (or the test harness); the page's only way to reach main. */
    desk?: DeskBridge
  }
}

export function deskApiFromWindow(): DeskBridge {
  if (!window.desk) throw new Error('The desk API is missing: the page must be opened by MSP Customer Desk.')
  return window.desk
}
