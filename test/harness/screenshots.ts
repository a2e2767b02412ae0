// `npm run screenshots`: renders the main screens of the built renderer through the layer-2 harness
// into screenshots/*.png, so anyone can look at the UI without Electron.
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { removeKeychainService } from '../helpers/temp-desk'
import { launchChromium, openDesk, type OpenedDesk } from './open-desk'
import { SCREENS } from './screens'

const outDir = resolve(import.meta.dirname, '../../screenshots')
await mkdir(outDir, { recursive: true })
const browser = await launchChromium()
try {
  // `npm run screenshots -- 8` renders only the screens whose names start with one of the arguments.
  const only = process.argv.slice(2)
  for (const screen of SCREENS.filter((candidate) => only.length === 0 || only.some((prefix) => candidate.name.startsWith(prefix)))) {
    const dataDir = await mkdtemp(join(tmpdir(), 'desk-shots-'))
    const keychainService = `msp-customer-desk-screenshots-${process.pid}`
    let desk: OpenedDesk | undefined
    try {
      await screen.beforeOpen?.(dataDir, keychainService)
      desk = await openDesk({
        dataDir,
        keychainService,
        browser,
        ...(screen.fileDialogs ? { fileDialogs: screen.fileDialogs(dataDir) } : {}),
        ...(screen.viewport ? { viewport: screen.viewport } : {}),
        ...(screen.colorScheme ? { colorScheme: screen.colorScheme } : {}),
        ...(screen.lock ? { lock: screen.lock } : {}),
      })
      await screen.prepare(desk)
      const file = join(outDir, `${screen.name}.png`)
      await desk.page.screenshot({ path: file, fullPage: false })
      console.log(`wrote ${file}`)
    } finally {
      await desk?.close()
      await rm(dataDir, { recursive: true, force: true })
      await removeKeychainService(keychainService)
    }
  }
} finally {
  await browser.close()
}
