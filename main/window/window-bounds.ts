import { z } from 'zod'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface Size {
  width: number
  height: number
}

/** The window as it was when it closed: its normal (not maximised) bounds, and whether it was maximised. */
export interface SavedWindowState {
  bounds: Rect
  maximized: boolean
}

/** One screen as Electron's `screen` describes it: the work area leaves out the taskbar, the Dock and the menu bar. */
export interface DisplayArea {
  workArea: Rect
  primary?: boolean
}

const coordinate = z.number().int().min(-100_000).max(100_000)
const length = z.number().int().min(1).max(100_000)

/** A file from another version, a hand edit or a half-written file is ignored, never trusted. */
export const savedWindowStateSchema: z.ZodType<SavedWindowState> = z.object({
  bounds: z.object({ x: coordinate, y: coordinate, width: length, height: length }),
  maximized: z.boolean(),
})

function overlap(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return width > 0 && height > 0 ? width * height : 0
}

const clamp = (value: number, low: number, high: number): number => Math.min(Math.max(value, low), Math.max(low, high))

function centredIn(area: Rect, size: Size): Rect {
  return { ...size, x: Math.round(area.x + (area.width - size.width) / 2), y: Math.round(area.y + (area.height - size.height) / 2) }
}

/** No larger than the screen it is on, no smaller than the window allows (which wins on a tiny screen). */
function fit(size: Size, area: Rect, minimum: Size): Size {
  return {
    width: Math.max(minimum.width, Math.min(size.width, area.width)),
    height: Math.max(minimum.height, Math.min(size.height, area.height)),
  }
}

/**
 * Where the window opens: where it was, on the screen it was on, if that screen still exists; moved back
 * inside that screen's work area when part of it is off-screen; centred on the primary screen when the
 * screen it was on is gone (or nothing was saved); never smaller than `minimum`. Maximised comes back as it was.
 */
export function restoreBounds(saved: SavedWindowState | null, displays: readonly DisplayArea[], minimum: Size, preferred: Size = { width: 1280, height: 820 }): SavedWindowState {
  const primary = displays.find((display) => display.primary) ?? displays[0]
  const primaryArea = primary?.workArea ?? { x: 0, y: 0, ...preferred }
  if (!saved) return { bounds: centredIn(primaryArea, fit(preferred, primaryArea, minimum)), maximized: false }

  const best = displays
    .map((display) => ({ area: display.workArea, shared: overlap(display.workArea, saved.bounds) }))
    .filter((candidate) => candidate.shared > 0)
    .sort((a, b) => b.shared - a.shared)[0]
  if (!best) return { bounds: centredIn(primaryArea, fit(saved.bounds, primaryArea, minimum)), maximized: saved.maximized }

  const size = fit(saved.bounds, best.area, minimum)
  return {
    bounds: {
      ...size,
      x: clamp(saved.bounds.x, best.area.x, best.area.x + best.area.width - size.width),
      y: clamp(saved.bounds.y, best.area.y, best.area.y + best.area.height - size.height),
    },
    maximized: saved.maximized,
  }
}
