import { useEffect, useId, useState } from 'react'
import type { CustomerListItem, FollowUpState } from '../../../../main/common/contract'
import { holdsPassword } from '../../../../main/common/vendors/accounts'
import { passwordWords } from '../../../../main/common/vendors/password-words'
import { formats } from '../../formats'
import { useDesk, useDeskApi } from '../../store/desk-context'

/**
 * After Change Password: what to do in the password vendor's portal, in its own help's words (its
 * definition's `changeSteps`). Each tick is recorded in the history by main; a tick cannot be taken
 * back, as the history is never edited.
 */
export function FollowUpChecklist({ customer }: { customer: CustomerListItem }) {
  const api = useDeskApi()
  const upsertCustomer = useDesk((state) => state.upsertCustomer)
  const showNotice = useDesk((state) => state.showNotice)
  const headingId = useId()
  const [state, setState] = useState<{ id: string; followUp: FollowUpState | null } | null>(null)
  const [ticking, setTicking] = useState<string | null>(null)

  useEffect(() => {
    let current = true
    void api.passwordHistory.followUp({ id: customer.id }).then((result) => {
      if (current && result.ok) setState({ id: customer.id, followUp: result.value })
    })
    return () => {
      current = false
    }
  }, [api, customer.id, customer.updatedAt])

  const followUp = state?.id === customer.id ? state.followUp : null
  if (!holdsPassword(customer) || !followUp) return null

  async function tick(stepId: string) {
    setTicking(stepId)
    const result = await api.passwordHistory.tickFollowUp({ id: customer.id, stepId })
    setTicking(null)
    if (!result.ok) {
      showNotice('error', result.error.message)
      return
    }
    setState({ id: customer.id, followUp: result.value.followUp })
    upsertCustomer(result.value.customer)
  }

  const open = followUp.steps.filter((step) => step.tickedAt === null).length
  const words = passwordWords()
  return (
    <section className="follow-up" aria-labelledby={headingId}>
      <h5 id={headingId}>In {words.name} after the change of {formats.dateTime(followUp.changedAt)}</h5>
      <p className="field__hint">
        {open === 0 ? 'Every step is done.' : `${formats.plural(open, 'step')} to do, from ${words.changeStepsSource}. Each tick is recorded in the history.`}
      </p>
      <ul className="follow-up__steps">
        {followUp.steps.map((step) => (
          <li key={step.id}>
            <label className="check">
              <input
                type="checkbox"
                checked={step.tickedAt !== null}
                disabled={step.tickedAt !== null || ticking !== null}
                onChange={() => void tick(step.id)}
              />
              <span>{step.label}</span>
            </label>
            <span className="field__hint">
              {step.tickedAt !== null ? `Done ${formats.dateTime(step.tickedAt)}. ` : ''}
              {step.detail}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}
