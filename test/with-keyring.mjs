#!/usr/bin/env node
// Runs a command with a keychain the tests may use. On Linux with no Secret Service reachable, it
// runs the command inside a private D-Bus session with a throwaway, unlocked gnome-keyring, so tests
// never touch the user's own keychain and need no desktop. Elsewhere the command runs as it is.
// Usage: node test/with-keyring.mjs <command> [args...]; `node` is the Node running this script, so
// `node --import tsx script.ts` works on Windows too, where `tsx` and `npx` are .cmd shims spawn cannot start.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, realpathSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const INSIDE = '--inside-private-keyring'

export function run(command, args, options = {}) {
  return new Promise((done) => {
    const child = spawn(command === 'node' ? process.execPath : command, args, { stdio: 'inherit', ...options })
    child.on('error', (error) => {
      console.error(`Could not start ${command}: ${error.message}`)
      done(1)
    })
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)))
  })
}

function secretServiceReachable() {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) return false
  const reply = spawnSync('dbus-send', ['--session', '--dest=org.freedesktop.DBus', '--type=method_call', '--print-reply',
    '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', 'string:org.freedesktop.secrets'], { encoding: 'utf8' })
  return reply.status === 0 && /boolean true/.test(reply.stdout)
}

async function waitForSecretService(timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (secretServiceReachable()) return true
    await new Promise((wake) => setTimeout(wake, 100))
  }
  return false
}

async function runInsidePrivateKeyring(command, args) {
  const home = mkdtempSync(join(tmpdir(), 'desk-keyring-'))
  const daemon = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], {
    env: { ...process.env, XDG_DATA_HOME: home, XDG_RUNTIME_DIR: home },
    stdio: ['pipe', 'ignore', 'inherit'],
  })
  daemon.stdin.end('throwaway-test-keyring-password\n')
  try {
    if (!(await waitForSecretService(15_000))) {
      console.error('The private gnome-keyring did not come up on the session bus (is gnome-keyring installed?).')
      return 1
    }
    return await run(command, args)
  } finally {
    daemon.kill('SIGTERM')
    rmSync(home, { recursive: true, force: true })
  }
}

export async function withKeyring(command, args) {
  if (process.platform !== 'linux' || secretServiceReachable()) return run(command, args)
  return run('dbus-run-session', ['--', process.execPath, import.meta.filename, INSIDE, command, ...args])
}

// Compared as real paths: a Windows drive letter or a symlinked folder must not make the script do nothing.
const realPath = (path) => {
  try {
    return realpathSync.native(path)
  } catch {
    return path
  }
}
const runAsScript = process.argv[1] !== undefined && realPath(process.argv[1]) === realPath(import.meta.filename)

if (runAsScript) {
  const [first, ...rest] = process.argv.slice(2)
  if (!first) {
    console.error('usage: node test/with-keyring.mjs <command> [args...]')
    process.exitCode = 2
  } else if (first === INSIDE) {
    const [command, ...args] = rest
    process.exitCode = await runInsidePrivateKeyring(command, args)
  } else {
    process.exitCode = await withKeyring(first, rest)
  }
}
