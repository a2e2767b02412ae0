import { useEffect, useLayoutEffect, useRef } from 'react'

/**
 * Runs a field's leave-the-field check after a pointer press has finished rather than in the middle of it:
 * a message appearing while the button is held would move that button away before the click lands.
 */
export function useCheckAfterPointer(check: (keys: string[]) => void) {
  const held = useRef(false)
  const deferred = useRef(new Set<string>())
  const latestCheck = useRef(check)
  useLayoutEffect(() => {
    latestCheck.current = check
  })

  useEffect(() => {
    const release = () => {
      if (!held.current) return
      held.current = false
      // A zero delay runs after the click that follows this pointerup.
      setTimeout(() => {
        const keys = [...deferred.current]
        deferred.current.clear()
        if (keys.length > 0) latestCheck.current(keys)
      }, 0)
    }
    window.addEventListener('pointerup', release, true)
    window.addEventListener('pointercancel', release, true)
    return () => {
      window.removeEventListener('pointerup', release, true)
      window.removeEventListener('pointercancel', release, true)
    }
  }, [])

  return {
    onPointerDownCapture() {
      held.current = true
    },
    check(key: string) {
      if (held.current) deferred.current.add(key)
      else latestCheck.current([key])
    },
  }
}
