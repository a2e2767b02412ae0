import { mkdir, mkdtemp, realpath, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { TestContext } from 'node:test'
import { build } from 'esbuild'

/**
 * A program of test/child-programs bundled into one file (keytar aside, which is native), so a child
 * that is started and killed many times does not spend each start resolving exceljs's and pdfkit's
 * hundreds of modules. Written under node_modules/.cache, where the child resolves keytar, at its real
 * path: the programs start only when run under the name they have (see their last line).
 */
export async function bundleDeskChild(t: TestContext, program: string): Promise<string> {
  const cache = join(import.meta.dirname, '../../node_modules/.cache')
  await mkdir(cache, { recursive: true })
  const dir = await mkdtemp(join(await realpath(cache), 'desk-child-'))
  t.after(() => rm(dir, { recursive: true, force: true }))
  const outfile = join(dir, program.replace(/\.ts$/, '.mjs'))
  await build({
    entryPoints: [join(import.meta.dirname, '../child-programs', program)],
    outfile,
    bundle: true,
    external: ['keytar'],
    banner: { js: "import { createRequire as bannerRequire } from 'node:module'; const require = bannerRequire(import.meta.url);" },
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
  })
  return outfile
}
