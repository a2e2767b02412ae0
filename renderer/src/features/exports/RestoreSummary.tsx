import type { RestorePreview } from '../../../../main/common/contract'
import { formatWhen, plural } from './export-text'

/** What a checked backup holds and what restoring it would do to this desk. */
export function RestoreSummary({ filePath, preview }: { filePath: string; preview: RestorePreview }) {
  const { add, replace, conflicts } = preview
  return (
    <>
      <p className="import-file">
        File: <code>{filePath}</code>
      </p>
      <p>
        The passphrase is right and the file is intact. Made {formatWhen(preview.createdAt)}, it holds {plural(preview.customers, 'customer')} and{' '}
        {plural(preview.passwords, 'Vault password')}.
      </p>
      <p className="import-summary" role="status">
        Restoring would add {add} and replace {replace} {add + replace === 1 ? 'customer' : 'customers'}.
      </p>
      <ul className="restore-effects">
        <li>
          <strong>Add {add}:</strong> customers in the backup that are not on this desk.
        </li>
        <li>
          <strong>Replace {replace}:</strong> customers on this desk that are also in the backup; the backup’s version, with its password and
          history, takes their place.
        </li>
        <li>Customers only on this desk are kept as they are.</li>
      </ul>
      {conflicts.length > 0 ? (
        <>
          <p className="form-error" role="alert">
            {plural(conflicts.length, { one: 'A customer on this desk uses the same username', other: '# customers on this desk use the same username' })}{' '}
            as a different customer in the backup. Rename or delete {conflicts.length === 1 ? 'it' : 'them'} on this desk first, then restore
            again; nothing was changed.
          </p>
          <div className="table-scroll">
            <table className="export-table">
              <caption>Username clashes ({conflicts.length})</caption>
              <thead>
                <tr>
                  <th scope="col">Customer Username</th>
                  <th scope="col">On this desk</th>
                  <th scope="col">In the backup</th>
                </tr>
              </thead>
              <tbody>
                {conflicts.map((conflict) => (
                  <tr key={conflict.username}>
                    <td>{conflict.username}</td>
                    <td>{conflict.deskCompany}</td>
                    <td>{conflict.backupCompany}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </>
  )
}
