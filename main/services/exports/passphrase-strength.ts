import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import * as zxcvbnCommon from '@zxcvbn-ts/language-common'
import * as zxcvbnEnglish from '@zxcvbn-ts/language-en'
import { vendors } from '../../common/vendors/registry'

/**
 * zxcvbn's score runs 0–4; 3 is "safely unguessable" (about 10^10 guesses), the level its authors
 * advise for anything that protects more than one account. The backup holds every Vault password.
 */
export const MIN_PASSPHRASE_SCORE = 3

/** Words a guesser tries first against this file: the app's own name and what the file is. */
const DESK_WORDS = ['msp', 'customer', 'desk', 'backup', 'vault', 'passphrase', 'password', 'axcient', ...vendors().map((vendor) => vendor.name.toLowerCase())]

/**
 * zxcvbn's matching grows much faster than the length (a random 1,024-character text takes 30 s, in
 * main): only the beginning is estimated. 64 characters that are hard to guess make a strong passphrase.
 */
const ESTIMATED_LENGTH = 64

let estimator: ZxcvbnFactory | null = null

/** Built on first use (its dictionaries take a moment to load), offline: the word lists ship with the packages. */
function strengthEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEnglish.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
    translations: zxcvbnEnglish.translations,
    maxLength: ESTIMATED_LENGTH,
    // Fewer l33t combinations tried (default 100): their number grows fast, and each one more only finds the same weakness.
    l33tMaxSubstitutions: 8,
  })
  return estimator
}

/** Why the passphrase is too easy to guess, with zxcvbn's advice; null when it is strong enough. */
export function passphraseWeakness(passphrase: string): string | null {
  const start = [...passphrase].slice(0, ESTIMATED_LENGTH).join('')
  const { score, feedback } = strengthEstimator().check(start, DESK_WORDS)
  if (score >= MIN_PASSPHRASE_SCORE) return null
  const reason = feedback.warning ?? 'It follows a pattern that password guessers try early.'
  return ['This passphrase is too easy to guess.', reason, ...feedback.suggestions].join(' ')
}
