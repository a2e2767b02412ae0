import assert from 'node:assert/strict'
import type { RuleResult } from '../../main/common/portal-rules'

/** The value a field rule accepted; fails the test with the rule's answer otherwise. */
export const valueOf = <T>(result: RuleResult<T>): T => {
  assert.ok('value' in result, `expected a value, got ${JSON.stringify(result)}`)
  return result.value
}

/** The message a field rule refused with; fails the test with the rule's answer otherwise. */
export const errorOf = <T>(result: RuleResult<T>): string => {
  assert.ok('error' in result, `expected an error, got ${JSON.stringify(result)}`)
  return result.error
}
