import type { LeftOutRows } from '../../../common/contract/import-mapping'
import { DeskFailure } from '../../../common/desk-error'
import { headerKey } from './column-mapping'
import { presetNamed } from './presets'

/** Why a record (a row's cells, in the header's order) is left out of an import, or null to check it. */
export type RowRule = (record: readonly string[]) => string | null

/**
 * The row rule of the preset a mapping came from, bound to this file's columns: it travels with the
 * mapping (an edited one too) as the preset's name, and confirm binds it again to the same file. A
 * name that is no preset for these headers is refused rather than ignored.
 */
export function rowRuleFor(preset: string | null | undefined, headers: readonly string[]): RowRule | null {
  if (preset === null || preset === undefined) return null
  const found = presetNamed(preset, headers)
  if (!found) throw new DeskFailure('invalid', `The columns of this file are not those of a ${preset} export. Map the columns of this file again.`)
  const { leaveOut } = found
  if (!leaveOut) return null
  const indexOf = new Map<string, number>()
  headers.forEach((header, index) => {
    if (!indexOf.has(headerKey(header))) indexOf.set(headerKey(header), index)
  })
  return (record) => leaveOut((header) => record[indexOf.get(headerKey(header)) ?? -1] ?? '')
}

/** The rows a rule left out, by reason, in the order the reasons first appear. */
export function leftOutRows() {
  const byReason = new Map<string, number[]>()
  return {
    add(row: number, reason: string): void {
      const rows = byReason.get(reason)
      if (rows) rows.push(row)
      else byReason.set(reason, [row])
    },
    list: (): LeftOutRows[] => [...byReason].map(([reason, rows]) => ({ reason, rows })),
  }
}
