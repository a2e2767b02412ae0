import { randomBytes } from 'node:crypto'

export interface PendingOptions {
  /** Older entries are dropped first: the page only ever needs the latest few. */
  maxEntries?: number
  /** A pending restore holds decrypted passwords: it should not linger in memory. */
  lifetimeMs?: number
}

/** Work the user previewed and may confirm, keyed by an unguessable token the page holds. */
export function createPendingTokens<T>(now: () => Date, { maxEntries = 5, lifetimeMs = 30 * 60_000 }: PendingOptions = {}) {
  const entries = new Map<string, { value: T; expires: number }>()

  const dropExpired = (): void => {
    const time = now().getTime()
    for (const [token, entry] of entries) if (entry.expires <= time) entries.delete(token)
  }

  return {
    put(value: T): string {
      dropExpired()
      const token = randomBytes(18).toString('base64url')
      entries.set(token, { value, expires: now().getTime() + lifetimeMs })
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next().value
        if (oldest === undefined) break
        entries.delete(oldest)
      }
      return token
    },
    get(token: string): T | undefined {
      dropExpired()
      return entries.get(token)?.value
    },
    delete(token: string): boolean {
      return entries.delete(token)
    },
    clear(): void {
      entries.clear()
    },
  }
}

export type PendingTokens<T> = ReturnType<typeof createPendingTokens<T>>
