import { useCallback } from 'react'
import { useDesk, useDeskApi } from '../../store/desk-context'

const preview = (text: string): string => (text.length > 60 ? `${text.slice(0, 57)}…` : text)

/** Copies a field's value through main (which owns the clipboard) and says what was copied. */
export function useCopyText(): (label: string, text: string) => Promise<void> {
  const api = useDeskApi()
  const showNotice = useDesk((state) => state.showNotice)
  return useCallback(
    async (label: string, text: string) => {
      const result = await api.app.copyText({ text })
      if (result.ok) showNotice('info', `Copied ${label}: ${preview(text)}`)
      else showNotice('error', `${label} could not be copied. ${result.error.message}`)
    },
    [api, showNotice],
  )
}
