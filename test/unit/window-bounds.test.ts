import assert from 'node:assert/strict'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { WINDOW_STATE_FILE_NAME, windowStateFile } from '../../main/services/window-state-file'
import { mainWindowOptions, WINDOW_MINIMUM } from '../../main/security/window-policy'
import { restoreBounds, type DisplayArea } from '../../main/window/window-bounds'

const MINIMUM = { width: 900, height: 600 }
// A laptop (primary, menu bar at the top) and an external screen to its right.
const LAPTOP: DisplayArea = { workArea: { x: 0, y: 25, width: 1440, height: 875 }, primary: true }
const EXTERNAL: DisplayArea = { workArea: { x: 1440, y: 0, width: 2560, height: 1440 } }

describe('restoreBounds', () => {
  test('nothing saved: the default size, centred on the primary screen', () => {
    assert.deepEqual(restoreBounds(null, [EXTERNAL, LAPTOP], MINIMUM), { bounds: { x: 80, y: 53, width: 1280, height: 820 }, maximized: false })
  })

  test('saved on a screen that still exists: exactly where it was', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1500, height: 1000 }, maximized: false }
    assert.deepEqual(restoreBounds(saved, [LAPTOP, EXTERNAL], MINIMUM), saved)
  })

  test('saved on a screen that was removed: centred on the primary one, at a size that fits it', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1500, height: 1000 }, maximized: false }
    assert.deepEqual(restoreBounds(saved, [LAPTOP], MINIMUM), { bounds: { x: 0, y: 25, width: 1440, height: 875 }, maximized: false })
    const small = { bounds: { x: 2000, y: 300, width: 1000, height: 700 }, maximized: false }
    assert.deepEqual(restoreBounds(small, [LAPTOP], MINIMUM).bounds, { x: 220, y: 113, width: 1000, height: 700 })
  })

  test('partly off-screen: moved back inside the work area of the screen it was mostly on', () => {
    const offLeft = { bounds: { x: -300, y: -50, width: 1000, height: 700 }, maximized: false }
    assert.deepEqual(restoreBounds(offLeft, [LAPTOP, EXTERNAL], MINIMUM).bounds, { x: 0, y: 25, width: 1000, height: 700 })
    const offBottomRight = { bounds: { x: 3500, y: 1200, width: 1000, height: 700 }, maximized: false }
    assert.deepEqual(restoreBounds(offBottomRight, [LAPTOP, EXTERNAL], MINIMUM).bounds, { x: 3000, y: 740, width: 1000, height: 700 })
  })

  test('smaller than the window allows: grown to the minimum 900×600', () => {
    const tiny = { bounds: { x: 100, y: 100, width: 400, height: 300 }, maximized: false }
    assert.deepEqual(restoreBounds(tiny, [LAPTOP], MINIMUM).bounds, { x: 100, y: 100, width: 900, height: 600 })
  })

  test('maximised comes back maximised, over the bounds it un-maximises to', () => {
    const saved = { bounds: { x: 1700, y: 200, width: 1200, height: 800 }, maximized: true }
    assert.deepEqual(restoreBounds(saved, [LAPTOP, EXTERNAL], MINIMUM), saved)
    assert.equal(restoreBounds(saved, [LAPTOP], MINIMUM).maximized, true, 'also when its screen is gone')
  })
})

describe('the window options', () => {
  test('open at the restored bounds, keep the 900×600 minimum and every security option', () => {
    const restored = restoreBounds({ bounds: { x: 1600, y: 100, width: 1500, height: 1000 }, maximized: false }, [LAPTOP, EXTERNAL], WINDOW_MINIMUM)
    const options = mainWindowOptions('/app/preload/index.cjs', restored.bounds)
    assert.deepEqual([options.x, options.y, options.width, options.height], [1600, 100, 1500, 1000])
    assert.deepEqual([options.minWidth, options.minHeight], [900, 600])
    assert.deepEqual(options.webPreferences, mainWindowOptions('/app/preload/index.cjs').webPreferences)
    assert.deepEqual([mainWindowOptions('/p').width, mainWindowOptions('/p').height], [1280, 820], 'the default size without saved bounds')
  })
})

describe('the window state file', () => {
  test('is written atomically and read back; a damaged or foreign file is ignored, not trusted', async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'desk-window-state-'))
    t.after(() => rm(dir, { recursive: true, force: true }))
    const stateFile = windowStateFile(dir)
    assert.equal(await stateFile.read(), null, 'none yet')
    const state = { bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: true }
    await stateFile.write(state)
    assert.deepEqual(await stateFile.read(), state)
    assert.deepEqual(await readdir(dir), [WINDOW_STATE_FILE_NAME], 'no temporary file is left')
    assert.deepEqual(JSON.parse(await readFile(join(dir, WINDOW_STATE_FILE_NAME), 'utf8')), state)
    for (const damaged of ['{"bounds":{"x":10', '{"bounds":{"x":"10","y":0,"width":1000,"height":700},"maximized":false}', '[]']) {
      await writeFile(join(dir, WINDOW_STATE_FILE_NAME), damaged)
      assert.equal(await stateFile.read(), null, damaged)
    }
  })
})
