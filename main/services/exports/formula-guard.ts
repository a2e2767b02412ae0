/**
 * Spreadsheets run a cell that starts with one of these as a formula (CSV injection). OWASP's advice:
 * prefix such a cell with a single quote, which makes it plain text.
 */
const FORMULA_START = /^[=+\-@\t\r]/

export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell
}

/** The reverse on import, so that an exported list imports back as it was. */
export function restoreNeutralised(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell
}
