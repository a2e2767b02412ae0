import { useEffect, useState } from 'react'
import type { AccessLogFilter, AccessLogPage } from '../../../../main/common/contract'
import { useDeskApi, useDeskEvents } from '../../store/desk-context'

export type LoadedLog = null | { page: AccessLogPage } | { error: string }

/** A counter that goes up whenever main says the log has new entries, so a view reads it again. */
export function useLogChanges(): number {
  const on = useDeskEvents()
  const [changes, setChanges] = useState(0)
  useEffect(() => on('accessLog.recorded', () => setChanges((n) => n + 1)), [on])
  return changes
}

/** The entries matching a filter, newest first, read again when the filter changes or the log grows. */
export function useAccessLog(filter: AccessLogFilter | null, limit: number): LoadedLog {
  const api = useDeskApi()
  const changes = useLogChanges()
  const [loaded, setLoaded] = useState<LoadedLog>(null)
  const key = JSON.stringify(filter)
  useEffect(() => {
    if (key === 'null') return
    let current = true
    void api.accessLog.list({ ...(JSON.parse(key) as AccessLogFilter), limit }).then((result) => {
      if (current) setLoaded(result.ok ? { page: result.value } : { error: result.error.message })
    })
    return () => {
      current = false
    }
  }, [api, key, limit, changes])
  return loaded
}
