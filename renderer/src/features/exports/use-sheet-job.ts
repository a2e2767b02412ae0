import { useEffect, useState } from 'react'
import type { JobProgress, SheetStarted } from '../../../../main/common/contract'
import { useDeskApi } from '../../store/desk-context'

/** How often the page asks main how far a sheet job is; a page of PDF takes a few milliseconds. */
const POLL_MS = 120

export interface SheetJobView {
  progress: JobProgress
  /** Set when main could not say how the job is (it forgot it, or the call failed). */
  lostMessage: string | null
  cancelling: boolean
  cancel(): Promise<JobProgress | null>
}

/** Follows one started job until it stops; `cancel` waits for main to stop it and remove its temp file. */
export function useSheetJob(started: SheetStarted): SheetJobView {
  const api = useDeskApi()
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
    let timer: ReturnType<typeof setTimeout> | undefined
    async function poll() {
      const result = await api.exports.progress({ jobId: started.jobId })
      if (stopped) return
      if (!result.ok) {
        setLostMessage(result.error.message)
        return
      }
      // A cancel answered meanwhile has the last word over a poll that left before it.
      setProgress((current) => (current.state === 'running' ? result.value : current))
      if (result.value.state === 'running') timer = setTimeout(() => void poll(), POLL_MS)
    }
    void poll()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [api, started.jobId])

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
