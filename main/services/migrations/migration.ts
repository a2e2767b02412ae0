/**
 * One step of the customer file's format, kept in a file of its own (as Signal Desktop keeps its
 * schema migrations), so that a step, once released, is never edited again: a new format is a new step.
 */
export interface Migration {
  readonly from: number
  readonly to: number
  /**
   * Upgrades a parsed file of version `from`. Anything may be missing or wrong in it (it may have been
   * edited by hand): the step changes what it knows and leaves the rest for the schema to check.
   * Fields it does not know stay as they are, so the store keeps them through its saves.
   */
  migrate(data: Record<string, unknown>): Record<string, unknown>
}
