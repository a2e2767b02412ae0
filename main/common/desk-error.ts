import type { DeskError, DeskErrorCode } from './result'

/** An error whose message is written for the user; anything else is reported as an internal error. */
export class DeskFailure extends Error {
  readonly code: DeskErrorCode
  readonly fields: Record<string, string> | undefined

  constructor(code: DeskErrorCode, message: string, fields?: Record<string, string>) {
    super(message)
    this.name = 'DeskFailure'
    this.code = code
    this.fields = fields
  }

  toDeskError(): DeskError {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message }
  }
}

export function invalidFields(fields: Record<string, string>, message = 'Please correct the highlighted fields.'): DeskFailure {
  return new DeskFailure('invalid', message, fields)
}

/** A customer asked for by id that another window, or an earlier step, has deleted meanwhile. */
export function customerGone(): DeskFailure {
  return new DeskFailure('not-found', 'This customer no longer exists; it may have been deleted.')
}
