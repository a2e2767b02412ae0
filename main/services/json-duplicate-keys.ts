/**
 * JSON.parse keeps the last of two equal keys in one object and drops the other without a word. To
 * notice, the keys written in the text are counted (a scan that jumps from quote to quote) and
 * compared with the keys the parsed value has; only when they differ is the text walked again, key
 * by key, to find (or rule out) a repeated one. Both expect text that JSON.parse has accepted.
 */

const QUOTE = 0x22
const BACKSLASH = 0x5c
const COLON = 0x3a
const isSpace = (code: number): boolean => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09

/** Where the string opening at `start` closes. */
function stringEnd(text: string, start: number): number {
  let end = text.indexOf('"', start + 1)
  for (;;) {
    let slashes = 0
    while (text.charCodeAt(end - 1 - slashes) === BACKSLASH) slashes += 1
    if (slashes % 2 === 0) return end
    end = text.indexOf('"', end + 1)
  }
}

/** The index of the first character after `from` that is not white space. */
function skipSpace(text: string, from: number): number {
  let at = from
  while (isSpace(text.charCodeAt(at))) at += 1
  return at
}

function countTextKeys(text: string): number {
  let keys = 0
  for (let start = text.indexOf('"'); start !== -1; ) {
    const after = skipSpace(text, stringEnd(text, start) + 1)
    if (text.charCodeAt(after) === COLON) keys += 1
    start = text.indexOf('"', after)
  }
  return keys
}

type Frame = { kind: 'object'; keys: Set<string>; key: string } | { kind: 'array'; index: number }

const pathOf = (stack: Frame[]): string =>
  stack
    .slice(0, -1)
    .map((frame) => (frame.kind === 'array' ? `[${frame.index}]` : `.${frame.key}`))
    .join('')
    .replace(/^\./, '')

/** Names the first key that appears twice in one object, with where that object is. */
function findDuplicate(text: string): { key: string; path: string } | null {
  const stack: Frame[] = []
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at)
    const top = stack.at(-1)
    if (code === QUOTE) {
      const end = stringEnd(text, at)
      const after = skipSpace(text, end + 1)
      if (top?.kind === 'object' && text.charCodeAt(after) === COLON) {
        const key = JSON.parse(text.slice(at, end + 1)) as string
        if (top.keys.has(key)) return { key, path: pathOf(stack) }
        top.keys.add(key)
        top.key = key
      }
      at = end
    } else if (code === 0x7b) stack.push({ kind: 'object', keys: new Set(), key: '' })
    else if (code === 0x5b) stack.push({ kind: 'array', index: 0 })
    else if (code === 0x7d || code === 0x5d) stack.pop()
    else if (code === 0x2c && top?.kind === 'array') top.index += 1
  }
  return null
}

/**
 * Null when no object in the text repeats a key; otherwise the key and the path of the object holding
 * it ('' for the top level). `parsedKeys` is how many keys the parsed value holds (counted by the
 * caller's own walk); a count that differs for another reason only costs the slower walk.
 */
export function duplicateKey(text: string, parsedKeys: number): { key: string; path: string } | null {
  return countTextKeys(text) === parsedKeys ? null : findDuplicate(text)
}
