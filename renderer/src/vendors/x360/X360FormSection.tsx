import { DIRECT_TO_CLOUD_NOTE, VAULT_LOGIN_NOTE } from '../../../../main/common/vendors/x360/account'
import { TextField } from '../../components/TextField'
import { PasswordPairFields } from '../../features/credentials'
import { fieldId } from '../field-id'
import type { VendorFormSectionProps } from '../screens'

/** The x360Recover Direct-to-Cloud account, with the Licensing Portal's own labels. */
export function X360FormSection({ model }: VendorFormSectionProps) {
  const { errors, setField, blur } = model
  const form = model.service('x360').form
  const text = (field: 'username' | 'email' | 'locations') => {
    const key = `x360.${field}`
    return {
      id: fieldId(key),
      value: form[field] ?? '',
      onChange: (value: string) => setField(key, value),
      onBlur: () => blur(key),
      error: errors[key],
    }
  }
  return (
    <div className="form-section__body">
      <p className="note">{DIRECT_TO_CLOUD_NOTE}</p>
      <div className="form-grid">
        <TextField
          {...text('username')}
          label="Customer Username"
          hint="Letters, digits and underscore (_) only."
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
        />
        <TextField {...text('email')} label="Customer Email Address" type="email" autoComplete="off" maxLength={320} />
        <TextField
          {...text('locations')}
          label="Locations"
          hint="Separate locations with commas, such as Head_Office, Warehouse."
          autoComplete="off"
          maxLength={4000}
          fieldClassName="form-grid__wide"
        />
      </div>
      {model.requirePassword ? (
        <div className="form-grid__wide">
          <PasswordPairFields
            labels={{ password: 'Customer Password', confirm: 'Customer Confirm Password' }}
            ids={{ password: fieldId('x360.password'), confirm: fieldId('x360.confirmPassword') }}
            password={form.password ?? ''}
            confirm={form.confirmPassword ?? ''}
            errors={{ password: errors['x360.password'], confirm: errors['x360.confirmPassword'] }}
            onChange={({ password, confirm }) => model.setPasswords(password, confirm)}
            onBlur={(field) => blur(field === 'password' ? 'x360.password' : 'x360.confirmPassword')}
          />
          <p className="field__hint">{VAULT_LOGIN_NOTE} The password is kept only in this computer&apos;s keychain.</p>
        </div>
      ) : (
        <p className="field__hint">
          The Vault password is kept in the keychain; change it with Change Password in the customer&apos;s details.
        </p>
      )}
    </div>
  )
}
