import { useId, useState, type FormEvent } from 'react'
import type { ColumnMapping, DefaultableField, ImportColumns, ImportField, ImportProblem, PasswordMatchKey } from '../../../../../main/common/contract'
import { FieldFrame, TextField } from '../../../components/TextField'
import { defaultsHintText, mappingSourceText } from './mapping-text'

export type ImportMode = 'customers' | 'passwords'

export interface MappingChoice {
  mapping: ColumnMapping
  mode: ImportMode
  matchBy: PasswordMatchKey
  /** The known tool the file was recognised as: its row rule stays while the user edits the mapping. */
  preset: string | null
}

interface ImportMappingStepProps {
  columns: ImportColumns
  choice: MappingChoice
  onChange(choice: MappingChoice): void
  /** Main's problems with the mapping: at a header's column, or about the mapping as a whole (column ''). */
  problems: ImportProblem[]
  busy: boolean
  onPreview(): void
  /** Resolves with main's message when the mapping was not saved. */
  onSave(name: string): Promise<string | null>
}

const NOT_IMPORTED = ''

/**
 * The file's headers, each mapped to one of the desk's fields (or left out), the values a mapping
 * gives every row for fields the file lacks, and what the file brings: new customers, or Vault
 * passwords for customers already on the desk. It shows headers only, never a cell of the file.
 */
export function ImportMappingStep({ columns, choice, onChange, problems, busy, onPreview, onSave }: ImportMappingStepProps) {
  const ids = { name: useId(), saved: useId(), general: useId() }
  const [name, setName] = useState(columns.source.kind === 'saved' ? columns.source.name : '')
  const [saveState, setSaveState] = useState<{ error: string | null; saved: string | null }>({ error: null, saved: null })
  const { mapping, mode, matchBy } = choice
  const mapped = new Set(mapping.columns.flatMap((column) => column.field ?? []))
  const labelOf = (field: ImportField): string => columns.fields.find((choice) => choice.field === field)?.label ?? field
  const problemAt = (header: string): string | undefined => problems.find((problem) => problem.column === header.trim())?.message
  const general = problems.filter((problem) => problem.column === '' || !columns.headers.some((header) => header.trim() === problem.column))
  // Only what completes an account or subscription the file fills: a password manager's export gets an e-mail and locations.
  const vendorOf = (field: ImportField): string | null => (field.includes('.') ? (field.split('.')[0] ?? null) : null)
  const filledVendors = new Set([...mapped].map(vendorOf))
  const completes = (field: ImportField): boolean => vendorOf(field) !== null && filledVendors.has(vendorOf(field))
  const defaultable = columns.fields.filter((field) => field.defaultable && !mapped.has(field.field) && completes(field.field))

  function setField(index: number, field: ImportField | null) {
    onChange({ ...choice, mapping: { ...mapping, columns: mapping.columns.map((column, at) => (at === index ? { ...column, field } : column)) } })
  }
  function setDefault(field: DefaultableField, value: string) {
    const others = mapping.defaults.filter((entry) => entry.field !== field)
    onChange({ ...choice, mapping: { ...mapping, defaults: value === '' ? others : [...others, { field, value }] } })
  }
  const defaultOf = (field: ImportField): string => mapping.defaults.find((entry) => entry.field === field)?.value ?? ''

  async function save() {
    setSaveState({ error: null, saved: null })
    const error = await onSave(name)
    setSaveState(error ? { error, saved: null } : { error: null, saved: name.trim() })
  }
  function submit(event: FormEvent) {
    event.preventDefault()
    onPreview()
  }

  return (
    <form className="import-mapping" noValidate onSubmit={submit} aria-label="Map the columns">
      <p className="field__hint">{mappingSourceText(columns.source)}</p>
      {general.length > 0 ? (
        <div id={ids.general} className="form-error" role="alert">
          {general.map((problem) => (
            <p key={`${problem.column}-${problem.message}`}>{problem.column ? `${problem.column}: ${problem.message}` : problem.message}</p>
          ))}
        </div>
      ) : null}
      <fieldset className="choice-group">
        <legend>The file brings</legend>
        <label className="check">
          <input type="radio" name="import-mode" checked={mode === 'customers'} onChange={() => onChange({ ...choice, mode: 'customers' })} />
          <span>New customers</span>
        </label>
        <label className="check">
          <input type="radio" name="import-mode" checked={mode === 'passwords'} onChange={() => onChange({ ...choice, mode: 'passwords' })} />
          <span>
            Vault passwords for customers already on the desk <span className="check__detail">Nothing else of a customer changes.</span>
          </span>
        </label>
      </fieldset>
      {mode === 'passwords' ? (
        <fieldset className="choice-group">
          <legend>Match each row to a customer by</legend>
          <label className="check">
            <input type="radio" name="match-by" checked={matchBy === 'username'} onChange={() => onChange({ ...choice, matchBy: 'username' })} />
            <span>Customer Username</span>
          </label>
          <label className="check">
            <input type="radio" name="match-by" checked={matchBy === 'company'} onChange={() => onChange({ ...choice, matchBy: 'company' })} />
            <span>
              Customer Company Name <span className="check__detail">A name that several customers share is not matched.</span>
            </span>
          </label>
        </fieldset>
      ) : null}
      <div className="table-scroll">
        <table className="export-table import-mapping__table">
          <caption>Columns of the file ({columns.headers.length})</caption>
          <thead>
            <tr>
              <th scope="col">Column in the file</th>
              <th scope="col">Desk field</th>
            </tr>
          </thead>
          <tbody>
            {mapping.columns.map((column, index) =>
              column.header.trim() === '' ? null : (
                <tr key={`${index}-${column.header}`}>
                  <th scope="row">{column.header}</th>
                  <td>
                    <FieldFrame label={`Desk field for “${column.header}”`} error={problemAt(column.header)} className="field--compact">
                      {(control) => (
                        <select {...control} value={column.field ?? NOT_IMPORTED} onChange={(event) => setField(index, (event.target.value || null) as ImportField | null)}>
                          <option value={NOT_IMPORTED}>Not imported</option>
                          {columns.fields.map((field) => (
                            <option key={field.field} value={field.field}>
                              {field.label}
                            </option>
                          ))}
                        </select>
                      )}
                    </FieldFrame>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
      {mode === 'customers' && defaultable.length > 0 ? (
        <fieldset className="import-mapping__defaults">
          <legend>Values for every row</legend>
          <p className="field__hint">{defaultsHintText()}</p>
          {defaultable.map((field) => (
            <TextField key={field.field} label={`${labelOf(field.field)} (every row)`} value={defaultOf(field.field)} onChange={(value) => setDefault(field.field as DefaultableField, value)} />
          ))}
        </fieldset>
      ) : null}
      <div className="import-mapping__save">
        <TextField
          id={ids.name}
          label="Save this mapping as"
          value={name}
          onChange={(value) => {
            setName(value)
            setSaveState({ error: null, saved: null })
          }}
          error={saveState.error ?? undefined}
          hint="Offered again for a file with the same columns. It keeps the column names and values for every row, never a cell of the file."
          actions={
            <button type="button" onClick={() => void save()} aria-disabled={busy || undefined}>
              Save mapping
            </button>
          }
        />
        {saveState.saved ? (
          <p id={ids.saved} className="import-summary" role="status">
            Saved as “{saveState.saved}”.
          </p>
        ) : null}
      </div>
      <div className="import-mapping__next">
        <button type="submit" className="primary" aria-disabled={busy || undefined}>
          {busy ? 'Checking…' : 'Show preview'}
        </button>
      </div>
    </form>
  )
}
