import type { PasswordImportPreview, PasswordImportRow } from '../../../../../main/common/contract'
import { plural } from '../export-text'
import { ImportProblems } from '../ImportTables'
import { LeftOutRows } from './LeftOutRows'
import { noPasswordMatchText } from './mapping-text'

const KEY_LABEL = { username: 'Customer Username in the file', company: 'Customer Company Name in the file' } as const

function MatchTable({ caption, rows, keyLabel, withReason }: { caption: string; rows: PasswordImportRow[]; keyLabel: string; withReason: boolean }) {
  return (
    <div className="table-scroll">
      <table className="export-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">{keyLabel}</th>
            <th scope="col">Customer on the desk</th>
            {withReason ? <th scope="col">Why it is skipped</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.row}>
              <td className="export-table__number">{row.row}</td>
              <td>{row.key || <span className="none-value">Empty</span>}</td>
              <td>{row.companyName ?? <span className="none-value">None</span>}</td>
              {withReason ? <td>{row.reason}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** The password import's preview: who each row matched. It never has anything of a password to show. */
export function PasswordImportView({ preview, summaryId }: { preview: PasswordImportPreview; summaryId: string }) {
  const keyLabel = KEY_LABEL[preview.matchBy]
  const skipped = preview.unmatched.length + preview.ambiguous.length
  return (
    <>
      {preview.errors.length > 0 ? (
        <p id={summaryId} className="form-error" role="alert">
          The file has {plural(preview.errors.length, 'problem')}, so no password can be set: the import sets every matched password or none. Correct the
          file, save it, then choose it again.
        </p>
      ) : (
        <p id={summaryId} className="import-summary" role="status">
          {preview.matched.length === 0
            ? noPasswordMatchText()
            : `${plural(preview.matched.length, { one: '# Vault password', other: '# Vault passwords' })} will be set, only in the keychain; a password the customer already has is left as it is.`}
          {skipped > 0 ? ` ${plural(skipped, 'row')} will be skipped.` : ''} Nothing is written until you select Set.
        </p>
      )}
      <LeftOutRows leftOut={preview.leftOut} />
      {preview.errors.length > 0 ? <ImportProblems caption={`Problems to fix (${preview.errors.length})`} problems={preview.errors} /> : null}
      {preview.matched.length > 0 ? <MatchTable caption={`Matched (${preview.matched.length})`} rows={preview.matched} keyLabel={keyLabel} withReason={false} /> : null}
      {preview.ambiguous.length > 0 ? <MatchTable caption={`Ambiguous, skipped (${preview.ambiguous.length})`} rows={preview.ambiguous} keyLabel={keyLabel} withReason /> : null}
      {preview.unmatched.length > 0 ? <MatchTable caption={`Not matched, skipped (${preview.unmatched.length})`} rows={preview.unmatched} keyLabel={keyLabel} withReason /> : null}
    </>
  )
}
