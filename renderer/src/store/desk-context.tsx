import { createContext, useContext, type ReactNode } from 'react'
import { useStore } from 'zustand'
import type { DeskApi, DeskBridge } from '../../../main/common/contract'
import type { DeskState, DeskStore } from './desk-store'

interface DeskContextValue {
  api: DeskBridge
  store: DeskStore
}

const DeskContext = createContext<DeskContextValue | null>(null)

export function DeskProvider({ api, store, children }: DeskContextValue & { children: ReactNode }) {
  return <DeskContext.Provider value={{ api, store }}>{children}</DeskContext.Provider>
}

function useDeskContext(): DeskContextValue {
  const value = useContext(DeskContext)
  if (!value) throw new Error('DeskProvider is missing')
  return value
}

export const useDeskApi = (): DeskApi => useDeskContext().api
/** main's events (menu commands, job progress): `on(event, listener)` returns the function that stops listening. */
export const useDeskEvents = (): DeskBridge['on'] => useDeskContext().api.on

export function useDesk<T>(select: (state: DeskState) => T): T {
  return useStore(useDeskContext().store, select)
}
