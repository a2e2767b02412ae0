import { open, readFile, stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import { errorCode, syncDirectory } from '../atomic-file'

/** In the data folder, beside customers.json. */
export const ACCESS_LOG_FILE_NAME = 'access-log.jsonl'

/** The log's text; an empty log when there is no file yet. */
export async function readLogText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8')
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return ''
    throw error
  }
}

/**
 * Appends whole lines and flushes them to the disk before it resolves, as the store's saves do: an
 * entry the desk acted on survives a crash or a power cut. The file is never rewritten, so a crash
 * can at worst cut the last line short, which the chain check reports and the next append steps over.
 */
export async function appendLogLines(file: string, text: string): Promise<void> {
  const existed = await stat(file).then(
    () => true,
    () => false,
  )
  // Owner-only, like the customer file: it names customers and who looked at their passwords.
  const handle = await open(file, 'a', 0o600)
  try {
    await handle.writeFile(text)
    await handle.sync()
  } finally {
    await handle.close()
  }
  // A new file's name must be durable too, or a power cut could lose the whole log.
  if (!existed) await syncDirectory(dirname(file))
}
