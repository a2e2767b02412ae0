import { TextField } from '../../components/TextField'
import { fieldId } from '../field-id'
import type { VendorFormSectionProps } from '../screens'

/** A form section for a vendor with no section of its own: one text field per form field, labelled by the vendor's list column for it. */
export function GenericFormSection({ vendor, model }: VendorFormSectionProps) {
  const form = model.service(vendor.key).form
  const labels = new Map<string, string>(vendor.columns.flatMap((column) => (column.formField ? [[column.formField, column.header] as const] : [])))
  return (
    <div className="form-section__body">
      <div className="form-grid">
        {Object.keys(vendor.formSchema.shape).map((field) => {
          const key = `${vendor.key}.${field}`
          return (
            <TextField
              key={key}
              id={fieldId(key)}
              label={labels.get(field) ?? field}
              value={form[field] ?? ''}
              onChange={(value) => model.setField(key, value)}
              onBlur={() => model.blur(key)}
              error={model.errors[key]}
              autoComplete="off"
            />
          )
        })}
      </div>
    </div>
  )
}
