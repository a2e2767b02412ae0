import type { PortalForm } from '../../../../main/common/portal-fill'

/**
 * Where the walk through a portal's form stands: which form, the step the next key press copies, and what the
 * last press put on the clipboard (so the panel can say where to paste it).
 */
export interface FillWalk {
  formIndex: number
  next: number
  /** The step just copied (or skipped), or null before the first one. */
  done: number | null
  busy: boolean
  problem: string | null
}

export type FillAction =
  | { type: 'form-chosen'; formIndex: number }
  | { type: 'copy-started' }
  | { type: 'copied'; step: number }
  | { type: 'copy-failed'; message: string }
  | { type: 'step-chosen'; step: number }
  | { type: 'restarted' }

export const startWalk = (formIndex = 0): FillWalk => ({ formIndex, next: 0, done: null, busy: false, problem: null })

/** The walk's rule: a copy moves on to the field after it; a failed copy stays put so the same key tries again. */
export function fillWalk(forms: readonly PortalForm[], walk: FillWalk, action: FillAction): FillWalk {
  const steps = forms[walk.formIndex]?.steps.length ?? 0
  switch (action.type) {
    case 'form-chosen':
      return action.formIndex >= 0 && action.formIndex < forms.length ? startWalk(action.formIndex) : walk
    case 'copy-started':
      return { ...walk, busy: true, problem: null }
    case 'copied':
      return { ...walk, busy: false, done: action.step, next: Math.min(action.step + 1, steps) }
    case 'copy-failed':
      return { ...walk, busy: false, problem: action.message }
    case 'step-chosen':
      return action.step >= 0 && action.step < steps ? { ...walk, next: action.step, problem: null } : walk
    case 'restarted':
      return startWalk(walk.formIndex)
  }
}

/** True once every field of the chosen form has been copied or passed. */
export const walkFinished = (forms: readonly PortalForm[], walk: FillWalk): boolean =>
  walk.next >= (forms[walk.formIndex]?.steps.length ?? 0)
