/**
 * Spreadsheets run a cell that starts with one of these as a formula (CSV injection): the ASCII ones
 * OWASP lists, and their full-width forms (＝ ＋ － ＠), which Excel in East Asian locales also reads
 * as formula signs. OWASP's advice: prefix such a cell with a single quote, which makes it plain text.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/
const GUARD = "'"

/**
 * The exporter's prefix must be reversible exactly, so a cell that already begins with the guard gets
 * one too: then every exported cell that begins with `'` carries exactly one added `'`, and the import
 * can take it off without guessing (`'=1+1` is exported as `''=1+1` and comes back as `'=1+1`).
 */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) || cell.startsWith(GUARD) ? `${GUARD}${cell}` : cell
}

/**
 * The reverse on import, for cells the exporter wrote: one `'` comes off only where the exporter would
 * have added it (before a formula sign or another `'`); any other cell is taken as it is. Never used
 * on a password, which is taken exactly as written in the file.
 */
export function restoreNeutralised(cell: string): string {
  if (!cell.startsWith(GUARD)) return cell
  const rest = cell.slice(GUARD.length)
  return FORMULA_START.test(rest) || rest.startsWith(GUARD) ? rest : cell
}
