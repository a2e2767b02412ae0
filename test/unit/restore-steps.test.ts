import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { RestoreOpened, RestorePreview } from '../../main/common/contract'
import { RESTORE_REPLACE_CONFIRM_MISSING } from '../../renderer/src/features/exports/export-text'
import { firstRestoreStep, openedBackup, restoreStepReducer, type RestoreAction, type RestoreStep } from '../../renderer/src/features/exports/restore-steps'

const opened: RestoreOpened = { kind: 'opened', token: 'token-1', filePath: '/tmp/desk.mcdbackup', createdAt: '2026-11-23T10:05:00.000Z' }
const preview: RestorePreview = { createdAt: opened.createdAt, customers: 3, passwords: 1, add: 2, replace: 1, conflicts: [] }

function run(state: RestoreStep, ...actions: RestoreAction[]): RestoreStep {
  return actions.reduce(restoreStepReducer, state)
}

describe('restore dialog steps', () => {
  test('a file that failed to open starts on its message, holding no backup', () => {
    const state = firstRestoreStep({ kind: 'failed', message: 'Not a backup.' })
    assert.deepEqual(state, { step: 'failed', message: 'Not a backup.', busy: null })
    assert.equal(openedBackup(state), null)
  })

  test('an opened file asks for its passphrase, then a checked passphrase shows the summary and forgets the passphrase', () => {
    const typed = run(firstRestoreStep(opened), { type: 'passphrase-typed', value: 'correct horse' }, { type: 'check-started' })
    assert.equal(typed.step === 'passphrase' && typed.busy, 'checking')
    const summary = run(typed, { type: 'checked', preview })
    assert.deepEqual(summary, { step: 'summary', opened, preview, confirmReplace: false, formError: null, busy: null })
    assert.equal(openedBackup(summary), opened)
  })

  test('a wrong passphrase is said at its field; another failure above the form; typing clears the field message', () => {
    const wrong = run(firstRestoreStep(opened), { type: 'check-started' }, { type: 'check-failed', passphraseError: 'Wrong passphrase.', message: 'x' })
    assert.equal(wrong.step, 'passphrase')
    assert.ok(wrong.step === 'passphrase')
    assert.equal(wrong.passphraseError, 'Wrong passphrase.')
    assert.equal(wrong.formError, null)
    assert.equal(wrong.busy, null)
    const retyped = run(wrong, { type: 'passphrase-typed', value: 'b' })
    assert.ok(retyped.step === 'passphrase')
    assert.equal(retyped.passphraseError, undefined)
    const other = run(firstRestoreStep(opened), { type: 'check-started' }, { type: 'check-failed', message: 'The backup is damaged.' })
    assert.ok(other.step === 'passphrase')
    assert.equal(other.formError, 'The backup is damaged.')
  })

  test('restoring over customers needs the box ticked: unticked it says so, ticking clears it, then restore runs to done', () => {
    const summary = run(firstRestoreStep(opened), { type: 'checked', preview })
    const missing = run(summary, { type: 'confirm-missing' })
    assert.ok(missing.step === 'summary')
    assert.equal(missing.replaceError, RESTORE_REPLACE_CONFIRM_MISSING)
    const ticked = run(missing, { type: 'confirm-changed', checked: true })
    assert.ok(ticked.step === 'summary')
    assert.equal(ticked.confirmReplace, true)
    assert.equal(ticked.replaceError, undefined)
    const failed = run(ticked, { type: 'restore-started' }, { type: 'restore-failed', message: 'Read-only.' })
    assert.ok(failed.step === 'summary')
    assert.equal(failed.formError, 'Read-only.')
    assert.equal(failed.busy, null)
    assert.deepEqual(run(failed, { type: 'restore-started' }, { type: 'restored' }), { step: 'done', opened, preview })
  })

  test('choosing another file: cancelled keeps the step, another file starts over keeping the eye button, a bad file fails', () => {
    const shown = run(firstRestoreStep(opened), { type: 'shown-toggled' }, { type: 'passphrase-typed', value: 'abc' }, { type: 'choose-started' })
    assert.equal(shown.step === 'passphrase' && shown.busy, 'choosing')
    const cancelled = run(shown, { type: 'choose-cancelled' })
    assert.ok(cancelled.step === 'passphrase')
    assert.equal(cancelled.passphrase, 'abc')
    assert.equal(cancelled.busy, null)
    const other: RestoreOpened = { ...opened, token: 'token-2', filePath: '/tmp/other.mcdbackup' }
    assert.deepEqual(run(shown, { type: 'chosen', start: other }), { step: 'passphrase', opened: other, passphrase: '', shown: true, formError: null, busy: null })
    assert.deepEqual(run(shown, { type: 'chosen', start: { kind: 'failed', message: 'Not a backup.' } }), { step: 'failed', message: 'Not a backup.', busy: null })
  })

  test('an action that belongs to another step leaves the state as it is', () => {
    const failed = firstRestoreStep({ kind: 'failed', message: 'Not a backup.' })
    const summary = run(firstRestoreStep(opened), { type: 'checked', preview })
    assert.equal(run(failed, { type: 'checked', preview }), failed)
    assert.equal(run(failed, { type: 'restored' }), failed)
    assert.equal(run(summary, { type: 'passphrase-typed', value: 'x' }), summary)
    assert.equal(run(summary, { type: 'choose-started' }), summary)
    const done = run(summary, { type: 'restored' })
    assert.equal(run(done, { type: 'restore-started' }), done)
  })
})
