import type { Session } from 'electron'
import { spellcheckPolicy } from '../security/window-policy'

/** Applies the platform's spellcheck policy (window-policy.ts, tested) to a session as soon as it exists, before any page asks for a dictionary. */
export function applySpellcheckPolicy(session: Session, platform: NodeJS.Platform = process.platform): void {
  const policy = spellcheckPolicy(platform)
  session.setSpellCheckerDictionaryDownloadURL(policy.dictionaryDownloadUrl)
  session.setSpellCheckerEnabled(policy.enabled)
}
