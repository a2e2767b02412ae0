import { useEffect, useState } from 'react'
import { useMenuCommands } from '../../components/use-menu-commands'
import { useLock } from './LockGate'
import { SettingsDialog } from './SettingsDialog'

/** Ctrl+L, and ⌘L on a Mac, as in KeePassXC; the native menu has the same accelerator for when the menu takes the key first. */
const isLockShortcut = (event: KeyboardEvent): boolean =>
  (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'l'

/** The header's Lock and Settings buttons, the lock shortcut, and the menu's Settings command. */
export function LockControls() {
  const { status, lockNow } = useLock()
  const [settingsOpen, setSettingsOpen] = useState(false)
  useMenuCommands({ settings: () => setSettingsOpen(true) })

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isLockShortcut(event)) return
      event.preventDefault()
      void lockNow()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [lockNow])

  return (
    <>
      <button type="button" onClick={() => setSettingsOpen(true)}>
        Settings
      </button>
      {status.hasPassphrase ? (
        <button type="button" onClick={() => void lockNow()} aria-keyshortcuts="Control+L Meta+L">
          Lock
        </button>
      ) : null}
      {settingsOpen ? <SettingsDialog onClose={() => setSettingsOpen(false)} /> : null}
    </>
  )
}
