import { createContext, useContext, type ReactNode } from 'react'
import { useStore } from 'zustand'
import type { DeskApi } from '../../../main/common/contract'
import type { DeskState, DeskStore } from './desk-store'

interface DeskContextValue {
  api: DeskApi
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

export function useDesk<T>(select: (state: DeskState) => T): T {
  return useStore(useDeskContext().store, select)
}
