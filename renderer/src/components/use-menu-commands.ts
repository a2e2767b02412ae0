import { useEffect, useRef } from 'react'
import type { MenuCommand } from '../../../main/common/contract'
import { useDeskEvents } from '../store/desk-context'

/** Whether a modal dialog is open: a menu command must not open a second one behind it (nor the same one twice). */
export const isModalOpen = (): boolean => document.querySelector('[aria-modal="true"], dialog[open]') !== null

/** Carries out the application menu's commands that this component owns, while no dialog is open. */
export function useMenuCommands(handlers: Partial<Record<MenuCommand, () => void>>): void {
  const on = useDeskEvents()
  // The latest handlers, without listening again on every render.
  const latest = useRef(handlers)
  useEffect(() => {
    latest.current = handlers
  })
  useEffect(
    () =>
      on('menu.command', (command) => {
        const handler = latest.current[command]
        if (handler && !isModalOpen()) handler()
      }),
    [on],
  )
}
