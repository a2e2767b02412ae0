import { formats } from '../../formats'

/** The list's and the detail's figures, in the user's locale (main/common/formats.ts decides the shapes). */
export const formatStorage = formats.storage
export const formatCount = (value: number): string => formats.number(value)
export const formatDateTime = formats.dateTime
export const formatDate = formats.date
