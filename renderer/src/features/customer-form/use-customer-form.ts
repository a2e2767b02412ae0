import { useEffect, useRef, useState } from 'react'
import type { Customer } from '../../../../main/common/customer-model'
import { companyKey } from '../../../../main/common/portal-rules'
import { holdsPassword } from '../../../../main/common/vendors/accounts'
import { passwordVendor, vendorByKey, vendors } from '../../../../main/common/vendors/registry'
import { useDesk, useDeskApi } from '../../store/desk-context'
import {
  checkLocally,
  fieldErrorsFromMain,
  fieldId,
  firstInvalidField,
  passwordSectionOn,
  serviceOf,
  toCustomerForm,
  type FieldErrors,
  type FieldKey,
  type FormState,
} from './form-state'
import { useCheckAfterPointer } from './use-check-after-pointer'

export const FORM_ERROR_ID = 'customer-form-error'

export type FormMode = { mode: 'create' } | { mode: 'edit'; existing: Customer }

function withField(state: FormState, key: FieldKey, value: string): FormState {
  if (key === 'companyName') {
    // A vendor field that follows the company name (the Organization name) changes with it until the user edits it.
    const services = { ...state.services }
    for (const vendor of vendors()) {
      const service = serviceOf(state, vendor.key)
      if (vendor.companyNameField && service.followsCompany) services[vendor.key] = { ...service, form: { ...service.form, [vendor.companyNameField]: value } }
    }
    return { ...state, companyName: value, services }
  }
  if (key === 'notes') return { ...state, notes: value }
  const [section = '', field = ''] = key.split('.')
  const vendor = vendorByKey(section)
  if (!vendor) return state
  const service = serviceOf(state, section)
  // Once edited it stays as the user left it: a cleared name is an error at the field, never silently the company's.
  const followsCompany = service.followsCompany && field !== vendor.companyNameField
  return { ...state, services: { ...state.services, [section]: { ...service, form: { ...service.form, [field]: value }, followsCompany } } }
}

const comparable = (state: FormState) =>
  JSON.stringify({ ...state, services: Object.fromEntries(Object.entries(state.services).map(([key, { on, form }]) => [key, { on, form }])) })

/** A password is required when the section that holds it is on and the customer had no such account yet. */
const needsPassword = (state: FormState, existing: Customer | null): boolean => passwordSectionOn(state) && (existing === null || !holdsPassword(existing))

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
  const requirePassword = needsPassword(state, existing)
  const context = { requirePassword, customers, selfId: existing?.id ?? null }
  const dirty = comparable(state) !== comparable(initial)
  const currentKey = companyKey(state.companyName)

  /** Re-checks the given fields against a state; used on blur, and while typing in a field already in error. */
  function recheck(next: FormState, keys: readonly string[]) {
    const found = checkLocally(next, { ...context, requirePassword: needsPassword(next, existing) })
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
    const vendor = passwordVendor()
    if (!vendor?.password) return
    const service = serviceOf(state, vendor.key)
    const { field, confirmField } = vendor.password
    const next = { ...state, services: { ...state.services, [vendor.key]: { ...service, form: { ...service.form, [field]: password, [confirmField]: confirmPassword } } } }
    setState(next)
    const inError = [`${vendor.key}.${field}`, `${vendor.key}.${confirmField}`].filter((key) => errors[key] !== undefined)
    if (inError.length > 0) recheck(next, inError)
  }

  function setSection(key: string, on: boolean) {
    setState({ ...state, services: { ...state.services, [key]: { ...serviceOf(state, key), on } } })
    if (!on) setErrors((current) => Object.fromEntries(Object.entries(current).filter(([field]) => !field.startsWith(`${key}.`))))
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
    /** One vendor's part of the form, as typed. */
    service: (key: string) => serviceOf(state, key),
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
