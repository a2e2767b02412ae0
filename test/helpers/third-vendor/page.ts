import { rmSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { build } from 'vite'
import { vendors } from '../../../main/common/vendors/registry'

const RENDERER_ROOT = resolve(import.meta.dirname, '../../../renderer')
const ENTRY = join(import.meta.dirname, 'page-entry.ts')

let built: Promise<string> | undefined

/**
 * The app's page with the third vendor registered, built once per test process with the renderer's own
 * index.html (its CSP) and settings (electron.vite.config.ts), only the entry changed, into a temporary folder of
 * this process (test files run in parallel) removed when it exits. Returns the folder
 * for `openDesk({ rendererDir })`. The main side is this process: its registry must hold the vendor too,
 * so a test imports ./register before anything else.
 */
export function thirdVendorPage(): Promise<string> {
  if (!vendors().some((vendor) => vendor.key === 'cove')) {
    throw new Error('Import test/helpers/third-vendor/register first in the test file, so the handler table knows the vendor as the page does.')
  }
  built ??= buildPage()
  return built
}

async function buildPage(): Promise<string> {
  const entry = relative(RENDERER_ROOT, ENTRY).split('\\').join('/')
  const outDir = await mkdtemp(join(tmpdir(), 'desk-third-vendor-page-'))
  process.once('exit', () => rmSync(outDir, { recursive: true, force: true }))
  await build({
    configFile: false,
    root: RENDERER_ROOT,
    base: './',
    logLevel: 'warn',
    plugins: [
      {
        name: 'third-vendor-entry',
        transformIndexHtml: {
          order: 'pre',
          handler: (html) => {
            const swapped = html.replace('src="./src/main.tsx"', `src="${entry}"`)
            if (swapped === html) throw new Error('renderer/index.html no longer loads ./src/main.tsx: update the third vendor page.')
            return swapped
          },
        },
      },
    ],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'chrome130',
      minify: false,
      modulePreload: { polyfill: false },
      reportCompressedSize: false,
      rolldownOptions: { input: { index: join(RENDERER_ROOT, 'index.html') } },
    },
  })
  return outDir
}
