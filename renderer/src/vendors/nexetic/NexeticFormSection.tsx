import { parseStorageGb } from '../../../../main/common/portal-rules'
import { STORAGE_TYPE_LOCKED_NOTE, STORAGE_TYPES } from '../../../../main/common/vendors/nexetic/subscription'
import { FieldFrame, TextField } from '../../components/TextField'
import { formats } from '../../formats'
import { fieldId } from '../field-id'
import type { VendorFormSectionProps } from '../screens'

type NexeticText = 'organizationName' | 'domain' | 'userLicenses' | 'extraStorage' | 'notifyUsers'

/** What "2 TB" will be saved as, so the conversion is never a surprise. */
function storageHint(typed: string): string {
  const base = 'The total storage for the customer, in GB. TB is accepted, such as 2 TB (1 TB = 1024 GB).'
  const parsed = parseStorageGb(typed)
  if (!/tb/i.test(typed) || !('value' in parsed)) return base
  return `${base} Saved as ${formats.number(parsed.value)} GB.`
}

/** The Nexetic Wholesale subscription, with the Nexetic Portal's own labels. */
export function NexeticFormSection({ model }: VendorFormSectionProps) {
  const { errors, setField, blur, existing } = model
  const form = model.service('nexetic').form
  const text = (field: NexeticText) => {
    const key = `nexetic.${field}`
    return {
      id: fieldId(key),
      value: form[field] ?? '',
      onChange: (value: string) => setField(key, value),
      onBlur: () => blur(key),
      error: errors[key],
      autoComplete: 'off',
    }
  }
  const storageLocked = existing?.nexetic != null
  return (
    <div className="form-section__body">
      <div className="form-grid">
        <TextField {...text('organizationName')} label="Organization name" maxLength={200} hint="Filled in from the company name; change it if the Nexetic organization is named otherwise." />
        <TextField
          {...text('domain')}
          label="Domain"
          maxLength={300}
          spellCheck={false}
          hint="Optional: the customer's Microsoft 365 domain, such as contoso.com or contoso.onmicrosoft.com."
        />
        <TextField
          {...text('userLicenses')}
          label="User Licenses"
          inputMode="numeric"
          maxLength={50}
          hint="Required even when not relevant: enter a large enough number."
        />
        <TextField {...text('extraStorage')} label="Extra Storage" maxLength={50} hint={storageHint(form.extraStorage ?? '')} />
        <TextField
          {...text('notifyUsers')}
          label="Notify Users"
          maxLength={8000}
          spellCheck={false}
          hint="E-mail addresses separated by semicolons (;)."
          fieldClassName="form-grid__wide"
        />
        {storageLocked ? (
          <TextField
            id={fieldId('nexetic.storageType')}
            label="Storage Type"
            value={form.storageType ?? ''}
            onChange={() => undefined}
            readOnly
            hint={STORAGE_TYPE_LOCKED_NOTE}
            error={errors['nexetic.storageType']}
          />
        ) : (
          <FieldFrame
            id={fieldId('nexetic.storageType')}
            label="Storage Type"
            error={errors['nexetic.storageType']}
            hint="Chosen once, when the subscription is created; only Nexetic Support can change it later."
          >
            {(control) => (
              <select
                {...control}
                value={form.storageType ?? ''}
                onChange={(event) => setField('nexetic.storageType', event.target.value)}
                onBlur={() => blur('nexetic.storageType')}
              >
                <option value="">Choose a Storage Type…</option>
                {STORAGE_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {type}
                  </option>
                ))}
              </select>
            )}
          </FieldFrame>
        )}
      </div>
    </div>
  )
}
