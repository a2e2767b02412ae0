import { readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { columnMappingSchema, MAPPING_NAME_MAX_LENGTH, mappingName, type ColumnMapping } from '../../../common/contract/import-mapping'
import { DeskFailure } from '../../../common/desk-error'
import { errorCode, writeFileAtomic } from '../../atomic-file'
import { headerSignature } from './column-mapping'

export const SAVED_MAPPINGS_FILE_NAME = 'import-mappings.json'
const MAX_SAVED = 100

const savedMappingSchema = z.strictObject({
  name: mappingName,
  /** The headers of the file it was made for; a file with the same ones is offered it again. */
  headers: z.array(z.string().max(200)).max(200),
  mapping: columnMappingSchema,
  /** The preset the mapping was made from: its row rule comes back with it. Absent in files of earlier versions. */
  preset: z.string().max(MAPPING_NAME_MAX_LENGTH).optional(),
  savedAt: z.string().max(40),
})
export type SavedMapping = z.infer<typeof savedMappingSchema>

const savedFileSchema = z.strictObject({ version: z.literal(1), mappings: z.array(savedMappingSchema).max(MAX_SAVED) })

/** Column mappings saved by name, in a small file of their own in the data folder; they hold headers, never a cell. */
export function createSavedMappings(dataDir: string, now: () => Date) {
  const file = join(dataDir, SAVED_MAPPINGS_FILE_NAME)

  /** A file that is not what the desk writes is moved aside (never overwritten), and the desk goes on without it. */
  async function read(): Promise<SavedMapping[]> {
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return []
      throw new DeskFailure('not-found', `The saved column mappings (${SAVED_MAPPINGS_FILE_NAME}) could not be read. Check the data folder's permissions.`)
    }
    try {
      const parsed = savedFileSchema.safeParse(JSON.parse(text))
      if (parsed.success) return parsed.data.mappings
    } catch {
      // Not JSON: kept aside below, like a file that does not match the schema.
    }
    await rename(file, `${file}.damaged-${now().toISOString().replace(/[:.]/g, '-')}`).catch(() => undefined)
    return []
  }

  return {
    file,
    list: read,
    /** The mapping saved for files with these headers, the latest first. */
    async forHeaders(headers: readonly string[]): Promise<SavedMapping | null> {
      const signature = headerSignature(headers)
      const found = (await read()).filter((saved) => headerSignature(saved.headers) === signature)
      return found.sort((a, b) => b.savedAt.localeCompare(a.savedAt))[0] ?? null
    },
    /** Replaces a mapping of the same name (ignoring case); the oldest go beyond the limit. */
    async save(name: string, headers: readonly string[], mapping: ColumnMapping, preset: string | null = null): Promise<SavedMapping> {
      const entry: SavedMapping = { name: name.trim(), headers: [...headers], mapping, ...(preset === null ? {} : { preset }), savedAt: now().toISOString() }
      const kept = (await read()).filter((saved) => saved.name.toLowerCase() !== entry.name.toLowerCase())
      const mappings = [...kept, entry].slice(-MAX_SAVED)
      await writeFileAtomic(file, `${JSON.stringify({ version: 1, mappings }, null, 2)}\n`)
      return entry
    },
  }
}

export type SavedMappings = ReturnType<typeof createSavedMappings>
