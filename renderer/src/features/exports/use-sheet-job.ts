import { useEffect, useState } from 'react'
import type { JobProgress, SheetStarted } from '../../../../main/common/contract'
import { useDeskApi, useDeskEvents } from '../../store/desk-context'

export interface SheetJobView {
  progress: JobProgress
  /** Set when main could not say how the job is (it forgot it, or the call failed). */
  lostMessage: string | null
  cancelling: boolean
  cancel(): Promise<JobProgress | null>
}

/** The later of two reports of one job: a stopped job never runs again, and its count only grows. */
function later(current: JobProgress, next: JobProgress): JobProgress {
  if (current.state !== 'running') return current
  if (next.state === 'running' && next.done < current.done) return current
  return next
}

/** Follows one started job until it stops, from main's progress events; `cancel` waits for main to stop it and remove its temp file. */
export function useSheetJob(started: SheetStarted): SheetJobView {
  const api = useDeskApi()
  const on = useDeskEvents()
  const [progress, setProgress] = useState<JobProgress>({
    jobId: started.jobId,
    state: 'running',
    done: 0,
    total: started.total,
    filePath: started.filePath,
    message: null,
  })
  const [lostMessage, setLostMessage] = useState<string | null>(null)
  const [cancelling, setCancelling] = useState(false)

  useEffect(() => {
    let stopped = false
    const unsubscribe = on('exports.sheetProgress', (next) => {
      if (next.jobId === started.jobId) setProgress((current) => later(current, next))
    })
    // Once, after listening: events sent before this component listened (a short job may already be done) are not lost.
    void api.exports.progress({ jobId: started.jobId }).then((result) => {
      if (stopped) return
      if (result.ok) setProgress((current) => later(current, result.value))
      else setLostMessage(result.error.message)
    })
    return () => {
      stopped = true
      unsubscribe()
    }
  }, [api, on, started.jobId])

  async function cancel(): Promise<JobProgress | null> {
    setCancelling(true)
    const result = await api.exports.cancel({ jobId: started.jobId })
    setCancelling(false)
    if (!result.ok) {
      setLostMessage(result.error.message)
      return null
    }
    setProgress(result.value)
    return result.value
  }

  return { progress, lostMessage, cancelling, cancel }
}
