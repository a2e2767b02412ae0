import type { RestoreOpened, RestorePreview } from '../../../../main/common/contract'
import { RESTORE_REPLACE_CONFIRM_MISSING } from './export-text'

/** What choosing a file gave: a backup waiting for its passphrase, or why the file is not one. */
export type RestoreStart = RestoreOpened | { kind: 'failed'; message: string }

/**
 * The restore dialog's steps, one state each, so a field can only exist in the step that shows it:
 * the chosen file failed → the passphrase for an opened backup → its summary, confirmed → done.
 */
export type RestoreStep =
  | { step: 'failed'; message: string; busy: null | 'choosing' }
  | {
      step: 'passphrase'
      opened: RestoreOpened
      passphrase: string
      shown: boolean
      passphraseError?: string
      formError: string | null
      busy: null | 'choosing' | 'checking'
    }
  | {
      step: 'summary'
      opened: RestoreOpened
      preview: RestorePreview
      confirmReplace: boolean
      replaceError?: string
      formError: string | null
      busy: null | 'restoring'
    }
  /** Restored: the summary stays on screen while the list reloads, then the dialog closes. */
  | { step: 'done'; opened: RestoreOpened; preview: RestorePreview }

export type RestoreAction =
  | { type: 'choose-started' }
  | { type: 'choose-cancelled' }
  | { type: 'chosen'; start: RestoreStart }
  | { type: 'passphrase-typed'; value: string }
  | { type: 'shown-toggled' }
  | { type: 'check-started' }
  | { type: 'check-failed'; passphraseError?: string; message: string }
  | { type: 'checked'; preview: RestorePreview }
  | { type: 'confirm-changed'; checked: boolean }
  | { type: 'confirm-missing' }
  | { type: 'restore-started' }
  | { type: 'restore-failed'; message: string }
  | { type: 'restored' }

export function firstRestoreStep(start: RestoreStart, shown = false): RestoreStep {
  if (start.kind === 'failed') return { step: 'failed', message: start.message, busy: null }
  return { step: 'passphrase', opened: start, passphrase: '', shown, formError: null, busy: null }
}

/** The opened backup a step holds, which main keeps decrypted until told to discard it. */
export function openedBackup(state: RestoreStep): RestoreOpened | null {
  return state.step === 'failed' ? null : state.opened
}

/** Pure: an action that does not belong to the current step leaves it unchanged. */
export function restoreStepReducer(state: RestoreStep, action: RestoreAction): RestoreStep {
  switch (action.type) {
    case 'choose-started':
      return state.step === 'failed' || state.step === 'passphrase' ? { ...state, busy: 'choosing' } : state
    case 'choose-cancelled':
      return (state.step === 'failed' || state.step === 'passphrase') && state.busy === 'choosing' ? { ...state, busy: null } : state
    case 'chosen':
      // The eye button keeps its choice when another file is picked.
      return firstRestoreStep(action.start, state.step === 'passphrase' && state.shown)
    case 'passphrase-typed':
      return state.step === 'passphrase' ? { ...state, passphrase: action.value, passphraseError: undefined } : state
    case 'shown-toggled':
      return state.step === 'passphrase' ? { ...state, shown: !state.shown } : state
    case 'check-started':
      return state.step === 'passphrase' ? { ...state, busy: 'checking', formError: null } : state
    case 'check-failed':
      if (state.step !== 'passphrase') return state
      // A wrong passphrase is said at its field; anything else above the form.
      return { ...state, busy: null, passphraseError: action.passphraseError, formError: action.passphraseError ? null : action.message }
    case 'checked':
      if (state.step !== 'passphrase') return state
      return { step: 'summary', opened: state.opened, preview: action.preview, confirmReplace: false, formError: null, busy: null }
    case 'confirm-changed':
      return state.step === 'summary' ? { ...state, confirmReplace: action.checked, replaceError: undefined } : state
    case 'confirm-missing':
      return state.step === 'summary' ? { ...state, replaceError: RESTORE_REPLACE_CONFIRM_MISSING } : state
    case 'restore-started':
      return state.step === 'summary' ? { ...state, busy: 'restoring', formError: null } : state
    case 'restore-failed':
      return state.step === 'summary' ? { ...state, busy: null, formError: action.message } : state
    case 'restored':
      return state.step === 'summary' ? { step: 'done', opened: state.opened, preview: state.preview } : state
  }
}
