import { formats } from '../../formats'

/** A history time in the user's own locale and time zone, e.g. "23 Nov 2026, 10:05". */
export const formatWhen = formats.dateTime
