import type { ImportProblem, ImportRow } from '../../../../main/common/contract'
import { vendors } from '../../../../main/common/vendors/registry'
import { plural } from './export-text'

/** The services shown as a yes/no column each: those without the password, which the username and password columns already show. */
const serviceColumns = () => vendors().filter((vendor) => !vendor.password)

/** More rows than this are counted rather than drawn; each is still checked and imported. */
const ROWS_SHOWN = 300

/** Every problem with its row (as a spreadsheet numbers them) and column, so each can be found in the file. */
export function ImportProblems({ caption, problems }: { caption: string; problems: ImportProblem[] }) {
  return (
    <div className="table-scroll">
      <table className="export-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Column</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((problem, index) => (
            <tr key={`${problem.row}-${problem.column}-${index}`}>
              <td className="export-table__number">{problem.row}</td>
              <td>{problem.column === '' ? <span className="none-value">Whole row</span> : problem.column}</td>
              <td>{problem.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

const yes = (value: boolean) => (value ? 'Yes' : <span className="none-value">No</span>)

/** The customers the file would create, one line each. */
export function ImportRows({ rows }: { rows: ImportRow[] }) {
  const shown = rows.slice(0, ROWS_SHOWN)
  return (
    <>
      <div className="table-scroll">
        <table className="export-table">
          <caption>Customers to create ({rows.length})</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Customer Company Name</th>
              <th scope="col">Customer Username</th>
              <th scope="col">Vault password</th>
              {serviceColumns().map((vendor) => (
                <th key={vendor.key} scope="col">
                  {vendor.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.row}>
                <td className="export-table__number">{row.row}</td>
                <td>{row.companyName}</td>
                <td>{row.username ?? <span className="none-value">None</span>}</td>
                <td>{row.username === null ? <span className="none-value">–</span> : yes(row.withPassword)}</td>
                {serviceColumns().map((vendor) => (
                  <td key={vendor.key}>{yes(row.services.includes(vendor.key))}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > shown.length ? (
        <p className="field__hint">…and {plural(rows.length - shown.length, 'more row')}, not listed here; all of them are imported.</p>
      ) : null}
    </>
  )
}
