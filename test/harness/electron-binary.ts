import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { _electron, type ElectronApplication } from 'playwright-core'
import { presetLock, type LockPreset } from '../helpers/lock-preset'

export const ROOT = resolve(import.meta.dirname, '../..')

/**
 * Finds an Electron binary without downloading one: `ELECTRON_OVERRIDE_DIST_PATH`, or the binary a
 * normal `npm install` + first `npm start` placed in node_modules. Returns why not when there is none.
 */
export function findElectronBinary(): { path: string } | { missing: string } {
  const electronDir = join(ROOT, 'node_modules/electron')
  const pathFile = join(electronDir, 'path.txt')
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : defaultExecutable()
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const candidate = override ? join(override, executable) : join(electronDir, 'dist', executable)
  if (existsSync(candidate)) return { path: candidate }
  return {
    missing: override
      ? `no Electron binary at ${candidate} (ELECTRON_OVERRIDE_DIST_PATH)`
      : 'no Electron binary installed (it is downloaded by the first `npm start`; or set ELECTRON_OVERRIDE_DIST_PATH to a local Electron build)',
  }
}

function defaultExecutable(): string {
  if (process.platform === 'win32') return 'electron.exe'
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron'
  return 'electron'
}

/**
 * Launches the built app in its own data folder and keychain service (Actual's fixture, one app per test).
 * The lock starts as "no lock" chosen earlier unless the test says otherwise (see presetLock).
 */
export async function launchDeskApp(dataDir: string, keychainService: string, lock: LockPreset = 'none'): Promise<ElectronApplication> {
  const found = findElectronBinary()
  if (!('path' in found)) throw new Error(found.missing)
  await presetLock(keychainService, lock)
  return _electron.launch({
    executablePath: found.path,
    args: [ROOT],
    env: { ...process.env, MSP_DESK_USER_DATA: dataDir, MSP_DESK_KEYCHAIN_SERVICE: keychainService },
  })
}

/** The test option that reports the Electron layer as skipped, with the reason, where no binary is present. */
export function electronSkipReason(): string | false {
  const found = findElectronBinary()
  return 'missing' in found ? `Electron layer skipped: ${found.missing}` : false
}
