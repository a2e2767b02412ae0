import { createMemoryClipboard, type TextClipboard } from '../../main/services/secret-clipboard'

export interface ClipboardWrite {
  text: string
  /** Written through writeSecret, i.e. with the marks that keep it out of clipboard history. */
  secret: boolean
}

/** A real in-memory clipboard that also remembers every write, so a copy is seen even if the clear comes quickly. */
export function recordingClipboard(): TextClipboard & { writes: ClipboardWrite[] } {
  const inner = createMemoryClipboard()
  const writes: ClipboardWrite[] = []
  return {
    writes,
    readText: () => inner.readText(),
    writeText: async (text) => {
      writes.push({ text, secret: false })
      await inner.writeText(text)
    },
    writeSecret: async (formats) => {
      writes.push({ text: String(formats.find((format) => format.type === 'text/plain')?.data), secret: true })
      await inner.writeSecret(formats)
    },
    clear: () => inner.clear(),
  }
}
