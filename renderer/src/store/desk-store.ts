import { createStore } from 'zustand/vanilla'
import type { AppStatus, CustomerListItem, DeskApi } from '../../../main/common/contract'
import { EMPTY_SELECTION, selectionReducer, type Selection, type SelectionAction } from './selection'

export interface CustomersSlice {
  customers: CustomerListItem[]
  loaded: boolean
  loadError: string | null
  loadCustomers(): Promise<void>
  /** Puts a customer that main has just saved into the list without a full reload. */
  upsertCustomer(customer: CustomerListItem): void
  removeCustomer(id: string): void
}

export interface AppSlice {
  status: AppStatus | null
  loadStatus(): Promise<void>
  /** A short confirmation or warning shown in the status bar. */
  notice: { kind: 'info' | 'error'; text: string } | null
  showNotice(kind: 'info' | 'error', text: string): void
  clearNotice(): void
}

/** Which customer is shown and whether the create/edit form is open. */
export type EditorState = null | { mode: 'create' } | { mode: 'edit'; id: string }

export interface UiSlice {
  /** The customer whose detail is shown. */
  selectedId: string | null
  /** The customers selected in the list (one after a plain click, several with Ctrl/Shift). */
  selection: Selection
  changeSelection(action: SelectionAction): void
  editor: EditorState
  /** Shows a customer's detail and makes it the selection; null closes the detail and leaves the selection. */
  selectCustomer(id: string | null): void
  openCreate(): void
  openEdit(id: string): void
  closeEditor(): void
}

export type DeskState = CustomersSlice & AppSlice & UiSlice

/** One store per window, built over the API it is given: the preload's in the app, a test transport elsewhere. */
export function createDeskStore(api: DeskApi) {
  return createStore<DeskState>()((set) => ({
    customers: [],
    loaded: false,
    loadError: null,
    async loadCustomers() {
      const result = await api.customers.list({})
      if (result.ok) set({ customers: result.value, loaded: true, loadError: null })
      else set({ loaded: true, loadError: result.error.message })
    },
    upsertCustomer(customer) {
      set((state) => {
        const index = state.customers.findIndex((item) => item.id === customer.id)
        const { history: _history, ...item } = customer as CustomerListItem & { history?: unknown }
        if (index === -1) return { customers: [...state.customers, item] }
        const customers = state.customers.slice()
        customers[index] = item
        return { customers }
      })
    },
    removeCustomer(id) {
      set((state) => ({
        customers: state.customers.filter((item) => item.id !== id),
        selectedId: state.selectedId === id ? null : state.selectedId,
        selection: state.selection.ids.has(id) ? selectionReducer(state.selection, { type: 'toggle', id }) : state.selection,
      }))
    },

    selectedId: null,
    selection: EMPTY_SELECTION,
    changeSelection(action) {
      set((state) => ({ selection: selectionReducer(state.selection, action) }))
    },
    editor: null,
    selectCustomer(id) {
      set((state) => ({ selectedId: id, selection: id === null ? state.selection : selectionReducer(state.selection, { type: 'only', id }) }))
    },
    openCreate() {
      set({ editor: { mode: 'create' } })
    },
    openEdit(id) {
      set({ editor: { mode: 'edit', id } })
    },
    closeEditor() {
      set({ editor: null })
    },

    status: null,
    async loadStatus() {
      const result = await api.app.status({})
      if (result.ok) set({ status: result.value })
    },
    notice: null,
    showNotice(kind, text) {
      set({ notice: { kind, text } })
    },
    clearNotice() {
      set({ notice: null })
    },
  }))
}

export type DeskStore = ReturnType<typeof createDeskStore>
