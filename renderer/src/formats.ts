import { formatsFor } from '../../main/common/formats'

/** The page's numbers and dates, in the language the user's browser (Electron: the OS) reports. */
export const pageLocale: string | undefined = typeof navigator === 'undefined' ? undefined : navigator.language

export const formats = formatsFor(pageLocale)
