/**
 * What a restore does with the backup's access log, so that no entry is ever lost or rewritten:
 * - `keep`: this desk's log already holds every entry of the backup's (the same desk, later on);
 * - `replace`: this desk's log is empty or the start of the backup's (a new computer): the backup's takes its place;
 * - `aside`: the two went different ways: this desk's stays, the backup's is kept beside it as a file of its own.
 */
export type LogRestorePlan = 'keep' | 'replace' | 'aside'

export function planLogRestore(current: string, backup: string): LogRestorePlan {
  if (backup === '' || current.startsWith(backup)) return 'keep'
  if (backup.startsWith(current)) return 'replace'
  return 'aside'
}
