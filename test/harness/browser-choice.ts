import { win32 } from 'node:path'

/** How layer 2 starts its browser: a given executable, one of Playwright's installed-browser channels, or why neither. */
export type BrowserChoice =
  | { executablePath: string; source: string }
  | { channel: 'chrome' | 'msedge'; source: string }
  | { missing: string }

export interface BrowserLookup {
  platform: NodeJS.Platform
  env: Record<string, string | undefined>
  exists: (path: string) => boolean
}

export const DEBIAN_CHROMIUM = '/usr/bin/chromium'

/** Where Playwright looks for each channel (playwright-core's registry); on Windows under each of these folders. */
const CHANNEL_PATHS: Record<'chrome' | 'msedge', Partial<Record<NodeJS.Platform, string>>> = {
  chrome: {
    linux: '/opt/google/chrome/chrome',
    darwin: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    win32: 'Google\\Chrome\\Application\\chrome.exe',
  },
  msedge: {
    linux: '/opt/microsoft/msedge/msedge',
    darwin: '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    win32: 'Microsoft\\Edge\\Application\\msedge.exe',
  },
}

/** Each system's own browser first: Edge ships with Windows, Chrome is the usual one on macOS and Linux. */
const CHANNEL_ORDER: Partial<Record<NodeJS.Platform, ('chrome' | 'msedge')[]>> = { win32: ['msedge', 'chrome'] }

function channelExecutable(channel: 'chrome' | 'msedge', { platform, env, exists }: BrowserLookup): string | undefined {
  const path = CHANNEL_PATHS[channel][platform]
  if (!path) return undefined
  if (platform !== 'win32') return exists(path) ? path : undefined
  const folders = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.HOMEDRIVE && `${env.HOMEDRIVE}\\Program Files`, env.HOMEDRIVE && `${env.HOMEDRIVE}\\Program Files (x86)`]
  return folders.filter((folder): folder is string => Boolean(folder)).map((folder) => win32.join(folder, path)).find(exists)
}

/**
 * Layer 2's browser: `CHROMIUM_PATH`, then Debian's Chromium, then an installed Chrome or Edge through
 * Playwright's `channel` (never a download). With none, says why, so the layer is reported as skipped.
 */
export function chooseBrowser(lookup: BrowserLookup): BrowserChoice {
  const given = lookup.env.CHROMIUM_PATH
  if (given) {
    return lookup.exists(given) ? { executablePath: given, source: 'CHROMIUM_PATH' } : { missing: `CHROMIUM_PATH is set to ${given}, which does not exist` }
  }
  if (lookup.platform !== 'win32' && lookup.exists(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM, source: "Debian's Chromium" }
  for (const channel of CHANNEL_ORDER[lookup.platform] ?? ['chrome', 'msedge']) {
    const found = channelExecutable(channel, lookup)
    if (found) return { channel, source: `Playwright's "${channel}" channel (${found})` }
  }
  const places = [lookup.platform === 'win32' ? null : DEBIAN_CHROMIUM, 'an installed Google Chrome or Microsoft Edge'].filter(Boolean).join(', ')
  return { missing: `no Chromium-based browser found (looked for CHROMIUM_PATH, ${places}); install one or set CHROMIUM_PATH` }
}
