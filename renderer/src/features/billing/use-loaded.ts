import { useEffect, useState } from 'react'
import { useDesk } from '../../store/desk-context'

export type Loaded<T> = { view: T } | { error: string } | null

/**
 * Reads a view again whenever its request or the customers change (an edit made behind the dialog).
 * `keeps(previousKey)`: while the new request loads, the previous answer stays shown (more rows of the same month).
 */
export function useLoaded<T>(load: (() => Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>) | null, key: string, keeps: (previousKey: string) => boolean = () => false): Loaded<T> {
  const customers = useDesk((state) => state.customers)
  const [loaded, setLoaded] = useState<{ key: string; value: Loaded<T> }>({ key: '', value: null })
  useEffect(() => {
    if (!load) return
    let current = true
    void load().then((result) => {
      if (current) setLoaded({ key, value: result.ok ? { view: result.value } : { error: result.error.message } })
    })
    return () => {
      current = false
    }
    // `load` is rebuilt on every render; `key` says what it asks for.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, customers])
  return loaded.key === key || keeps(loaded.key) ? loaded.value : null
}
