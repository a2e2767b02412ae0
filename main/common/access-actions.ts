/**
 * What the access log records: every moment a secret is seen, copied, printed, backed up or restored,
 * every change of a password, and the desk's lock: locking, unlocking and every change of its settings.
 * The one list: the log's schema, the filter's contract, the CSV and the page's labels and filter all
 * read it. Never a secret: an entry says what happened, not what was shown.
 */
export const ACCESS_ACTIONS = [
  'password-reveal',
  'password-copy',
  'password-print',
  'backup',
  'restore',
  'password-change',
  'password-import',
  'previous-password-reveal',
  'previous-password-copy',
  'lock',
  'unlock',
  'unlock-failed',
  'lock-settings',
] as const
export type AccessAction = (typeof ACCESS_ACTIONS)[number]

export const ACCESS_ACTION_LABELS: Record<AccessAction, string> = {
  'password-reveal': 'Password revealed',
  'password-copy': 'Password copied',
  'password-print': 'Password printed on a customer sheet',
  backup: 'Encrypted backup made',
  restore: 'Backup restored',
  'password-change': 'Password changed',
  'password-import': 'Password imported',
  'previous-password-reveal': 'Previous password revealed',
  'previous-password-copy': 'Previous password copied',
  lock: 'Desk locked',
  unlock: 'Desk unlocked',
  'unlock-failed': 'Unlock failed',
  'lock-settings': 'Lock settings changed',
}

/** The actions that put a customer's current password in front of someone: what "exposed since changed" counts. */
export const EXPOSING_ACTIONS: readonly AccessAction[] = ['password-reveal', 'password-copy', 'password-print']
