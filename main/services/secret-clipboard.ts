/** One representation of a clipboard entry: a MIME type or a raw OS format, and its payload (text is written as UTF-8). */
export interface ClipboardFormat {
  type: string
  data: string | Uint8Array<ArrayBuffer>
}

/** The part of a clipboard the desk uses; Electron's (asynchronous) clipboard in the app (electron/electron-clipboard.ts). */
export interface TextClipboard {
  readText(): Promise<string>
  writeText(text: string): Promise<void>
  /** Commits every format of one secret at once, so the flags and the text can never be seen apart. */
  writeSecret(formats: readonly ClipboardFormat[]): Promise<void>
  /** Empties the clipboard, flags included: writing '' would leave an empty entry in clipboard history. */
  clear(): Promise<void>
}

export const PASSWORD_CLIPBOARD_SECONDS = 30

/** Electron's name for a platform clipboard format that has no MIME type (clipboard.md, "custom formats"). */
export function osClipboardFormat(name: string): string {
  return `electron application/osclipboard;format="${name}"`
}

/** A Windows clipboard DWORD: 4 bytes, little-endian. */
function dword(value: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(4)
  new DataView(bytes.buffer).setUint32(0, value, true)
  return bytes
}

/**
 * The formats a copied password is written with: the text, and the marks that ask the OS and clipboard managers
 * not to keep it (the same ones KeePassXC and Bitwarden set). Windows: not in Win+V history, not synced to the
 * cloud clipboard, not handed to clipboard monitors. macOS: nspasteboard.org's concealed type. Linux: KDE's hint,
 * which Klipper and most Wayland/X11 clipboard managers honour.
 */
export function secretClipboardFormats(platform: NodeJS.Platform, text: string): ClipboardFormat[] {
  const plain: ClipboardFormat = { type: 'text/plain', data: text }
  switch (platform) {
    case 'win32':
      return [
        plain,
        { type: osClipboardFormat('ExcludeClipboardContentFromMonitorProcessing'), data: dword(0) },
        { type: osClipboardFormat('CanIncludeInClipboardHistory'), data: dword(0) },
        { type: osClipboardFormat('CanUploadToCloudClipboard'), data: dword(0) },
      ]
    case 'darwin':
      return [plain, { type: osClipboardFormat('org.nspasteboard.ConcealedType'), data: text }]
    default:
      return [plain, { type: osClipboardFormat('x-kde-passwordManagerHint'), data: 'secret' }]
  }
}

export interface SecretClipboardOptions {
  platform?: NodeJS.Platform
  /** Where a clipboard that fails while clearing is reported; the clear itself never throws. */
  report?: (error: unknown) => void
}

/** Puts a secret on the clipboard and takes it off again after a delay, unless the user copied something else meanwhile. */
export function createSecretClipboard(clipboard: TextClipboard, clearAfterMs = PASSWORD_CLIPBOARD_SECONDS * 1000, options: SecretClipboardOptions = {}) {
  const platform = options.platform ?? process.platform
  const report = options.report ?? (() => {})
  let pending: ReturnType<typeof setTimeout> | undefined
  let lastSecret: string | undefined
  const clearIfStillHeld = async (): Promise<void> => {
    const secret = lastSecret
    lastSecret = undefined
    if (secret === undefined) return
    try {
      // A clipboard that cannot be read may still hold the secret: clearing it then is the safe mistake.
      const stillHeld = await clipboard.readText().then(
        (text) => text === secret,
        () => true,
      )
      if (stillHeld) await clipboard.clear()
    } catch (error) {
      report(error)
    }
  }
  /** On lock and on quit: a secret still on the clipboard is taken off now rather than left behind; other text stays. */
  const clearSecretNow = async (): Promise<void> => {
    if (pending) clearTimeout(pending)
    pending = undefined
    await clearIfStillHeld()
  }
  return {
    clearAfterMs,
    async copySecret(secret: string): Promise<void> {
      await clipboard.writeSecret(secretClipboardFormats(platform, secret))
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
    clearSecretNow,
    dispose: clearSecretNow,
  }
}

export type SecretClipboard = ReturnType<typeof createSecretClipboard>

export interface MemoryClipboard extends TextClipboard {
  /** The formats the clipboard holds now, as they were written, so tests can see a copy's secret marks. */
  readonly formats: readonly ClipboardFormat[]
}

/** A process-local clipboard, for the test harness where no system clipboard exists. */
export function createMemoryClipboard(): MemoryClipboard {
  let formats: readonly ClipboardFormat[] = []
  const text = () => formats.find((format) => format.type === 'text/plain')?.data
  return {
    get formats() {
      return formats
    },
    readText: async () => {
      const plain = text()
      return typeof plain === 'string' ? plain : ''
    },
    writeText: async (plain) => {
      formats = [{ type: 'text/plain', data: plain }]
    },
    writeSecret: async (written) => {
      formats = written.map((format) => ({ ...format }))
    },
    clear: async () => {
      formats = []
    },
  }
}
