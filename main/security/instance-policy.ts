/** What the running window looks like when the app is launched a second time. */
export interface WindowSnapshot {
  exists: boolean
  /** It has been shown once (ready-to-show); until then there is nothing to bring forward. */
  shown: boolean
  minimized: boolean
}

export type SecondLaunchAction = 'wait' | 'focus' | 'restore-and-focus'

/**
 * A second launch never opens a second desk (it would open the same customer file twice): it quits,
 * and the first instance brings its window forward. A window still loading shows itself when ready.
 */
export function secondLaunchAction(window: WindowSnapshot): SecondLaunchAction {
  if (!window.exists || !window.shown) return 'wait'
  return window.minimized ? 'restore-and-focus' : 'focus'
}
