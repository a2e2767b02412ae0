import type { ColumnMapping, MappingSource } from '../../../common/contract/import-mapping'
import { deskMapping, mappingByHeader, headerKey } from './column-mapping'
import { presetField, presetFor, presetNamed } from './presets'
import type { SavedMapping } from './saved-mappings'

export interface Proposal {
  mapping: ColumnMapping
  source: MappingSource
  /** True when the file is checked as today's import, by the desk's own headers (no mapping). */
  deskHeaders: boolean
  /** The preset whose row rule applies: the recognised tool's, or the one a saved mapping was made from. */
  preset: string | null
}

/**
 * The mapping a newly chosen file starts with: the desk's own headers as today; else the mapping the
 * user saved for the same headers; else a known tool's export; else the desk's headers that match,
 * with the user to map the rest.
 */
export function proposeMapping(headers: readonly string[], saved: SavedMapping | null): Proposal {
  const desk = deskMapping(headers)
  if (desk.unknown.length === 0) return { mapping: desk.mapping, source: { kind: 'desk' }, deskHeaders: true, preset: null }
  if (saved) {
    const fieldOf = new Map(saved.mapping.columns.map((column) => [headerKey(column.header), column.field] as const))
    const preset = saved.preset === undefined ? null : (presetNamed(saved.preset, headers)?.name ?? null)
    return { mapping: mappingByHeader(headers, (key) => fieldOf.get(key) ?? null, saved.mapping.defaults), source: { kind: 'saved', name: saved.name }, deskHeaders: false, preset }
  }
  const preset = presetFor(headers)
  if (preset) return { mapping: mappingByHeader(headers, (key) => presetField(preset, key)), source: { kind: 'preset', name: preset.name }, deskHeaders: false, preset: preset.name }
  return { mapping: desk.mapping, source: { kind: 'none' }, deskHeaders: true, preset: null }
}
