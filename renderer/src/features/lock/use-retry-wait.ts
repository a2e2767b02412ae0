import { useEffect, useState } from 'react'

/**
 * The wait main asked for after a wrong passphrase: `waiting` until it is over. main enforces it; the
 * page only keeps the button off. One object per answer, so two equal waits in a row each start a timer.
 */
export function useRetryWait(initialMs = 0): { waiting: boolean; startWait(ms: number): void } {
  const [wait, setWait] = useState({ ms: initialMs })
  useEffect(() => {
    if (wait.ms <= 0) return
    const timer = setTimeout(() => setWait({ ms: 0 }), wait.ms)
    return () => clearTimeout(timer)
  }, [wait])
  return { waiting: wait.ms > 0, startWait: (ms) => setWait({ ms }) }
}
