import { useEffect, useRef, useState } from 'react'
import { STORAGE_TYPES, type Customer } from '../../../../main/common/customer-model'
import { companyKey } from '../../../../main/common/portal-rules'
import { useDesk, useDeskApi } from '../../store/desk-context'
import {
  checkLocally,
  fieldErrorsFromMain,
  fieldId,
  firstInvalidField,
  toCustomerForm,
  type FieldErrors,
  type FieldKey,
  type FormState,
} from './form-state'
import { useCheckAfterPointer } from './use-check-after-pointer'

export const FORM_ERROR_ID = 'customer-form-error'

export type FormMode = { mode: 'create' } | { mode: 'edit'; existing: Customer }

function withField(state: FormState, key: FieldKey, value: string): FormState {
  switch (key) {
    case 'companyName':
      return {
        ...state,
        companyName: value,
        nexetic: state.organizationFollowsCompany ? { ...state.nexetic, organizationName: value } : state.nexetic,
      }
    case 'notes':
      return { ...state, notes: value }
    case 'nexetic.organizationName':
      // Once edited it stays as the user left it: a cleared name is an error at the field, never silently the company's.
      return { ...state, nexetic: { ...state.nexetic, organizationName: value }, organizationFollowsCompany: false }
    case 'nexetic.storageType':
      return { ...state, nexetic: { ...state.nexetic, storageType: STORAGE_TYPES.find((type) => type === value) ?? '' } }
    default: {
      const [section, field] = key.split('.') as ['x360' | 'nexetic', string]
      return section === 'x360' ? { ...state, x360: { ...state.x360, [field]: value } } : { ...state, nexetic: { ...state.nexetic, [field]: value } }
    }
  }
}

const comparable = ({ organizationFollowsCompany: _follows, ...rest }: FormState) => JSON.stringify(rest)

/**
 * The customer form's behaviour: rules checked on blur and on submit, each message at its field, main's
 * answer mapped back to the fields, focus on the first error, and a duplicate company confirmed explicitly.
 */
export function useCustomerForm(initial: FormState, target: FormMode) {
  const api = useDeskApi()
  const customers = useDesk((state) => state.customers)
  const upsertCustomer = useDesk((state) => state.upsertCustomer)
  const selectCustomer = useDesk((state) => state.selectCustomer)
  const closeEditor = useDesk((state) => state.closeEditor)
  const showNotice = useDesk((state) => state.showNotice)

  const [state, setState] = useState(initial)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  /** The company (by its duplicate key) main asked about, and the one the user confirmed. */
  const [duplicateAsked, setDuplicateAsked] = useState<string | null>(null)
  const [duplicateConfirmed, setDuplicateConfirmed] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const pendingFocus = useRef<string | null>(null)

  useEffect(() => {
    if (pendingFocus.current === null) return
    document.getElementById(pendingFocus.current)?.focus()
    pendingFocus.current = null
  })

  const existing = target.mode === 'edit' ? target.existing : null
  const requirePassword = state.x360On && existing?.x360 == null
  const context = { requirePassword, customers, selfId: existing?.id ?? null }
  const dirty = comparable(state) !== comparable(initial)
  const currentKey = companyKey(state.companyName)

  /** Re-checks the given fields against a state; used on blur, and while typing in a field already in error. */
  function recheck(next: FormState, keys: readonly string[]) {
    const found = checkLocally(next, { ...context, requirePassword: next.x360On && existing?.x360 == null })
    setErrors((current) => {
      const updated = { ...current }
      for (const key of keys) {
        if (found[key] === undefined) delete updated[key]
        else updated[key] = found[key]
      }
      return updated
    })
  }

  function setField(key: FieldKey, value: string) {
    const next = withField(state, key, value)
    setState(next)
    if (errors[key] !== undefined) recheck(next, [key])
  }

  function setPasswords(password: string, confirmPassword: string) {
    const next = { ...state, x360: { ...state.x360, password, confirmPassword } }
    setState(next)
    const inError = ['x360.password', 'x360.confirmPassword'].filter((key) => errors[key] !== undefined)
    if (inError.length > 0) recheck(next, inError)
  }

  function setSection(section: 'x360On' | 'nexeticOn', on: boolean) {
    setState({ ...state, [section]: on })
    if (!on) {
      const prefix = section === 'x360On' ? 'x360.' : 'nexetic.'
      setErrors((current) => Object.fromEntries(Object.entries(current).filter(([key]) => !key.startsWith(prefix))))
    }
  }

  // A field already in error is re-checked as the user types; leaving it unchanged keeps the message, even one only main could give.
  const leaveCheck = useCheckAfterPointer((keys) => {
    const fresh = keys.filter((key) => errors[key] === undefined)
    if (fresh.length > 0) recheck(state, fresh)
  })

  async function submit(confirmDuplicate = duplicateConfirmed === currentKey) {
    if (busy) return
    const local = checkLocally(state, context)
    const firstLocal = firstInvalidField(local)
    if (firstLocal) {
      setErrors(local)
      setFormError(null)
      pendingFocus.current = fieldId(firstLocal)
      return
    }
    if (existing && !dirty) {
      // Nothing changed: nothing to save, and no notice claiming otherwise.
      closeEditor()
      return
    }
    setBusy(true)
    const form = toCustomerForm(state)
    const result = existing
      ? await api.customers.update({ id: existing.id, form, confirmDuplicateCompany: confirmDuplicate, reason: '' })
      : await api.customers.create({ form, confirmDuplicateCompany: confirmDuplicate })
    setBusy(false)
    if (result.ok) {
      upsertCustomer(result.value)
      selectCustomer(result.value.id)
      closeEditor()
      showNotice('info', existing ? `Changes to ${result.value.companyName} were saved.` : `${result.value.companyName} was added.`)
      return
    }
    const fields = fieldErrorsFromMain(result.error.fields)
    if (result.error.code === 'needs-confirmation') setDuplicateAsked(currentKey)
    setErrors(fields)
    const first = firstInvalidField(fields)
    // A message main could not tie to a field (keychain locked, read-only store) is shown above the form.
    setFormError(first ? null : result.error.message)
    pendingFocus.current = first ? fieldId(first) : FORM_ERROR_ID
  }

  function confirmDuplicate() {
    setDuplicateConfirmed(currentKey)
    void submit(true)
  }

  return {
    state,
    errors,
    formError,
    busy,
    dirty,
    requirePassword,
    existing,
    duplicatePending: duplicateAsked === currentKey && duplicateConfirmed !== currentKey,
    setField,
    setPasswords,
    setSection,
    blur: leaveCheck.check,
    onPointerDownCapture: leaveCheck.onPointerDownCapture,
    submit,
    confirmDuplicate,
  }
}

export type CustomerFormModel = ReturnType<typeof useCustomerForm>
