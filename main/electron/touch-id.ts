import type { TouchIdPrompt } from '../services/lock/desk-lock'

/** The part of Electron's systemPreferences that Touch ID needs (macOS only). */
export interface TouchIdPart {
  canPromptTouchID(): boolean
  promptTouchID(reason: string): Promise<void>
}

/** Touch ID for the lock on macOS; none elsewhere, where systemPreferences has neither method. */
export function touchIdFor(platform: NodeJS.Platform, systemPreferences: TouchIdPart): TouchIdPrompt | undefined {
  if (platform !== 'darwin') return undefined
  return {
    canPrompt: () => systemPreferences.canPromptTouchID(),
    // macOS shows "<app> is trying to <reason>." above the fingerprint prompt.
    prompt: (reason) => systemPreferences.promptTouchID(reason),
  }
}
