/** The part of a clipboard the desk uses; Electron's (asynchronous) clipboard in the app. */
export interface TextClipboard {
  readText(): Promise<string>
  writeText(text: string): Promise<void>
}

export const PASSWORD_CLIPBOARD_SECONDS = 30

/** Puts a secret on the clipboard and takes it off again after a delay, unless the user copied something else meanwhile. */
export function createSecretClipboard(clipboard: TextClipboard, clearAfterMs = PASSWORD_CLIPBOARD_SECONDS * 1000) {
  let pending: ReturnType<typeof setTimeout> | undefined
  let lastSecret: string | undefined
  const clearIfStillHeld = async (): Promise<void> => {
    const secret = lastSecret
    lastSecret = undefined
    if (secret !== undefined && (await clipboard.readText()) === secret) await clipboard.writeText('')
  }
  return {
    clearAfterMs,
    async copySecret(secret: string): Promise<void> {
      await clipboard.writeText(secret)
      lastSecret = secret
      if (pending) clearTimeout(pending)
      pending = setTimeout(() => {
        pending = undefined
        void clearIfStillHeld()
      }, clearAfterMs)
      // A pending clear must not keep a test process alive; quitting clears through dispose().
      pending.unref?.()
    },
    async copyText(text: string): Promise<void> {
      await clipboard.writeText(text)
    },
    /** On quit: a secret still on the clipboard is taken off now rather than left behind. */
    async dispose(): Promise<void> {
      if (pending) clearTimeout(pending)
      pending = undefined
      await clearIfStillHeld()
    },
  }
}

export type SecretClipboard = ReturnType<typeof createSecretClipboard>

/** A process-local clipboard, for the test harness where no system clipboard exists. */
export function createMemoryClipboard(): TextClipboard {
  let content = ''
  return {
    readText: async () => content,
    writeText: async (text) => {
      content = text
    },
  }
}
