import type { TestContext } from 'node:test'
import { openDesk, type OpenDeskOptions } from '../harness/open-desk'
import { tempDesk } from './temp-desk'

/** Writes into the fresh data folder (and keychain service) before the desk opens, as an earlier run would have. */
export type PrepareDesk = (dataDir: string, keychainService: string) => Promise<void>

/**
 * A desk in Chromium on a fresh data folder and keychain service, closed when the test ends. The second
 * argument is either what to prepare before it opens, or the harness's options (then the third is unused).
 */
export async function open(t: TestContext, prepareOrOptions?: PrepareDesk | Partial<OpenDeskOptions>, options: Partial<OpenDeskOptions> = {}) {
  const prepare = typeof prepareOrOptions === 'function' ? prepareOrOptions : undefined
  const deskOptions = typeof prepareOrOptions === 'function' ? options : (prepareOrOptions ?? options)
  const { dataDir, keychainService } = await tempDesk(t)
  await prepare?.(dataDir, keychainService)
  const opened = await openDesk({ dataDir, keychainService, ...deskOptions })
  t.after(() => opened.close())
  return { ...opened, dataDir, keychainService }
}
