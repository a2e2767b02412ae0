import { mkdir, unlink, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { dirname } from 'node:path'
import { errorCode, tempPathFor } from './atomic-file'
import { LOCK_STALE_MS } from './store-lock'

const NOT_A_FOLDER = new Set(['EEXIST', 'ENOTDIR'])

export function busyReason(owner: { pid: number; host: string }): string {
  const where = owner.host === hostname() ? `process ${owner.pid}` : `process ${owner.pid} on ${owner.host}`
  return `The customer file is already open in another MSP Customer Desk (${where}). This window shows the customers as they were when it opened and saves nothing: use the other window, or close it and restart this one. If that desk stopped without closing, this window saves again once its lock has not been renewed for ${LOCK_STALE_MS / 60_000} minutes.`
}

/** Makes sure the data folder exists. Returns why the store must stay read-only, or null when it may write. */
export async function checkStoreFolder(file: string): Promise<{ unusable: string } | null> {
  const folder = dirname(file)
  try {
    await mkdir(folder, { recursive: true })
  } catch (error) {
    const code = errorCode(error) ?? 'unknown error'
    const what = NOT_A_FOLDER.has(code) ? 'something that is not a folder already has its name' : `the system refused (${code})`
    return { unusable: `The data folder ${folder} could not be created: ${what}. Nothing was read and nothing will be saved; move that file away and restart MSP Customer Desk.` }
  }
  return null
}

/** Null when a file can be created where the writer puts its temporary file, else why not. */
export async function probeWritable(file: string): Promise<string | null> {
  const probe = tempPathFor(file)
  try {
    await writeFile(probe, '')
    await unlink(probe)
    return null
  } catch (error) {
    return `The data folder ${dirname(file)} cannot be written to (${errorCode(error) ?? 'unknown error'}). Your customers are shown, but nothing will be saved, so nothing can be lost; make the folder writable, then restart MSP Customer Desk.`
  }
}
