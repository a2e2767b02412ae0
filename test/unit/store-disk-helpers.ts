import { spawnSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestContext } from 'node:test'

const run = (command: string, args: string[]): boolean => spawnSync(command, args, { stdio: 'ignore' }).status === 0

/**
 * A real small disk: a tmpfs of `sizeKb` mounted on a fresh folder, unmounted after the test. Null
 * where mounting is not allowed (not root, or no Linux), so the caller can fall back or skip.
 */
export async function tinyDisk(t: TestContext, sizeKb: number): Promise<{ dir: string; remountReadOnly(): boolean } | null> {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null
  const dir = await mkdtemp(join(tmpdir(), 'desk-tiny-disk-'))
  if (!run('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0755`, 'tmpfs', dir])) {
    await rm(dir, { recursive: true, force: true })
    return null
  }
  t.after(async () => {
    run('umount', [dir])
    await rm(dir, { recursive: true, force: true })
  })
  return { dir, remountReadOnly: () => run('mount', ['-o', 'remount,ro', dir]) }
}
