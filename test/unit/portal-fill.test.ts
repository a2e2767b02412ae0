import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { checkCustomerForm } from '../../main/common/customer-form'
import type { Customer } from '../../main/common/customer-model'
import { pasteInstruction, portalForms } from '../../main/common/portal-fill'
import { fillWalk, startWalk, walkFinished } from '../../renderer/src/features/portal-fill/fill-walk'
import { seedForm } from '../helpers/customer-seeds'

/** A stored customer as the desk would keep it, built through the real form rules. */
function customerFrom(form: ReturnType<typeof seedForm>): Omit<Customer, 'history'> {
  const checked = checkCustomerForm(form, { requirePassword: true })
  assert.ok(checked.ok, JSON.stringify(checked))
  const { draft } = checked
  return {
    id: 'c1',
    companyName: draft.companyName,
    notes: draft.notes,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    x360: draft.x360 ? { ...draft.x360, passwordSetAt: null } : null,
    nexetic: draft.nexetic,
  }
}

const both = customerFrom(
  seedForm({
    company: 'Contoso Ltd',
    x360: { username: 'contoso_backup', email: 'it@contoso.com', locations: 'Dublin_HQ , Cork_Branch' },
    nexetic: { domain: 'Contoso.onmicrosoft.com', userLicenses: '45', extraStorage: '2048', notifyUsers: 'it@contoso.com;alerts@contoso.com' },
  }),
)

describe('filling the portal: the fields in the portal’s order', () => {
  test('x360Recover’s Customer Details window, then Nexetic’s Add customer, each field as the portal takes it', () => {
    const [x360, nexetic, ...more] = portalForms(both)
    assert.equal(more.length, 0)
    assert.deepEqual(
      x360?.steps.map((step) => [step.field, step.kind === 'text' || step.kind === 'choose' ? step.text : step.kind]),
      [
        ['Customer Username', 'contoso_backup'],
        ['Customer Company Name', 'Contoso Ltd'],
        ['Customer Password', 'password'],
        ['Customer Confirm Password', 'password'],
        ['Customer Email Address', 'it@contoso.com'],
        ['Locations', 'Dublin_HQ, Cork_Branch'],
      ],
    )
    assert.deepEqual(
      nexetic?.steps.map((step) => [step.field, step.kind === 'text' || step.kind === 'choose' ? step.text : step.kind]),
      [
        ['Organization name', 'Contoso Ltd'],
        ['Domain', 'contoso.onmicrosoft.com'],
        ['User Licenses', '45'],
        ['Extra Storage', '2048'],
        ['Notify Users', 'it@contoso.com; alerts@contoso.com'],
        ['Storage Type', 'Azure (Ireland)'],
      ],
    )
  })

  test('an empty Domain is a field to leave empty, and a customer without services has nothing to fill', () => {
    const noDomain = customerFrom(seedForm({ company: 'Tailspin Toys', nexetic: { userLicenses: '120', notifyUsers: 'backup@tailspintoys.example' } }))
    const [form] = portalForms(noDomain)
    const domain = form?.steps.find((step) => step.field === 'Domain')
    assert.deepEqual(domain, { field: 'Domain', kind: 'leave-empty' })
    assert.equal(pasteInstruction(domain), 'Leave Domain empty.')
    assert.deepEqual(portalForms(customerFrom(seedForm({ company: 'Coho Winery' }))), [])
  })
})

describe('filling the portal: the walk', () => {
  const forms = portalForms(both)

  test('each copy moves on to the next field; a failed copy stays on the same one', () => {
    let walk = startWalk()
    walk = fillWalk(forms, walk, { type: 'copy-started' })
    assert.equal(walk.busy, true)
    walk = fillWalk(forms, walk, { type: 'copied', step: 0 })
    assert.deepEqual([walk.next, walk.done, walk.busy], [1, 0, false])
    walk = fillWalk(forms, fillWalk(forms, walk, { type: 'copy-started' }), { type: 'copy-failed', message: 'The keychain is locked.' })
    assert.deepEqual([walk.next, walk.done, walk.problem], [1, 0, 'The keychain is locked.'])
  })

  test('choosing a field jumps there, choosing the other portal starts it from its first field, and the end is reached', () => {
    let walk = fillWalk(forms, startWalk(), { type: 'step-chosen', step: 4 })
    assert.equal(walk.next, 4)
    assert.equal(fillWalk(forms, walk, { type: 'step-chosen', step: 99 }), walk, 'a field that does not exist changes nothing')
    walk = fillWalk(forms, walk, { type: 'copied', step: 5 })
    assert.equal(walkFinished(forms, walk), true)
    walk = fillWalk(forms, walk, { type: 'form-chosen', formIndex: 1 })
    assert.deepEqual([walk.formIndex, walk.next, walk.done], [1, 0, null])
    assert.equal(walkFinished(forms, walk), false)
    assert.equal(fillWalk(forms, walk, { type: 'form-chosen', formIndex: 2 }), walk)
  })
})
