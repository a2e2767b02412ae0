import { vendors } from './registry'

/** The desk fields a CSV column can fill, by form path, in the form's order: the company, each vendor's columns and password, the notes. */
export const importFieldNames = (): string[] => [
  'companyName',
  ...vendors().flatMap((vendor) => [
    ...vendor.columns.flatMap((column) => (column.formField ? [`${vendor.key}.${column.formField}`] : [])),
    ...(vendor.password ? [`${vendor.key}.${vendor.password.field}`] : []),
  ]),
  'notes',
]

/** The fields a mapping may give one value for every row: each vendor names its own (never a login or a password). */
export const defaultableFieldNames = (): string[] => [...vendors().flatMap((vendor) => (vendor.importDefaultable ?? []).map((field) => `${vendor.key}.${field}`)), 'notes']
