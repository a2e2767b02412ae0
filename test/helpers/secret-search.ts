import { readdir, readFile } from 'node:fs/promises'
import { extname, join } from 'node:path'
import ExcelJS from 'exceljs'
import { PDFParse } from 'pdf-parse'

/** Every file below a folder, backups and hidden files included. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name))
}

/** A file's bytes, and for the formats that compress their text (PDF, XLSX) the text as a reader sees it. */
export async function readable(file: string): Promise<Buffer[]> {
  const bytes = await readFile(file)
  if (extname(file) === '.pdf') {
    const parser = new PDFParse({ data: bytes })
    try {
      return [bytes, Buffer.from((await parser.getText()).text)]
    } finally {
      await parser.destroy()
    }
  }
  if (extname(file) === '.xlsx') {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
    const cells: string[] = []
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))))
    return [bytes, Buffer.from(cells.join('\n'))]
  }
  return [bytes]
}

/** The secret in the encodings a leak would most likely take. */
export const encodings = (secret: string): Buffer[] => [
  Buffer.from(secret, 'utf8'),
  Buffer.from(secret, 'utf16le'),
  Buffer.from(Buffer.from(secret).toString('base64')),
]

/**
 * The access log's entries as written in a data folder, for the secrecy tests: they search the log by
 * name and check it holds what was done, so a log that was never written cannot pass for a clean one.
 */
export async function accessLogEntries(dataDir: string): Promise<{ file: string; entries: { action: string; customerId: string | null }[] }> {
  const file = join(dataDir, 'access-log.jsonl')
  const text = await readFile(file, 'utf8')
  return { file, entries: text.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as { action: string; customerId: string | null }) }
}
